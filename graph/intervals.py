"""Endorsement intervals derived from the facts of each endorser-candidate pair.

An endorsement is in force over [start, end): it opens with `endorse` and closes with a `withdraw`
or `supersede` by the same endorser for the same candidate, or ends when the candidate exits the
race (not a withdrawal). Opposition (`oppose`) ends an endorsement in force as a withdrawal, and is
no more than opposition when no endorsement is on record. A withdrawal or stand-by with no
endorsement on record implies one whose start is unknown. A new rank closes the old interval and
opens another.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from .actions import CLOSING_ACTIONS, PAIR_ACTIONS, Action, spec
from .actions import VALUE_OF as _VALUE
from .dates import Span
from .eventlog import EventLog, Fact

__all__ = ["Endorsement", "Status", "endorsements"]


class Status(StrEnum):
    IN_FORCE = "in force"
    NOT_IN_FORCE = "not in force"
    UNCERTAIN = "uncertain"


@dataclass(slots=True)
class Endorsement:
    endorser: str
    candidate: str
    rank: int | None
    start: Span
    implied: bool = False
    end: Span | None = None
    # "withdraw", "supersede", "exit_race" or "rank_change"; None while open.
    ended_by: str | None = None
    opened_by: Fact | None = None
    closed_by: Fact | None = None
    reaffirmed_by: list[Fact] = field(default_factory=list)
    id: str = ""

    @property
    def facts(self) -> list[Fact]:
        return [f for f in (self.opened_by, *self.reaffirmed_by, self.closed_by) if f is not None]

    @property
    def source_ids(self) -> list[str]:
        """Every source behind the interval: what opened, reaffirmed and closed it (an implied
        endorsement is known only from its withdrawal or stand-by)."""
        facts = self.facts
        if len(facts) == 1:
            return facts[0].source_ids
        return list(dict.fromkeys([r.source.id for fact in facts for r in fact.reports]))

    @property
    def group(self) -> str | None:
        return self.opened_by.group if self.opened_by else None

    def status_on(self, day: dt.date) -> Status:
        """In force only if it certainly started on or before `day` and certainly had not ended
        by then; not in force if it certainly started after or certainly ended on or before it."""
        if (self.start.earliest and self.start.earliest > day) or (
            self.end is not None and self.end.latest is not None and self.end.latest <= day
        ):
            return Status.NOT_IN_FORCE
        started = self.start.latest is not None and self.start.latest <= day
        running = self.end is None or (self.end.earliest is not None and self.end.earliest > day)
        return Status.IN_FORCE if started and running else Status.UNCERTAIN


_ORDER = {"opens": 0, "reaffirms": 1, "closes": 2, "closes_open": 2}


def _order(action: Action) -> int:
    return _ORDER.get(spec(action).interval or "", 3)


def _chronological(a: Fact, b: Fact) -> int:
    """Certain order first; when two dates overlap, opening comes before closing."""
    if a.span.certainly_before(b.span):
        return -1
    if b.span.certainly_before(a.span):
        return 1
    oa, ob = _order(a.action), _order(b.action)
    if oa != ob:
        return -1 if oa < ob else 1
    ka, kb = a.sort_key(), b.sort_key()
    return (ka > kb) - (ka < kb)


def endorsements(log: EventLog) -> list[Endorsement]:
    """Every endorsement interval in the log, in order of start."""
    # Most pairs have one fact: it is kept alone, and a list made only for a pair's second fact
    # (a million events would otherwise make half a million one-item lists).
    pairs: dict[tuple[str, str], Fact | list[Fact]] = {}
    exits: dict[str, list[Fact]] = defaultdict(list)
    get, pair_actions, part = pairs.get, PAIR_ACTIONS, _PART
    for fact in log:
        action = fact.action
        if action in pair_actions:
            key = (fact.actor, fact.target)
            found = get(key)
            if found is None:
                pairs[key] = fact
            elif type(found) is list:
                found.append(fact)
            else:
                pairs[key] = [found, fact]
        elif part[action] == "ends_all":
            exits[fact.actor].append(fact)
    out: list[Endorsement] = []
    several: set[tuple[str, str]] = set()  # the pairs with more than one interval
    chronological = functools.cmp_to_key(_chronological)
    for (endorser, candidate), found in pairs.items():
        if type(found) is not list:
            if candidate not in exits and part[found.action] == "opens":  # most pairs: one endorsement
                out.append(Endorsement(endorser, candidate, found.rank, found.span, opened_by=found))
                continue
            found = [found]
        facts = found + exits[candidate] if candidate in exits else found
        if len(facts) > 1:
            exact = _exact_days(facts)
            if exact is None:
                facts = sorted(facts, key=chronological)
            elif not exact:
                # Exact days: certain order unless same day, then opening before closing, then
                # the facts' own order; the same order _chronological gives, by key.
                facts = sorted(facts, key=lambda f: (f.span.earliest, _ORDER.get(f.action, 3), f.sort_key()))
        made = _intervals(endorser, candidate, facts)
        if len(made) > 1:
            several.add((endorser, candidate))
        out += made
    span_keys: dict[int, tuple] = {}  # id(span) -> its sort key; the intervals keep their spans

    def start_key(e: Endorsement) -> tuple:
        found = span_keys.get(id(e.start))
        if found is None:
            found = span_keys[id(e.start)] = e.start.sort_key()
        return (found, e.endorser, e.candidate)

    out.sort(key=start_key)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for e in out:
        endorser, candidate = e.endorser, e.candidate
        if (endorser, candidate) in several:  # numbered in order of start
            counts[(endorser, candidate)] += 1
            e.id = f"{endorser}>{candidate}#{counts[(endorser, candidate)]}"
        else:
            e.id = f"{endorser}>{candidate}#1"
    return out


_PART = {a: spec(a).interval for a in Action}


def _exact_days(facts: list[Fact]) -> bool | None:
    """None when some fact's day is not exact; else whether the days already rise strictly (the
    order sorting would give, whatever the ties would be broken by: most pairs, in log order)."""
    rising, previous = True, None
    for fact in facts:
        span = fact.span
        day = span.earliest
        if day is None or day != span.latest:
            return None
        if previous is not None and day <= previous:
            rising = False
        previous = day
    return rising


def _implied_start(fact: Fact) -> Span:
    """Start of an endorsement known only from a stand-by (in force that day) or a closing event
    (in force the day before at the latest, since [start, end) holds at least one day)."""
    latest = fact.span.latest
    if latest is not None and fact.action in CLOSING_ACTIONS:
        latest -= dt.timedelta(days=1)
    return Span(None, latest)


def _intervals(endorser: str, candidate: str, facts: list[Fact]) -> list[Endorsement]:
    done: list[Endorsement] = []
    current: Endorsement | None = None

    def close(end: Span, how: str, fact: Fact | None) -> None:
        nonlocal current
        assert current is not None
        current.end, current.ended_by, current.closed_by = end, how, fact
        done.append(current)
        current = None

    for fact in facts:
        action = fact.action
        part = _PART[action]
        if part == "ends_all":
            if current is not None:
                close(fact.span, _VALUE[action], fact)
            continue
        if part == "closes_open":  # opposition withdraws an endorsement on record, implies none
            if current is not None:
                close(fact.span, "withdraw", fact)
            continue
        if part == "opens":
            if current is not None and None not in (fact.rank, current.rank) and (fact.rank != current.rank):
                close(fact.span, "rank_change", fact)
            if current is None:
                current = Endorsement(endorser, candidate, fact.rank, fact.span, opened_by=fact)
                continue
        if current is None:  # a stand-by or withdrawal implies an endorsement already in force
            current = Endorsement(endorser, candidate, fact.rank, _implied_start(fact), implied=True)
        if action in CLOSING_ACTIONS:
            close(fact.span, _VALUE[action], fact)
        else:
            current.reaffirmed_by.append(fact)
            if current.rank is None:
                current.rank = fact.rank
    if current is not None:
        done.append(current)
    return done
