"""The one line that ends a report's table: how many rows, over which days, and what to check."""

from __future__ import annotations

from typing import Any

__all__ = ["summary"]

_NOUNS = {
    "withdrawals": ("withdrawal", "withdrawals"),
    "stood_by": ("stand-by", "stand-bys"),
    "timeline": ("event", "events"),
    "asof": ("endorsement", "endorsements"),
    "compare": ("change", "changes"),
}


def _days(
    rows: list[dict[str, Any]], trios: tuple[tuple[str, str, str], ...]
) -> tuple[str | None, str | None]:
    days = [row.get(c) for row in rows for trio in trios for c in trio if row.get(c)]
    return (min(days), max(days)) if days else (None, None)


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def summary(report: str, rows: list[dict[str, Any]], candidates: list[str] | None = None) -> str:
    """ "18 withdrawals from Scott Stringer, 2021-04-28 to 2021-05-02; 16 exactly dated after the
    trigger, …" for the rows of `report` (withdrawals, stood_by, timeline, asof, compare)."""
    one, many = _NOUNS[report]
    text = _count(len(rows), one, many)
    if candidates:
        text += (" from " if report == "withdrawals" else " for ") + " and ".join(candidates)
    trios = (("date", "not_before", "not_after"),)
    if report in ("asof", "compare"):
        trios = (("started_on", "started_not_before", "started_not_after"),)
    first, last = _days(rows, trios)
    if first:
        text += f", {first}" + (f" to {last}" if last != first else "")
    notes = []
    if report == "withdrawals":
        exact = sum(1 for r in rows if r.get("days_after_trigger") is not None)
        notes.append(f"{exact} exactly dated after the trigger")
        uncertain = sum(1 for r in rows if r.get("possible_triggers"))
        if uncertain:
            notes.append(f"{uncertain} with an uncertain order (possible_triggers)")
    implied = sum(1 for r in rows if r.get("implied"))
    if implied:
        notes.append(f"{implied} implied (no endorsement on record)")
    conflicted = sum(1 for r in rows if r.get("conflicts"))
    if conflicted:
        notes.append(f"{conflicted} with conflicting dates (conflicts)")
    if report == "compare":
        uncertain = sum(1 for r in rows if not r.get("certain"))
        if uncertain:
            notes.append(f"{uncertain} uncertain (why)")
    return text + ("; " + ", ".join(notes) if notes else "")
