"""A reporter's corrections to extracted events, applied on every load of the articles.

corrections.csv:  id,correction[,date,not_before,not_after,actor,target,note]
  - `id` is the extracted event's id (the `id` column of `endorsegraph extract`'s output; it
    depends only on the article, the sentence, the action and the names as extracted, so it
    survives re-extraction);
  - `correction` is `reject` (drop the event) or `amend` (replace the date, actor or target with
    the row's non-empty columns; a new date replaces date and bounds together).
A correction whose id no extracted event has is a warning (the article or the extractor changed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..graph.dates import parse_day
from ..graph.errors import InputError
from ..graph.events import Event
from .records import csv_records

__all__ = ["COLUMNS", "Correction", "apply_corrections", "read_corrections"]

COLUMNS = ("id", "correction", "date", "not_before", "not_after", "actor", "target", "note")


@dataclass(frozen=True, slots=True)
class Correction:
    where: str  # file:line
    id: str
    reject: bool
    changes: dict[str, Any]


def read_corrections(path: str | Path) -> dict[str, Correction]:
    path = Path(path)
    header, rows = csv_records(path)
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        raise InputError([f"{path}:1: unknown column '{unknown[0]}' (known: {', '.join(COLUMNS)})"])
    out: dict[str, Correction] = {}
    problems: list[str] = []
    for line, row in rows:
        where = f"{path}:{line}"
        event_id = (row.get("id") or "").strip()
        kind = (row.get("correction") or "").strip().lower()
        if not event_id:
            problems.append(f"{where}: id is required")
            continue
        if kind not in ("reject", "amend"):
            problems.append(f"{where}: correction must be reject or amend, not '{kind}'")
            continue
        changes: dict[str, Any] = {}
        try:
            for column in ("date", "not_before", "not_after"):
                day = parse_day(row.get(column), column)
                if day is not None:
                    changes[column] = day
        except ValueError as err:
            problems.append(f"{where}: {err}")
            continue
        if changes:  # a new date replaces the old date and bounds together
            changes = {"date": None, "not_before": None, "not_after": None, **changes}
        for column in ("actor", "target", "note"):
            value = (row.get(column) or "").strip()
            if value:
                changes[column] = value
        if kind == "amend" and not changes:
            problems.append(f"{where}: an amend needs a date, not_before, not_after, actor, target or note")
            continue
        if event_id in out:
            problems.append(f"{where}: id {event_id} is corrected twice (also at {out[event_id].where})")
            continue
        out[event_id] = Correction(where, event_id, kind == "reject", changes)
    if problems:
        raise InputError(problems)
    return out


def apply_corrections(
    events: Iterable[Event],
    corrections: dict[str, Correction],
    warn: Callable[[str], None] | None = None,
) -> list[Event]:
    """`events` with the corrections applied; problems (a bad amended date) are InputErrors."""
    out: list[Event] = []
    used: set[str] = set()
    problems: list[str] = []
    for event in events:
        correction = corrections.get(event.id or "")
        if correction is None:
            out.append(event)
            continue
        used.add(correction.id)
        if correction.reject:
            continue
        try:
            out.append(Event.model_validate({**event.model_dump(), **correction.changes}))
        except ValueError as err:
            problems.append(f"{correction.where}: {str(err).splitlines()[-1].strip()}")
    if problems:
        raise InputError(problems)
    if warn:
        for correction in corrections.values():
            if correction.id not in used:
                warn(f"{correction.where}: no extracted event has the id {correction.id}: not applied")
    return out
