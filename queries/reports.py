"""The reports: who withdrew when, what was in force on a day, what changed, the timeline, an entity.

Every function takes the graph built by `graph.build_graph` and returns JSON-ready rows (dates as
ISO strings) whose keys are the documented columns, in order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx

from ..graph import store
from ..graph.dates import Span
from ..graph.entities import Entity, Registry
from ..graph.eventlog import Fact
from ..graph.intervals import Endorsement, Status
from .rows import DATE_RANGES, span_fields

__all__ = [
    "ASOF_COLUMNS",
    "ENDORSEMENT_COLUMNS",
    "COMPARE_COLUMNS",
    "STOOD_BY_COLUMNS",
    "TIMELINE_COLUMNS",
    "WITHDRAWAL_COLUMNS",
    "as_of",
    "compare",
    "entity_profile",
    "resolve",
    "stood_by",
    "timeline",
    "withdrawals",
]

# Columns in order; a date range is its three columns (queries.rows.DATE_RANGES).
_DATE, _ENDORSED, _STARTED, _ENDED = (DATE_RANGES[k] for k in ("date", "endorsed", "started", "ended"))
WITHDRAWAL_COLUMNS = (*_DATE, "endorser", "endorser_kind", "endorser_title", "candidate", *_ENDORSED,
                      "implied", "rank", "trigger", "days_after_trigger", "group", "sources")  # fmt: skip
ASOF_COLUMNS = ("endorser", "endorser_kind", "candidate", "rank", "effective_rank", "status", *_STARTED,
                "implied", "group", "sources")  # fmt: skip
COMPARE_COLUMNS = ("change", "certain", "endorser", "endorser_kind", "candidate", "rank", "status_before",
                   "status_after", *_STARTED, *_ENDED, "ended_by", "why", "sources")  # fmt: skip
STOOD_BY_COLUMNS = (*_DATE, "endorser", "endorser_kind", "candidate", "rank", *_ENDORSED, "implied",
                    "ended_by", "sources")  # fmt: skip
TIMELINE_COLUMNS = (*_DATE, "actor", "action", "target", "rank", "group", "note", "conflicts", "id",
                    "sources")  # fmt: skip
ENDORSEMENT_COLUMNS = ("endorser", "candidate", "rank", *_STARTED, *_ENDED, "ended_by", "implied", "sources")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _registry(graph: nx.MultiDiGraph) -> Registry:
    return store.registry(graph)


def resolve(graph: nx.MultiDiGraph, name: str) -> Entity:
    """The entity a name, alias or id means; UnknownName lists close matches."""
    return _registry(graph).resolve(name)


def _name(graph: nx.MultiDiGraph, entity_id: str) -> str:
    return _registry(graph)[entity_id].name


def _edges(graph: nx.MultiDiGraph, action: str, candidate: str | None):
    """Edges of one action, into one candidate (an adjacency lookup) or anywhere."""
    edges = (
        graph.in_edges(candidate, keys=True, data=True) if candidate else graph.edges(keys=True, data=True)
    )
    return [d for _, _, _, d in edges if d["action"] == action]


def _trigger(graph: nx.MultiDiGraph, candidate: str, when: Span) -> Fact | None:
    """The latest accusation against the candidate certainly on or before `when`."""
    accusations = [
        d["fact"] for d in _edges(graph, "accuse", candidate) if d["fact"].span.certainly_on_or_before(when)
    ]
    return max(accusations, key=lambda f: f.span.sort_key(), default=None)


def _pair_rows(
    graph: nx.MultiDiGraph, action: str, candidate: str | None, columns: tuple[str, ...], extra
) -> list[dict[str, Any]]:
    """Rows for the facts of one action on an endorser-candidate pair (withdrawals, stand-bys),
    with the endorsement interval each belongs to; `extra(fact, interval)` adds report-only values.
    Ordered by date (bounded dates by not_after, then not_before), endorser, candidate."""
    target = resolve(graph, candidate).id if candidate else None
    registry = _registry(graph)
    rows = []
    for data in _edges(graph, action, target):
        fact: Fact = data["fact"]
        interval: Endorsement | None = data["endorsement"]
        endorser = registry[fact.actor]
        start = interval.start if interval else Span()
        values = {
            **span_fields("date", fact.span),
            "endorser": endorser.name,
            "endorser_kind": endorser.kind,
            "endorser_title": endorser.title_on(fact.span.latest),
            "candidate": _name(graph, fact.target),
            **span_fields("endorsed", start),
            "implied": bool(interval and interval.implied),
            "rank": data["rank"],
            "group": fact.group,
            "sources": fact.source_ids,
            **extra(fact, interval),
        }
        row = {column: values[column] for column in columns}
        row["_key"] = (fact.span.sort_key(), endorser.name.casefold(), values["candidate"].casefold())
        rows.append(row)
    return _sorted(rows)


def withdrawals(graph: nx.MultiDiGraph, candidate: str | None = None) -> list[dict[str, Any]]:
    """One row per withdrawal, ordered by date (bounded dates by not_after, then not_before),
    then endorser, with the accusation that set it off."""

    def trigger(fact: Fact, interval: Endorsement | None) -> dict[str, Any]:
        accusation = _trigger(graph, fact.target, fact.span)
        days = None
        if accusation and accusation.span.exact and fact.span.exact:
            days = (fact.span.exact - accusation.span.exact).days
        text = f"{_name(graph, accusation.actor)} ({accusation.span})" if accusation else None
        return {"trigger": text, "days_after_trigger": days}

    return _pair_rows(graph, "withdraw", candidate, WITHDRAWAL_COLUMNS, trigger)


def stood_by(graph: nx.MultiDiGraph, candidate: str | None = None) -> list[dict[str, Any]]:
    """Who publicly stood by a candidate, and when, with the endorsement they reaffirmed."""

    def ending(fact: Fact, interval: Endorsement | None) -> dict[str, Any]:
        return {"ended_by": interval.ended_by if interval else None}

    return _pair_rows(graph, "stand_by", candidate, STOOD_BY_COLUMNS, ending)


def _sorted(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows.sort(key=lambda r: r["_key"])
    for row in rows:
        del row["_key"]
    return rows


def _intervals(graph: nx.MultiDiGraph, candidate: str | None) -> list[Endorsement]:
    if candidate:
        return store.intervals_of(graph, resolve(graph, candidate).id)
    return store.endorsement_intervals(graph)


def _effective_ranks(graph: nx.MultiDiGraph, day: dt.date) -> dict[str, int]:
    """Position of each ranked endorsement among its endorser's ranked ones in force on `day`
    (after the WFP dropped Stringer, Morales moved from 2nd to effective 1st)."""
    by_endorser: dict[str, list[Endorsement]] = {}
    for e in store.endorsement_intervals(graph):
        if e.rank is not None and e.status_on(day) == Status.IN_FORCE:
            by_endorser.setdefault(e.endorser, []).append(e)
    ranks = {}
    for items in by_endorser.values():
        for position, e in enumerate(sorted(items, key=lambda e: e.rank), start=1):
            ranks[e.id] = position
    return ranks


def as_of(graph: nx.MultiDiGraph, day: dt.date, candidate: str | None = None) -> list[dict[str, Any]]:
    """Endorsements in force on `day`, and those that may be (status 'uncertain')."""
    registry = _registry(graph)
    effective = _effective_ranks(graph, day)
    rows = []
    for e in _intervals(graph, candidate):
        status = e.status_on(day)
        if status == Status.NOT_IN_FORCE:
            continue
        endorser = registry[e.endorser]
        rows.append(
            {
                "endorser": endorser.name,
                "endorser_kind": endorser.kind,
                "candidate": _name(graph, e.candidate),
                "rank": e.rank,
                "effective_rank": effective.get(e.id),
                "status": status.value,
                **span_fields("started", e.start),
                "implied": e.implied,
                "group": e.group,
                "sources": e.source_ids,
                "_key": (
                    _name(graph, e.candidate),
                    status != Status.IN_FORCE,
                    e.start.sort_key(),
                    endorser.name.casefold(),
                ),
            }
        )
    return _sorted(rows)


def compare(
    graph: nx.MultiDiGraph, first: dt.date, second: dt.date, candidate: str | None = None
) -> list[dict[str, Any]]:
    """Endorsements lost and gained between two days. A change is certain when the endorsement was
    certainly in force on one day and certainly not on the other."""
    registry = _registry(graph)
    rows = []
    for e in _intervals(graph, candidate):
        before, after = e.status_on(first), e.status_on(second)
        if before == after:
            continue
        # Exactly one holds once the statuses differ: IN->NOT, IN->?, ?->NOT lose; the rest gain.
        change = "lost" if before != Status.NOT_IN_FORCE and after != Status.IN_FORCE else "gained"
        why = [
            _doubt(e, day) for day, status in ((first, before), (second, after)) if status == Status.UNCERTAIN
        ]
        endorser = registry[e.endorser]
        rows.append(
            {
                "change": change,
                "certain": not why,
                "endorser": endorser.name,
                "endorser_kind": endorser.kind,
                "candidate": _name(graph, e.candidate),
                "rank": e.rank,
                "status_before": before.value,
                "status_after": after.value,
                **span_fields("started", e.start),
                **span_fields("ended", e.end),
                "ended_by": e.ended_by,
                "why": "; ".join(why) or None,
                "sources": e.source_ids,
                "_key": (change, bool(why), e.end.sort_key() if e.end else (), endorser.name),
            }
        )
    return _sorted(rows)


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
        "rank": rank,
        "group": fact.group,
        "note": fact.note,
        "conflicts": fact.conflicts,
        "id": fact.id,
        "sources": fact.source_ids,
    }


def timeline(graph: nx.MultiDiGraph, candidate: str | None = None) -> list[dict[str, Any]]:
    """Every fact in time order with its sources; for a candidate, the facts naming them."""
    log = store.event_log(graph)
    who = resolve(graph, candidate).id if candidate else None
    # A withdrawal or stand-by shows the rank of the endorsement it closes or reaffirms; opposition
    # that ended an endorsement on record shows as the withdrawal it was (as its edge does).
    edges = {d["fact"].id: d for _, _, d in graph.edges(data=True) if "fact" in d}
    rows = []
    for f in log:
        if who is None or who in (f.actor, f.target):
            edge = edges.get(f.id)
            row = _fact_row(graph, f, edge["rank"] if edge else f.rank)
            row["action"] = edge["action"] if edge else row["action"]
            rows.append(row)
    return rows


def entity_profile(graph: nx.MultiDiGraph, name: str) -> dict[str, Any]:
    """Everything about one entity: who it is, its roles, its facts and its endorsements."""
    entity = resolve(graph, name)
    node = graph.nodes[entity.id] if entity.id in graph else {}
    given = [e for e in store.endorsement_intervals(graph) if e.endorser == entity.id]
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
