"""How report rows carry dates: one encoding, shared by every report and read by the output edge.

A date that may be known only within bounds is three ISO columns: the exact day (or null) and the
two bounds (null when unknown). `DATE_RANGES` names every such trio once; the table and Markdown
views fold a trio into one column ("2021-04-30", "2021-04-28..2021-04-30", "by 2021-04-28"), CSV and
JSON keep the three.
"""

from __future__ import annotations

from ..graph.dates import Span

__all__ = ["DATE_RANGES", "span_fields"]

# display name -> (exact, not_before, not_after) columns
DATE_RANGES: dict[str, tuple[str, str, str]] = {
    "date": ("date", "not_before", "not_after"),
    "endorsed": ("endorsed_on", "endorsed_not_before", "endorsed_not_after"),
    "started": ("started_on", "started_not_before", "started_not_after"),
    "ended": ("ended_on", "ended_not_before", "ended_not_after"),
}


def span_fields(name: str, span: Span | None) -> dict[str, str | None]:
    """The three columns of the date range `name` for `span` (all null when there is none)."""
    exact, lo, hi = DATE_RANGES[name]
    span = span or Span()
    iso = lambda day: day.isoformat() if day else None  # noqa: E731
    return {exact: iso(span.exact), lo: iso(span.not_before), hi: iso(span.not_after)}
