"""What each chart plots, computed once: the drawing (chart.py), the `--data` CSV and the alt text
all read these panels, so the picture and its numbers cannot disagree.

Three kinds:
- `cascade`: cumulative withdrawals against days after the accusation, one dot (or date range) per
  withdrawal, labelled by endorser;
- `intervals`: one row per endorser, a bar per endorsement interval, solid where it was certainly in
  force and hatched where it may have been, withdrawals and stand-bys marked;
- `in-force`: a band between "certainly in force" and "possibly in force" per candidate. Never one
  line: an endorsement known only from its withdrawal is certain only on the day before it, and a
  single line would show it as a gain.

Nothing here invents a date: a withdrawal known within bounds stays a range, and its day offset is
a range too.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

import networkx as nx

from ..graph import store
from ..graph.dates import Span
from ..graph.eventlog import Fact
from ..graph.intervals import Endorsement, Status
from .window import Window, accusations, story_window, withdrawal_facts

__all__ = [
    "KINDS",
    "POINT_COLUMNS",
    "Cascade",
    "Chart",
    "InForce",
    "Intervals",
    "build_chart",
    "points",
]

KINDS = ("cascade", "intervals", "in-force")
POINT_COLUMNS = (
    "panel", "candidate", "series", "label", "date", "not_before", "not_after",
    "days_after_trigger", "days_not_before", "days_not_after", "value", "sources",
)  # fmt: skip


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def short_day(day: dt.date) -> str:
    """'Apr 28' (the year is in the title)."""
    return f"{day:%b} {day.day}"


def short_span(span: Span) -> str:
    """A span as a reader reads it: 'Apr 28', 'Apr 28–30', 'Apr 26–May 2', 'by Apr 28'."""
    lo, hi = span.earliest, span.latest
    if span.exact:
        return short_day(span.exact)
    if lo and hi:
        if lo.month == hi.month:
            return f"{short_day(lo)}–{hi.day}"
        return f"{short_day(lo)}–{short_day(hi)}"
    if hi:
        return f"by {short_day(hi)}"
    return f"from {short_day(lo)}" if lo else "date unknown"


@dataclass(frozen=True, slots=True)
class Accusation:
    accuser: str
    span: Span
    sources: tuple[str, ...]

    @property
    def day(self) -> dt.date | None:
        return self.span.exact or self.span.latest

    @property
    def text(self) -> str:
        return f"{self.accuser}'s accusation, {self.span}"


@dataclass(frozen=True, slots=True)
class Withdrawal:
    endorser: str
    span: Span
    position: int  # 1 for the first withdrawal, n for the last
    first: int | None  # days after the trigger, lower bound (None: unknown)
    last: int | None  # upper bound
    group: str | None
    sources: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.endorser if self.span.exact else f"{self.endorser} ({short_span(self.span)})"


@dataclass(slots=True)
class Cascade:
    candidate: str
    trigger: Accusation
    day0: dt.date
    withdrawals: list[Withdrawal]
    steps: list[tuple[int, int, int]]  # (day after trigger, certainly withdrawn by, possibly withdrawn by)
    others: list[tuple[Accusation, int | None]]  # other accusations, with their day after the trigger
    undated: list[str]  # endorsers whose withdrawal has no known date (not plotted)
    earlier: list[str]  # withdrawals certainly before the window (not counted)
    kind: str = "cascade"

    @property
    def total(self) -> int:
        return self.steps[-1][1] if self.steps else 0


@dataclass(frozen=True, slots=True)
class Bar:
    row: int
    endorser: str
    start: Span
    end: Span | None
    ended_by: str | None
    implied: bool
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Marker:
    row: int
    endorser: str
    action: str  # withdraw or stand_by
    span: Span
    sources: tuple[str, ...]


@dataclass(slots=True)
class Intervals:
    candidate: str
    window: Window
    rows: list[str]
    bars: list[Bar]
    markers: list[Marker]
    accusations: list[Accusation]
    kind: str = "intervals"


@dataclass(slots=True)
class Series:
    candidate: str
    days: list[dt.date]
    certain: list[int]
    possible: list[int]
    implied: int  # endorsements known only from a later withdrawal or stand-by
    withdrawals: list[tuple[Span, str]]  # (date, endorser)


@dataclass(slots=True)
class InForce:
    window: Window
    series: list[Series]
    accusations: list[Accusation]
    note: str | None = None  # why this panel stands in for a cascade
    kind: str = "in-force"

    @property
    def candidate(self) -> str:
        return ", ".join(s.candidate for s in self.series)


Panel = Cascade | Intervals | InForce


@dataclass(slots=True)
class Chart:
    kind: str
    title: str
    subtitle: str
    credit: str
    panels: list[Panel]
    notes: list[str] = field(default_factory=list)

    @property
    def alt_text(self) -> str:
        return alt_text(self)


def _accusation(graph: nx.MultiDiGraph, fact: Fact) -> Accusation:
    return Accusation(store.registry(graph)[fact.actor].name, fact.span, tuple(fact.source_ids))


def _candidate_ids(graph: nx.MultiDiGraph, names: list[str] | None) -> list[str]:
    registry = store.registry(graph)
    if names:
        return list(dict.fromkeys(registry.resolve(n).id for n in names))
    by_candidate = store.intervals_by_candidate(graph)
    ranked = sorted(by_candidate, key=lambda c: (-len(by_candidate[c]), registry[c].name))
    return ranked[:5]


def _offset(day: dt.date | None, day0: dt.date) -> int | None:
    return (day - day0).days if day else None


def cascade(graph: nx.MultiDiGraph, candidate: str, window: Window | None = None) -> Cascade | None:
    """The cascade after the first dated accusation against `candidate` (an entity id); None when
    the candidate was never accused on a known day."""
    registry = store.registry(graph)
    dated = [a for a in accusations(graph, [candidate]) if a.span.exact or a.span.latest]
    if not dated:
        return None
    trigger = _accusation(graph, dated[0])
    day0 = trigger.day
    assert day0 is not None
    window = window or story_window(graph, [candidate])
    counted, undated, earlier = [], [], []
    for fact in withdrawal_facts(graph, [candidate]):
        name = registry[fact.actor].name
        if not fact.span.known:
            undated.append(name)
        elif fact.span.latest is not None and fact.span.latest < window.first:
            earlier.append(name)
        else:
            counted.append(fact)
    withdrawals = [
        Withdrawal(
            registry[f.actor].name,
            f.span,
            position,
            _offset(f.span.earliest, day0),
            _offset(f.span.latest, day0),
            f.group,
            tuple(f.source_ids),
        )
        for position, f in enumerate(counted, start=1)
    ]
    known = [d for w in withdrawals for d in (w.first, w.last) if d is not None]
    first = min([-3, *known])
    last = max([3, *known]) + 2
    steps = [
        (
            d,
            sum(1 for w in withdrawals if w.last is not None and w.last <= d),
            sum(1 for w in withdrawals if w.first is None or w.first <= d),
        )
        for d in range(first, last + 1)
    ]
    others = [(_accusation(graph, f), None) for f in accusations(graph, [candidate]) if f is not dated[0]]
    others = [(a, _offset(a.day, day0)) for a, _ in others]
    return Cascade(registry[candidate].name, trigger, day0, withdrawals, steps, others, undated, earlier)


def _hold_order(intervals: list[Endorsement]) -> tuple:
    """Who left first comes first; those who never withdrew after them, by when they began."""
    withdrawn = [e.end for e in intervals if e.ended_by == "withdraw" and e.end is not None]
    if withdrawn:
        return (0, min(s.sort_key() for s in withdrawn))
    return (1, min(e.start.sort_key() for e in intervals))


def intervals(graph: nx.MultiDiGraph, candidate: str, window: Window | None = None) -> Intervals:
    registry = store.registry(graph)
    window = window or story_window(graph, [candidate])
    by_endorser: dict[str, list[Endorsement]] = {}
    for e in store.intervals_of(graph, candidate):
        by_endorser.setdefault(e.endorser, []).append(e)
    order = sorted(by_endorser, key=lambda who: (_hold_order(by_endorser[who]), registry[who].name))
    bars, markers = [], []
    for row, who in enumerate(order):
        name = registry[who].name
        for e in by_endorser[who]:
            bars.append(Bar(row, name, e.start, e.end, e.ended_by, e.implied, tuple(e.source_ids)))
    for _, _, data in graph.in_edges(candidate, data=True):
        if data["action"] in ("withdraw", "stand_by") and data["fact"].actor in by_endorser:
            fact = data["fact"]
            markers.append(
                Marker(
                    order.index(fact.actor),
                    registry[fact.actor].name,
                    data["action"],
                    fact.span,
                    tuple(fact.source_ids),
                )
            )
    markers.sort(key=lambda m: (m.row, m.span.sort_key(), m.action))
    return Intervals(
        registry[candidate].name,
        window,
        [registry[who].name for who in order],
        bars,
        markers,
        [_accusation(graph, f) for f in accusations(graph, [candidate])],
    )


def in_force(
    graph: nx.MultiDiGraph, candidates: list[str], window: Window | None = None, note: str | None = None
) -> InForce:
    registry = store.registry(graph)
    window = window or story_window(graph, candidates)
    days = window.days()
    series = []
    for c in candidates:
        endorsements = store.intervals_of(graph, c)
        statuses = [[e.status_on(day) for e in endorsements] for day in days]
        series.append(
            Series(
                registry[c].name,
                days,
                [sum(s == Status.IN_FORCE for s in row) for row in statuses],
                [sum(s != Status.NOT_IN_FORCE for s in row) for row in statuses],
                sum(e.implied for e in endorsements),
                [(f.span, registry[f.actor].name) for f in withdrawal_facts(graph, [c])],
            )
        )
    return InForce(window, series, [_accusation(graph, f) for f in accusations(graph, candidates)], note)


def _credit(graph: nx.MultiDiGraph, candidates: list[str]) -> str:
    """'Source: endorsegraph; facts from nymag.com, patch.com and 2 other sources (…)': outlets or
    web domains of the facts about these candidates, then the sources that name neither, then every
    credit a source's licence asks for."""
    counts: Counter[str] = Counter()
    unnamed: Counter[str] = Counter()
    credits: dict[str, None] = {}  # what a licence asks to be credited ("FiveThirtyEight, CC BY 4.0")
    for c in candidates:
        for _, _, data in graph.in_edges(c, data=True):
            facts = data["endorsement"].facts if data["action"] == "endorse" else [data["fact"]]
            for fact in facts:
                for source in fact.sources:
                    if source.credit:
                        credits[source.credit] = None
                    name = source.outlet or (urlparse(source.url).hostname if source.url else None)
                    if name:
                        counts[name.removeprefix("www.")] += 1
                    else:
                        unnamed[source.id] += 1
    named = sorted(counts, key=lambda n: (-counts[n], n))
    others = sorted(unnamed, key=lambda n: (-unnamed[n], n))
    parts = list(named)
    if others:
        listed = f" ({', '.join(others)})" if len(others) <= 2 else ""
        parts.append(f"{len(others)} other source{'s' if len(others) > 1 else ''}{listed}")
    credited = f"; {'; '.join(credits)}" if credits else ""
    if not parts:
        return "Source: endorsegraph" + credited
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Source: endorsegraph; facts from {joined}{credited}"


