"""The reports: who withdrew when, what was in force on a day, what changed, the timeline, an entity.

Every function takes the graph built by `graph.build_graph` and returns JSON-ready rows (dates as
ISO strings) whose keys are the documented columns, in order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from ..graph import store
from ..graph.dates import Span
from ..graph.entities import ANY, Entity, Registry
from ..graph.eventlog import Fact
from ..graph.events import Source
from ..graph.intervals import Endorsement, Status
from .filters import BadFilter, Filters, as_day
from .rows import DATE_RANGES, span_fields

__all__ = [
    "ASOF_COLUMNS",
    "ENDORSEMENT_COLUMNS",
    "COMPARE_COLUMNS",
    "STOOD_BY_COLUMNS",
    "TIMELINE_COLUMNS",
    "WITHDRAWAL_COLUMNS",
    "COMPACT_COLUMNS",
    "Filters",
    "as_of",
    "citations",
    "compare",
    "entity_profile",
    "resolve",
    "stood_by",
    "timeline",
    "withdrawals",
]

# Columns in order; a date range is its three columns (queries.rows.DATE_RANGES).
_DATE, _ENDORSED, _STARTED, _ENDED = (DATE_RANGES[k] for k in ("date", "endorsed", "started", "ended"))
WITHDRAWAL_COLUMNS = (*_DATE, "endorser", "endorser_kind", "endorser_title", "candidate", "race", *_ENDORSED,
                      "implied", "rank", "trigger", "days_after_trigger", "possible_triggers", "cause",
                      "conflicts", "group", "sources", "citations")  # fmt: skip
ASOF_COLUMNS = ("endorser", "endorser_kind", "candidate", "race", "rank", "effective_rank", "status",
                *_STARTED, "implied", "group", "conflicts", "sources", "citations")  # fmt: skip
COMPARE_COLUMNS = ("change", "certain", "endorser", "endorser_kind", "candidate", "race", "rank",
                   "status_before", "status_after", *_STARTED, *_ENDED, "ended_by", "why", "conflicts",
                   "sources", "citations")  # fmt: skip
STOOD_BY_COLUMNS = (*_DATE, "endorser", "endorser_kind", "candidate", "race", "rank", *_ENDORSED, "implied",
                    "ended_by", "conflicts", "sources", "citations")  # fmt: skip
TIMELINE_COLUMNS = (*_DATE, "actor", "action", "target", "race", "rank", "group", "note", "conflicts", "id",
                    "sources", "citations")  # fmt: skip
# What the terminal table shows unless --columns says otherwise (CSV and JSON carry every column;
# a date range is named by its display name, queries.rows.DATE_RANGES).
COMPACT_COLUMNS: dict[str, tuple[str, ...]] = {
    "withdrawals": ("date", "endorser", "candidate", "race", "endorsed", "implied", "rank", "trigger",
                    "days_after_trigger", "possible_triggers", "conflicts", "citations"),
    "asof": ("endorser", "candidate", "race", "rank", "effective_rank", "status", "started", "implied",
             "conflicts", "citations"),
    "compare": ("change", "certain", "endorser", "candidate", "race", "started", "ended", "ended_by", "why",
                "citations"),
    "stood_by": ("date", "endorser", "candidate", "race", "endorsed", "ended_by", "conflicts", "citations"),
    "timeline": ("date", "actor", "action", "target", "race", "rank", "conflicts", "citations"),
}  # fmt: skip
ENDORSEMENT_COLUMNS = ("endorser", "candidate", "rank", *_STARTED, *_ENDED, "ended_by", "implied", "sources")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _registry(graph: nx.MultiDiGraph) -> Registry:
    return store.registry(graph)


def resolve(graph: nx.MultiDiGraph, name: str, race: str | None = None) -> Entity:
    """The entity a name, alias or id means (in `race`, when given: a surname then means that
    race's person); UnknownName lists close matches."""
    return _registry(graph).resolve(name, race if race else ANY)


def _label(source: Source) -> str:
    """Where a source comes from, for people: its outlet, else its URL's host, else its id."""
    if source.outlet:
        return source.outlet
    if source.url:
        return urlsplit(source.url).hostname or source.url
    return source.id


def citations(facts: list[Fact]) -> list[dict[str, str | None]]:
    """How a reporter cites the facts: one entry per source, each with its outlet (else the host
    of its URL; null when neither is known), published date, URL, the evidence sentence quoted
    from it when the source gave one, and the source id, in the order the sources were loaded."""
    out: dict[str, dict[str, str | None]] = {}
    for fact in facts:
        for report in fact.reports:
            source = report.source
            entry = out.setdefault(
                source.url or source.id,  # an article and a facts row citing its URL: one citation
                {
                    "outlet": _label(source) if (source.outlet or source.url) else None,
                    "published": _iso(source.published),
                    "url": source.url,
                    "evidence": None,
                    "source": source.id,
                },
            )
            entry["evidence"] = entry["evidence"] or report.evidence
    return list(out.values())


def _conflicts(facts: list[Fact]) -> list[str]:
    return [c for f in facts for c in f.conflicts]


def _name(graph: nx.MultiDiGraph, entity_id: str) -> str:
    return _registry(graph)[entity_id].name


_FILTER_DOC = """`candidate` (a name or a list of names), `endorser`, `race`, `kind` (the endorser's, or for
    the timeline the actor's: person, union, party, …) and `since`/`until` (dates or ISO strings; a row
    is kept when its date may fall in the window) narrow the rows; see queries.filters."""


def _filters(graph: nx.MultiDiGraph, **given: Any) -> Filters:
    filters = Filters.of(**given).resolve(_registry(graph))
    _loaded_for(graph, filters.candidate_ids())
    return filters


def _loaded_for(graph: nx.MultiDiGraph, candidates: frozenset[str] | None) -> None:
    """A graph loaded for some candidates only (`load(candidates=...)`) answers about them alone."""
    about = store.only_about(graph)
    if about is not None and (candidates is None or not candidates <= about):
        names = ", ".join(sorted(_name(graph, c) for c in about))
        raise BadFilter(
            f"this graph was loaded only for reports about {names}: narrow the report to them, "
            "or load without candidates="
        )


def _edges(graph: nx.MultiDiGraph, action: str, candidates: frozenset[str] | None):
    """Edges of one action, into the candidates (adjacency lookups) or anywhere."""
    if candidates is None:
        edges = graph.edges(keys=True, data=True)
    else:
        edges = [e for c in sorted(candidates) if c in graph for e in graph.in_edges(c, keys=True, data=True)]
    return [d for _, _, _, d in edges if d["action"] == action]


def _accusations(graph: nx.MultiDiGraph, candidate: str) -> list[Fact]:
    return store.accusations_of(graph, candidate)  # indexed when the graph is built


def _trigger(accusations: list[Fact], when: Span) -> Fact | None:
    """The latest of the candidate's `accusations` certainly on or before `when`."""
    before = [f for f in accusations if f.span.certainly_on_or_before(when)]
    return max(before, key=lambda f: f.span.sort_key(), default=None)


def _pair_rows(
    graph: nx.MultiDiGraph, action: str, filters: Filters, columns: tuple[str, ...], extra
) -> list[dict[str, Any]]:
    """Rows for the facts of one action on an endorser-candidate pair (withdrawals, stand-bys),
    with the endorsement interval each belongs to; `extra(fact, interval)` adds report-only values.
    Ordered by date (bounded dates by not_after, then not_before), endorser, candidate."""
    registry = _registry(graph)
    rows = []
    for data in _edges(graph, action, filters.candidate_ids()):
        fact: Fact = data["fact"]
        interval: Endorsement | None = data["endorsement"]
        endorser = registry[fact.actor]
        if not filters.keeps(fact.actor, fact.target, fact.span, fact.race, endorser.kind):
            continue
        start = interval.start if interval else Span()
        values = {
            **span_fields("date", fact.span),
            "endorser": endorser.name,
            "endorser_kind": endorser.kind,
            "endorser_title": endorser.title_on(fact.span.latest),
            "candidate": _name(graph, fact.target),
            "race": fact.race,
            **span_fields("endorsed", start),
            "implied": bool(interval and interval.implied),
            "rank": data["rank"],
            "group": fact.group,
            "conflicts": fact.conflicts,
            "sources": fact.source_ids,
            "citations": citations([fact]),
            **extra(fact, interval),
        }
        row = {column: values[column] for column in columns}
        row["_key"] = (fact.span.sort_key(), endorser.name.casefold(), values["candidate"].casefold())
        rows.append(row)
    return _sorted(rows)


# A cause stated in the source: "in light of the allegations", "after the accusation", …
_CAUSE = re.compile(
    r"\b(?:in light of|in the light of|because of|due to|following|after|in response to|amid|given)\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:allegations?|accusations?|accusers?|claims?|reports?)\b(?:\s+(?:of|by|against)"
    r"\s+[\w'’ -]{1,40}?(?=[.,;:]|$))?",
    re.IGNORECASE,
)


def stated_cause(fact: Fact) -> str | None:
    """The cause a report of `fact` states, as written ("in light of the allegations"), if any."""
    for report in fact.reports:
        for text in (report.note, report.evidence):
            match = _CAUSE.search(text or "")
            if match:
                return match.group(0).strip()
    return None


def _describe_fact(graph: nx.MultiDiGraph, fact: Fact) -> str:
    return f"{_name(graph, fact.actor)} ({fact.span})"


def withdrawals(
    graph: nx.MultiDiGraph,
    candidate: str | Iterable[str] | None = None,
    *,
    endorser: str | Iterable[str] | None = None,
    race: str | Iterable[str] | None = None,
    kind: str | Iterable[str] | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
) -> list[dict[str, Any]]:
    """One row per withdrawal, ordered by date (bounded dates by not_after, then not_before),
    then endorser, with the accusation that set it off: `trigger` is the latest accusation
    certainly on or before it; `possible_triggers` the accusations whose order with it is
    uncertain; `cause` the cause a source states ("in light of the allegations"), which makes
    the one possible trigger the trigger when no accusation certainly came first.

    """
    filters = _filters(graph, candidate=candidate, endorser=endorser, race=race, kind=kind, since=since,
                       until=until)  # fmt: skip

    accusations: dict[str, list[Fact]] = {}  # per candidate, looked up once

    def trigger(fact: Fact, interval: Endorsement | None) -> dict[str, Any]:
        if fact.target not in accusations:
            accusations[fact.target] = _accusations(graph, fact.target)
        accusation = _trigger(accusations[fact.target], fact.span)
        possible = sorted(
            (
                a
                for a in accusations[fact.target]
                if a is not accusation
                and not a.span.certainly_on_or_before(fact.span)
                and not fact.span.certainly_before(a.span)
            ),
            key=lambda a: a.span.sort_key(),
        )
        cause = stated_cause(fact)
        if accusation is None and cause and len(possible) == 1:
            accusation, possible = possible[0], []  # the source says the accusation came first
        days = None
        if accusation and accusation.span.exact and fact.span.exact:
            days = (fact.span.exact - accusation.span.exact).days
        return {
            "trigger": _describe_fact(graph, accusation) if accusation else None,
            "days_after_trigger": days,
            "possible_triggers": [_describe_fact(graph, a) for a in possible],
            "cause": cause,
        }

    return _pair_rows(graph, "withdraw", filters, WITHDRAWAL_COLUMNS, trigger)


withdrawals.__doc__ = (withdrawals.__doc__ or "") + "    " + _FILTER_DOC


def stood_by(
    graph: nx.MultiDiGraph,
    candidate: str | Iterable[str] | None = None,
    *,
    endorser: str | Iterable[str] | None = None,
    race: str | Iterable[str] | None = None,
    kind: str | Iterable[str] | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
) -> list[dict[str, Any]]:
    """Who publicly stood by a candidate, and when, with the endorsement they reaffirmed."""
    filters = _filters(graph, candidate=candidate, endorser=endorser, race=race, kind=kind, since=since,
                       until=until)  # fmt: skip

    def ending(fact: Fact, interval: Endorsement | None) -> dict[str, Any]:
        return {"ended_by": interval.ended_by if interval else None}

    return _pair_rows(graph, "stand_by", filters, STOOD_BY_COLUMNS, ending)


def _sorted(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows.sort(key=lambda r: r["_key"])
    for row in rows:
        del row["_key"]
    return rows


def _intervals(graph: nx.MultiDiGraph, filters: Filters) -> list[Endorsement]:
    candidates = filters.candidate_ids()
    if candidates is not None:
        return [e for c in sorted(candidates) for e in store.intervals_of(graph, c)]
    return store.endorsement_intervals(graph)


def _interval_race(e: Endorsement) -> str | None:
    return next((f.race for f in e.facts if f.race), None)


def _interval_kept(graph: nx.MultiDiGraph, filters: Filters, e: Endorsement, span: Span | None) -> bool:
    kind = _registry(graph)[e.endorser].kind
    return filters.keeps(e.endorser, e.candidate, span, _interval_race(e), kind)


def _effective_ranks(
    graph: nx.MultiDiGraph, day: dt.date, endorsers: set[str] | None = None
) -> dict[str, int]:
    """Position of each ranked endorsement among its endorser's ranked ones in force on `day`
    (after the WFP dropped Stringer, Morales moved from 2nd to effective 1st); for `endorsers`
    only, when given (a lookup per endorser, not a walk over every endorsement)."""
    if endorsers is not None:
        candidates = [e for endorser in endorsers for e in store.intervals_given_by(graph, endorser)]
    else:
        candidates = store.endorsement_intervals(graph)
    by_endorser: dict[str, list[Endorsement]] = {}
    for e in candidates:
        if e.rank is not None and e.status_on(day) == Status.IN_FORCE:
            by_endorser.setdefault(e.endorser, []).append(e)
    ranks = {}
    for items in by_endorser.values():
        for position, e in enumerate(sorted(items, key=lambda e: e.rank), start=1):
            ranks[e.id] = position
    return ranks


def as_of(
    graph: nx.MultiDiGraph,
    day: dt.date | str,
    candidate: str | Iterable[str] | None = None,
    *,
    endorser: str | Iterable[str] | None = None,
    race: str | Iterable[str] | None = None,
    kind: str | Iterable[str] | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
) -> list[dict[str, Any]]:
    """Endorsements in force on `day`, and those that may be (status 'uncertain'); since/until
    narrow them by the day they started."""
    day = _day(day, "day")
    filters = _filters(graph, candidate=candidate, endorser=endorser, race=race, kind=kind, since=since,
                       until=until)  # fmt: skip
    registry = _registry(graph)
    intervals = _intervals(graph, filters)
    given = filters.candidate_ids() is not None
    effective = _effective_ranks(graph, day, {e.endorser for e in intervals} if given else None)
    rows = []
    for e in intervals:
        status = e.status_on(day)
        if status == Status.NOT_IN_FORCE or not _interval_kept(graph, filters, e, e.start):
            continue
        endorser_entity = registry[e.endorser]
        rows.append(
            {
                "endorser": endorser_entity.name,
                "endorser_kind": endorser_entity.kind,
                "candidate": _name(graph, e.candidate),
                "race": _interval_race(e),
                "rank": e.rank,
                "effective_rank": effective.get(e.id),
                "status": status.value,
                **span_fields("started", e.start),
                "implied": e.implied,
                "group": e.group,
                "conflicts": _conflicts(e.facts),
                "sources": e.source_ids,
                "citations": citations(e.facts),
                "_key": (
                    _name(graph, e.candidate),
                    status != Status.IN_FORCE,
                    e.start.sort_key(),
                    endorser_entity.name.casefold(),
                ),
            }
        )
    return _sorted(rows)


def _day(value: dt.date | str, parameter: str) -> dt.date:
    day = as_day(value, parameter)
    if day is None:
        raise BadFilter(f"{parameter}: a date is required")
    return day


def compare(
    graph: nx.MultiDiGraph,
    first: dt.date | str,
    second: dt.date | str,
    candidate: str | Iterable[str] | None = None,
    *,
    endorser: str | Iterable[str] | None = None,
    race: str | Iterable[str] | None = None,
    kind: str | Iterable[str] | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
) -> list[dict[str, Any]]:
    """Endorsements lost and gained between two days, and those both made and ended between them
    ("gained and lost"). A change is certain when the endorsement was certainly in force on one
    day and certainly not on the other; since/until narrow by the day the change happened."""
    first, second = _day(first, "first"), _day(second, "second")
    filters = _filters(graph, candidate=candidate, endorser=endorser, race=race, kind=kind, since=since,
                       until=until)  # fmt: skip
    registry = _registry(graph)
    rows = []
    for e in _intervals(graph, filters):
        before, after = e.status_on(first), e.status_on(second)
        if before == after:
            if not _between(e, first, second):
                continue
            change, why = "gained and lost", []
        else:
            # Exactly one holds once the statuses differ: IN->NOT, IN->?, ?->NOT lose; the rest gain.
            change = "lost" if before != Status.NOT_IN_FORCE and after != Status.IN_FORCE else "gained"
            why = [
                _doubt(e, day)
                for day, status in ((first, before), (second, after))
                if status == Status.UNCERTAIN
            ]
        when = e.end if change == "lost" else e.start
        if not _interval_kept(graph, filters, e, when):
            continue
        endorser_entity = registry[e.endorser]
        rows.append(
            {
                "change": change,
                "certain": not why,
                "endorser": endorser_entity.name,
                "endorser_kind": endorser_entity.kind,
                "candidate": _name(graph, e.candidate),
                "race": _interval_race(e),
                "rank": e.rank,
                "status_before": before.value,
                "status_after": after.value,
                **span_fields("started", e.start),
                **span_fields("ended", e.end),
                "ended_by": e.ended_by,
                "why": "; ".join(why) or None,
                "conflicts": _conflicts(e.facts),
                "sources": e.source_ids,
                "citations": citations(e.facts),
                "_key": (change, bool(why), e.end.sort_key() if e.end else (), endorser_entity.name),
            }
        )
    return _sorted(rows)


def _between(e: Endorsement, first: dt.date, second: dt.date) -> bool:
    """Certainly made after `first` and certainly ended by `second` (not in force on either)."""
    return (
        e.end is not None
        and e.start.earliest is not None
        and e.start.earliest > first
        and e.end.latest is not None
        and e.end.latest <= second
    )


def _doubt(e: Endorsement, day: dt.date) -> str:
    """Why an endorsement's status on `day` is uncertain."""
    start_known = (e.start.latest is not None and e.start.latest <= day) or (
        e.start.earliest is not None and e.start.earliest > day
    )
    if not start_known:
        return f"start uncertain ({e.start})"
    return f"end uncertain ({e.end})"


def _fact_row(graph: nx.MultiDiGraph, fact: Fact, rank: int | None) -> dict[str, Any]:
    return {
        **span_fields("date", fact.span),
        "actor": _name(graph, fact.actor),
        "action": fact.action.value,
        "target": _name(graph, fact.target),
        "race": fact.race,
        "rank": rank,
        "group": fact.group,
        "note": fact.note,
        "conflicts": fact.conflicts,
        "id": fact.id,
        "sources": fact.source_ids,
        "citations": citations([fact]),
    }


def timeline(
    graph: nx.MultiDiGraph,
    candidate: str | Iterable[str] | None = None,
    *,
    endorser: str | Iterable[str] | None = None,
    race: str | Iterable[str] | None = None,
    kind: str | Iterable[str] | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
) -> list[dict[str, Any]]:
    """Every fact in time order with its sources; for candidates, the facts naming them (as actor
    or target); `endorser` keeps the facts whose actor it is, `kind` the actor's kind."""
    registry = _registry(graph)
    filters = Filters.of(endorser=endorser, race=race, kind=kind, since=since, until=until).resolve(registry)
    who = Filters.of(candidate=candidate).resolve(registry).candidate_ids()
    _loaded_for(graph, who)
    # A withdrawal or stand-by shows the rank of the endorsement it closes or reaffirms; opposition
    # that ended an endorsement on record shows as the withdrawal it was (as its edge does).
    edges = {d["fact"].id: d for _, _, d in graph.edges(data=True) if "fact" in d}
    rows = []
    for f in store.event_log(graph):
        if (who is None or who & {f.actor, f.target}) and filters.keeps(
            f.actor, None, f.span, f.race, registry[f.actor].kind
        ):
            edge = edges.get(f.id)
            row = _fact_row(graph, f, edge["rank"] if edge else f.rank)
            row["action"] = edge["action"] if edge else row["action"]
            rows.append(row)
    return rows


def entity_profile(graph: nx.MultiDiGraph, name: str) -> dict[str, Any]:
    """Everything about one entity: who it is, its roles, its facts and its endorsements."""
    entity = resolve(graph, name)
    node = graph.nodes[entity.id] if entity.id in graph else {}
    given = list(store.intervals_given_by(graph, entity.id))
    received = store.intervals_of(graph, entity.id)
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": entity.kind,
        "titles": [{"title": t.title, "since": _iso(t.since), "until": _iso(t.until)} for t in entity.titles],
        "aliases": list(entity.aliases),
        "roles": list(node.get("roles", [])),
        "endorsements": [_interval_row(graph, e) for e in [*given, *received]],
        "events": timeline(graph, entity.id),
    }


def _interval_row(graph: nx.MultiDiGraph, e: Endorsement) -> dict[str, Any]:
    return {
        "endorser": _name(graph, e.endorser),
        "candidate": _name(graph, e.candidate),
        "rank": e.rank,
        **span_fields("started", e.start),
        **span_fields("ended", e.end),
        "ended_by": e.ended_by,
        "implied": e.implied,
        "sources": e.source_ids,
    }
