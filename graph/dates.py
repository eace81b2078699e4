"""Dates that may be known only within bounds.

A `Span` is the set of days on which something may have happened: an exact day is a span of one
day, a date known only as "before 2021-04-30" is open at the start, an unknown date is open at
both ends. Nothing here ever invents a date: an unknown bound stays None.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["FIRST_YEAR", "LAST_YEAR", "Span", "hull", "narrow", "parse_day", "precision", "range_text"]


def parse_day(value: object, field: str = "date") -> dt.date | None:
    """Parse an ISO day (YYYY-MM-DD); empty means unknown. Raises ValueError naming the field."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        return _in_range(day, field, day.isoformat())
    text = str(value).strip()
    if not text:
        return None
    parts = text.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(f"{field} '{text}' is not a date in the form YYYY-MM-DD")
    try:
        day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise ValueError(f"{field} '{text}' is not a real day") from None
    return _in_range(day, field, text)


def _in_range(day: dt.date, field: str, text: str) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"{field} '{text}' is outside the years {FIRST_YEAR} to {LAST_YEAR}")
    return day


# Dates are shifted by days, weeks and months ("the day before", "last week"): far from the calendar's
# ends (0001, 9999) none of that overflows, and no endorsement is dated there but by mistake.
FIRST_YEAR, LAST_YEAR = 1000, 8999


@dataclass(frozen=True, slots=True)
class Span:
    """Closed range of possible days [earliest, latest]; None is an unknown bound."""

    earliest: dt.date | None = None
    latest: dt.date | None = None

    def __post_init__(self) -> None:
        if self.earliest and self.latest and self.earliest > self.latest:
            raise ValueError(f"not_before {self.earliest} is after not_after {self.latest}")

    @classmethod
    def of(
        cls,
        date: dt.date | None = None,
        not_before: dt.date | None = None,
        not_after: dt.date | None = None,
    ) -> Span:
        if date is not None:
            return cls(date, date)
        return cls(not_before, not_after)

    @property
    def exact(self) -> dt.date | None:
        """The day, when it is known to the day."""
        return self.earliest if self.earliest is not None and self.earliest == self.latest else None

    @property
    def known(self) -> bool:
        return self.earliest is not None or self.latest is not None

    @property
    def not_before(self) -> dt.date | None:
        """Lower bound, reported only when the day is not exact (mirrors the facts-file columns)."""
        return None if self.exact else self.earliest

    @property
    def not_after(self) -> dt.date | None:
        return None if self.exact else self.latest

    def compatible(self, other: Span) -> bool:
        """True when both could be the same day."""
        lo = _max(self.earliest, other.earliest)
        hi = _min(self.latest, other.latest)
        return lo is None or hi is None or lo <= hi

    def intersect(self, other: Span) -> Span:
        return Span(_max(self.earliest, other.earliest), _min(self.latest, other.latest))

    def certainly_before(self, other: Span) -> bool:
        """Every possible day of self is strictly before every possible day of other."""
        return self.latest is not None and other.earliest is not None and self.latest < other.earliest

    def certainly_on_or_before(self, other: Span) -> bool:
        return self.latest is not None and other.earliest is not None and self.latest <= other.earliest

    def sort_key(self) -> tuple:
        """Order by the exact day, or for bounded dates by the latest then the earliest possible
        day; at the same day exact dates come before bounded ones, unknown dates last."""
        earliest, latest = self.earliest, self.latest
        if earliest is not None and earliest == latest:
            return (earliest, 0, earliest)
        return (latest or dt.date.max, 1, earliest or dt.date.min)

    def __str__(self) -> str:
        iso = lambda day: day.isoformat() if day else None  # noqa: E731
        return range_text(iso(self.exact), iso(self.not_before), iso(self.not_after)) or "unknown"


def range_text(exact: str | None, not_before: str | None, not_after: str | None) -> str:
    """A date and its bounds as people read them: "2021-04-30", "2021-04-28..2021-04-30",
    "by 2021-04-28", "from 2021-04-28"; empty when nothing is known."""
    if exact:
        return exact
    if not_before and not_after:
        return f"{not_before}..{not_after}"
    if not_after:
        return f"by {not_after}"
    return f"from {not_before}" if not_before else ""


def precision(span: Span) -> tuple[int, int]:
    """Sort key putting the most precise date first: two bounds (the narrower first), then one
    bound, then none."""
    if span.earliest and span.latest:
        return (0, (span.latest - span.earliest).days)
    return (1, 0) if span.known else (2, 0)


def narrow(spans: Iterable[Span]) -> Span:
    """What several reports of one fact say of its date together: the most precise report,
    intersected with every other report compatible with what is known so far. An incompatible
    report is left out here (the event log keeps it as a conflicting fact)."""
    ordered = sorted(spans, key=precision)
    if not ordered:
        return Span()
    span = ordered[0]
    for other in ordered[1:]:
        if span.compatible(other):
            span = span.intersect(other)
    return span


def hull(spans: Iterable[Span]) -> Span:
    """The smallest span holding every one of `spans` (an unknown bound stays unknown)."""
    spans = list(spans)
    earliest = [s.earliest for s in spans]
    latest = [s.latest for s in spans]
    return Span(
        None if None in earliest else min(earliest),  # type: ignore[type-var]
        None if None in latest else max(latest),  # type: ignore[type-var]
    )


def _max(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else max(a, b)


def _min(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else min(a, b)