def build_chart(
    graph: nx.MultiDiGraph,
    candidates: list[str] | None = None,
    kind: str | None = None,
    window: Window | None = None,
) -> Chart:
    """The chart of `kind` (default: cascade when candidates are named, else in-force) for the
    candidates (names, aliases or ids; default: the five most endorsed)."""
    kind = kind or ("cascade" if candidates else "in-force")
    if kind not in KINDS:
        raise ValueError(f"unknown chart kind {kind!r}: use one of {', '.join(KINDS)}")
    ids = _candidate_ids(graph, candidates)
    if not ids:
        raise ValueError("no endorsements to chart")
    registry = store.registry(graph)
    names = [registry[c].name for c in ids]
    listed = ", ".join(names)
    credit = _credit(graph, ids)
    if kind == "in-force":
        panel = in_force(graph, ids, window)
        return Chart(
            kind,
            f"Endorsements in force: {listed}",
            "Band: from certainly in force (lower edge) to possibly in force (upper edge), by day",
            credit,
            [panel],
            _in_force_notes(panel),
        )
    panels: list[Panel] = []
    notes: list[str] = []
    for c in ids:
        if kind == "intervals":
            panels.append(intervals(graph, c, window))
            continue
        panel = cascade(graph, c, window)
        if panel is None:
            note = f"No accusation against {registry[c].name} on record: endorsements in force shown instead."
            fallback = in_force(graph, [c], window, note)
            panels.append(fallback)
            notes += [note, *_in_force_notes(fallback)]
        else:
            panels.append(panel)
            notes += _cascade_notes(panel)
    if kind == "intervals":
        title = f"Who held on, who left: endorsements of {listed}"
        subtitle = (
            "One row per endorser; solid: certainly in force, hatched: may have been; sorted by withdrawal"
        )
    else:
        accused = [p for p in panels if isinstance(p, Cascade)]
        subtitle = "Cumulative withdrawals by day after the accusation; a bar: known only within dates"
        if len(accused) == 1:
            p = accused[0]
            after = sum(1 for w in p.withdrawals if w.first is not None and w.first >= 0)
            # "after" only when every one certainly came after it; a range may start before.
            when = "after" if after == p.total else "around"
            who = {0: "No endorser", 1: "1 endorser"}.get(p.total, f"{p.total} endorsers")
            title = f"{who} withdrew from {p.candidate} {when} {p.trigger.accuser}'s accusation"
            if after != p.total:
                subtitle = f"{after} certainly after it. " + subtitle
        else:
            title = f"Withdrawn endorsements after an accusation: {listed}"
    return Chart(kind, title, subtitle, credit, panels, notes)


