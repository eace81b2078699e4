"""The days a picture should cover: where the story is, not the whole record.

One endorsement from 2019 must not stretch a slider or an axis over 760 days when the story is one
week in April 2021. For a candidate who was accused, the story runs from a week before the first
accusation to two weeks after the last withdrawal that followed it; otherwise it is the densest
month of events. The chart and the graph view share this choice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from ..graph import store
from ..graph.dates import parse_day
from ..graph.eventlog import Fact

__all__ = ["Window", "accusations", "parse_window", "story_window", "withdrawal_facts"]

BEFORE_ACCUSATION = dt.timedelta(days=7)
AFTER_LAST_WITHDRAWAL = dt.timedelta(days=14)
DENSEST = dt.timedelta(days=30)


@dataclass(frozen=True, slots=True)
class Window:
    first: dt.date
    last: dt.date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValueError(f"window start {self.first} is after its end {self.last}")

    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    def __str__(self) -> str:
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


def parse_window(text: str) -> Window:
    """START..END (ISO days, both included). Raises ValueError saying what is wrong."""
    start, sep, end = text.partition("..")
    if not sep:
        raise ValueError(f"window '{text}' is not START..END (for example 2021-04-20..2021-05-16)")
    first, last = parse_day(start, "window start"), parse_day(end, "window end")
    if first is None or last is None:
        raise ValueError(f"window '{text}' needs both a start and an end")
    return Window(first, last)


def _facts_into(graph: nx.MultiDiGraph, candidates: Iterable[str], action: str) -> list[Fact]:
    facts = [
        d["fact"] for c in candidates for _, _, d in graph.in_edges(c, data=True) if d["action"] == action
    ]
    return sorted(facts, key=Fact.sort_key)


def accusations(graph: nx.MultiDiGraph, candidates: Iterable[str]) -> list[Fact]:
    """Accusations against these candidates, in time order (undated ones last)."""
    return _facts_into(graph, candidates, "accuse")


def withdrawal_facts(graph: nx.MultiDiGraph, candidates: Iterable[str]) -> list[Fact]:
    """Withdrawals from these candidates, in time order (bounded dates by their latest day)."""
    return _facts_into(graph, candidates, "withdraw")


def _anchor(fact: Fact) -> dt.date | None:
    """The day a dated fact certainly happened by (its day, or its latest bound)."""
    return fact.span.latest or fact.span.earliest


def story_window(graph: nx.MultiDiGraph, candidates: Iterable[str] | None = None) -> Window:
    """The window a picture of these candidates (entity ids; default: every candidate) covers."""
    chosen = list(candidates) if candidates is not None else list(store.intervals_by_candidate(graph))
    dated = [a for a in accusations(graph, chosen) if _anchor(a)]
    if dated:
        start = min(_anchor(a) for a in dated)
        after = [_anchor(w) for w in withdrawal_facts(graph, chosen) if _anchor(w) and _anchor(w) >= start]
        return Window(start - BEFORE_ACCUSATION, max([start, *after]) + AFTER_LAST_WITHDRAWAL)
    return densest_month(graph, chosen)


def densest_month(graph: nx.MultiDiGraph, candidates: list[str]) -> Window:
    """The 30 days holding the most dated facts about these candidates (the earliest such)."""
    wanted = set(candidates)
    days = sorted(
        _anchor(f)
        for f in store.event_log(graph)
        if _anchor(f) and (not wanted or f.target in wanted or f.actor in wanted)
    )
    if not days:
        today = dt.date.today()
        return Window(today - DENSEST, today)
    best, count, j = days[0], 0, 0
    for i, first in enumerate(days):
        while j < len(days) and days[j] < first + DENSEST:
            j += 1
        if j - i > count:
            best, count = first, j - i
    return Window(best, best + DENSEST - dt.timedelta(days=1))
