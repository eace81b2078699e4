"""Date expressions in article text, resolved against the publication date.

Weekday names mean the most recent such day on or before publication (the publication weekday
itself is the publication day); "the day prior" and its kind count from a date already set in the
sentence or paragraph; absolute dates without a year take the year that puts them on or before
publication; vague phrases ("earlier this week", "recently") give bounds. Without a publication
date, only absolute dates with a year resolve: nothing is invented.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..graph.dates import FIRST_YEAR, LAST_YEAR, Span

__all__ = ["DateMention", "find_dates"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?)"
)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_PATTERNS = [
    ("iso", r"\b(\d{4})-(\d{2})-(\d{2})\b"),
    ("month_day", rf"\b{_MONTH}\s+{_DAY}(?:,?\s+(\d{{4}}))?\b"),
    ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+(\d{{4}}))?\b"),
    # "in March", "since early July", "in February 2019": the month, bounds only
    (
        "month",
        rf"\b(?:in|since|during|by|until|through|from|early|late|mid)[\s-]+(?:(?:early|late|mid)[\s-]+)?"
        rf"{_MONTH}(?:,?\s+(\d{{4}}))?\b(?!\s*\d)",
    ),
    (
        "weekday",
        r"\b(?:(last|this|on|late on|early on|late|early)\s+)?"
        r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?"
        r"(?:\s+(?:morning|afternoon|evening|night))?\b",
    ),
    ("yesterday", r"\b(yesterday|today|tonight|this (?:morning|afternoon|evening))\b"),
    (
        "chained",
        r"\b(the day (?:prior|before)|a day (?:earlier|before)|the previous day|"
        r"the next day|the following day|a day later|the day after)\b",
    ),
    (
        "vague",
        r"\b(earlier this week|this week|last week|earlier this month|this month|last month|"
        r"recently|in recent (?:days|weeks|months)|over the (?:last|past) (?:few |several )?"
        r"(?:days|weeks))\b",
    ),
    ("year", r"\bin (\d{4})\b"),
]
_WEEKDAY = re.compile("|".join(WEEKDAYS), re.IGNORECASE)
# The lookahead first (the characters a date phrase starts with): the caseless alternation is
# otherwise tried at every position
_FINDER = re.compile(
    r"(?=[\dabdefijlmnorstuwy])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS) + ")",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into the text searched
    end: int
    text: str
    kind: str  # iso, month_day, day_month, weekday, yesterday, chained, vague, year
    span: Span | None  # None: cannot be resolved (no publication date, no anchor)

    @property
    def exact(self) -> bool:
        return self.span is not None and self.span.exact is not None


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")[:4] if name.lower().startswith("sept") else name.lower()[:3]]


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_span(month: int, year: str | None, published: dt.date | None) -> Span | None:
    """A month named without a day: the latest such month on or before publication, unless a year is given."""
    if year is not None:
        first = dt.date(int(year), month, 1)
    elif published is not None:
        first = dt.date(published.year - (month > published.month), month, 1)
    else:
        return None
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    if published is not None and published < last:
        last = published
    return Span(first, last) if first <= last else None


def _absolute(month: int, day: int, year: str | None, published: dt.date | None) -> Span | None:
    if year:
        found = _safe(int(year), month, day)
        return Span.of(found) if found else None
    if published is None:
        return None
    found = _safe(published.year, month, day)
    if found and found > published:
        found = _safe(published.year - 1, month, day)
    return Span.of(found) if found else None


def _vague(phrase: str, published: dt.date | None) -> Span | None:
    if published is None:
        return None
    p = published
    week_start = p - dt.timedelta(days=p.weekday())
    month_start = p.replace(day=1)
    if phrase in ("earlier this week", "this week"):
        return Span(week_start, p)
    if phrase == "last week":
        return Span(week_start - dt.timedelta(days=7), week_start - dt.timedelta(days=1))
    if phrase in ("earlier this month", "this month"):
        return Span(month_start, p)
    if phrase == "last month":
        previous_end = month_start - dt.timedelta(days=1)
        return Span(previous_end.replace(day=1), previous_end)
    return Span(None, p)  # recently, in recent weeks, over the last several days


_DIGIT = re.compile(r"\d")
_NEXT_DAY = ("the next day", "the following day", "a day later", "the day after")
_MAY_HOLD_A_DATE = ("day", "week", "month", "recent", "tonight", "morning", "afternoon", "evening", "jan",
                    "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")  # fmt: skip


def find_dates(text: str, published: dt.date | None, anchor: dt.date | None = None) -> list[DateMention]:
    """Every date expression in `text` (one sentence), in order. `anchor` is the last exact date set
    earlier in the paragraph; exact dates found in the sentence become the anchor for later ones."""
    found: list[DateMention] = []
    low = text.lower()
    if not _DIGIT.search(text) and not any(word in low for word in _MAY_HOLD_A_DATE):
        return found
    for m in _FINDER.finditer(text):
        kind = m.lastgroup or ""
        groups = [g for g in m.groups() if g is not None]
        phrase = m.group(0)
        span: Span | None = None
        try:
            if kind == "iso":
                day = _safe(int(groups[1]), int(groups[2]), int(groups[3]))
                span = Span.of(day) if day else None
            elif kind == "month_day":
                _, month, day, *year = groups
                span = _absolute(_month(month), int(day), year[0] if year else None, published)
            elif kind == "day_month":
                _, day, month, *year = groups
                span = _absolute(_month(month), int(day), year[0] if year else None, published)
            elif kind == "month":
                span = _month_span(_month(groups[1]), groups[2] if len(groups) > 2 else None, published)
            elif kind == "weekday" and published is not None:
                weekday = WEEKDAYS.index(_WEEKDAY.search(phrase).group(0).lower())  # type: ignore[union-attr]
                back = (published.weekday() - weekday) % 7
                if phrase.lower().startswith("last ") and back == 0:
                    back = 7
                span = Span.of(published - dt.timedelta(days=back))
            elif kind == "yesterday":
                base = published or anchor  # news "yesterday" counts from publication
                if base is not None:
                    span = Span.of(base - dt.timedelta(days=1) if phrase.lower() == "yesterday" else base)
            elif kind == "chained" and anchor is not None:
                later = phrase.lower() in _NEXT_DAY
                span = Span.of(anchor + dt.timedelta(days=1 if later else -1))
            elif kind == "vague":
                span = _vague(" ".join(phrase.lower().split()), published)
            elif kind == "year":
                year = int(groups[1])
                end = dt.date(year, 12, 31)
                if published and published < end:
                    end = published
                span = Span(dt.date(year, 1, 1), end) if dt.date(year, 1, 1) <= end else None
        except (OverflowError, ValueError):  # a day the calendar cannot hold ("in 0000"): no date
            span = None
        if span is not None and not all(
            FIRST_YEAR <= d.year <= LAST_YEAR for d in (span.earliest, span.latest) if d
        ):
            span = None  # nor one the facts schema refuses
        mention = DateMention(m.start(), m.end(), phrase, kind, span)
        found.append(mention)
        if mention.exact:
            anchor = mention.span.exact  # type: ignore[union-attr]
    return found