def _cascade_notes(panel: Cascade) -> list[str]:
    notes = []
    for accusation, offset in panel.others:
        where = f"day {offset}" if offset is not None else "date unknown"
        notes.append(f"Also: {accusation.text} ({where}).")
    if panel.undated:
        notes.append(f"Not plotted, withdrawal date unknown: {', '.join(panel.undated)}.")
    if panel.earlier:
        notes.append(
            f"Not counted, withdrew before {panel.day0:%b} {panel.day0.day}: {', '.join(panel.earlier)}."
        )
    return notes


def _in_force_notes(panel: InForce) -> list[str]:
    return [
        f"{s.implied} endorsements of {s.candidate} are known only from a later withdrawal or stand-by: "
        "their start is unknown, so they count as possibly in force until then."
        for s in panel.series
        if s.implied
    ]


def _span_point(span: Span | None) -> dict[str, Any]:
    span = span or Span()
    return {"date": _iso(span.exact), "not_before": _iso(span.not_before), "not_after": _iso(span.not_after)}


def points(chart: Chart) -> list[dict[str, Any]]:
    """Every plotted point, one row each (POINT_COLUMNS), for `chart --data`."""
    rows: list[dict[str, Any]] = []

    def add(panel: int, candidate: str, series: str, label: str, value: Any, **extra: Any) -> None:
        row = dict.fromkeys(POINT_COLUMNS)
        row.update(panel=panel, candidate=candidate, series=series, label=label, value=value, **extra)
        rows.append(row)

    for n, p in enumerate(chart.panels, start=1):
        if isinstance(p, Cascade):
            add(
                n,
                p.candidate,
                "accusation",
                p.trigger.accuser,
                None,
                **_span_point(p.trigger.span),
                days_after_trigger=0,
                sources=";".join(p.trigger.sources),
            )
            for w in p.withdrawals:
                add(
                    n,
                    p.candidate,
                    "withdrawal",
                    w.endorser,
                    w.position,
                    **_span_point(w.span),
                    days_after_trigger=w.first if w.span.exact else None,
                    days_not_before=None if w.span.exact else w.first,
                    days_not_after=None if w.span.exact else w.last,
                    sources=";".join(w.sources),
                )
            for day, certain, possible in p.steps:
                date = _iso(p.day0 + dt.timedelta(days=day))
                add(n, p.candidate, "certainly withdrawn", "", certain, date=date, days_after_trigger=day)
                add(n, p.candidate, "possibly withdrawn", "", possible, date=date, days_after_trigger=day)
        elif isinstance(p, Intervals):
            for bar in p.bars:
                add(
                    n,
                    p.candidate,
                    "endorsement starts",
                    bar.endorser,
                    bar.row,
                    **_span_point(bar.start),
                    sources=";".join(bar.sources),
                )
                if bar.end is not None:
                    add(
                        n,
                        p.candidate,
                        f"endorsement ends ({bar.ended_by})",
                        bar.endorser,
                        bar.row,
                        **_span_point(bar.end),
                        sources=";".join(bar.sources),
                    )
            for m in p.markers:
                add(
                    n,
                    p.candidate,
                    m.action,
                    m.endorser,
                    m.row,
                    **_span_point(m.span),
                    sources=";".join(m.sources),
                )
        else:
            for s in p.series:
                for day, certain, possible in zip(s.days, s.certain, s.possible, strict=True):
                    add(n, s.candidate, "certainly in force", "", certain, date=_iso(day))
                    add(n, s.candidate, "possibly in force", "", possible, date=_iso(day))
    return rows


def alt_text(chart: Chart) -> str:
    """A description of the chart for readers who cannot see it."""
    parts = [chart.title + "."]
    for p in chart.panels:
        if isinstance(p, Cascade):
            by_day = Counter(w.span.exact for w in p.withdrawals if w.span.exact)
            days = "; ".join(
                f"{(day - p.day0).days} days after ({short_day(day)}): {count}"
                for day, count in sorted(by_day.items())
            )
            ranged = [w.label for w in p.withdrawals if not w.span.exact]
            parts.append(
                f"{p.candidate}: {p.total} withdrawals after {p.trigger.text}. By day: {days}."
                + (f" Known only within dates: {'; '.join(ranged)}." if ranged else "")
                + f" In order: {', '.join(w.endorser for w in p.withdrawals)}."
            )
        elif isinstance(p, Intervals):
            left = [m.endorser for m in p.markers if m.action == "withdraw"]
            stayed = [m.endorser for m in p.markers if m.action == "stand_by"]
            parts.append(
                f"{p.candidate}: {len(p.rows)} endorsers; withdrew: {', '.join(left) or 'none'}; "
                f"stood by: {', '.join(stayed) or 'none'}."
            )
        else:
            for s in p.series:
                parts.append(
                    f"{s.candidate}, {p.window}: certainly in force from {s.certain[0]} to {s.certain[-1]}, "
                    f"possibly in force from {s.possible[0]} to {s.possible[-1]}."
                )
    parts.append(chart.credit + ".")
    return " ".join(parts)
