"""FiveThirtyEight's 2020 Democratic primary endorsement tracker (CC BY 4.0): one snapshot per file.

Columns: date, position, city, state, endorser, endorsee, endorser party, source, order, category,
body, district, points. A row with an endorsee is one dated endorsement; a row without one is an
official who had not endorsed (an entity, not an event). The tracker keeps each endorser's current
pick only, so comparing snapshots (snapshots.py) is the only way to see who switched.

Entities are keyed by the tracker, not merged by name into what the registry already holds: an
endorser is `<name>.<state>` (a person keeps one key across positions), a candidate endorsed is the
endorser of that name when the tracker lists exactly one, else `<name>.us`. An entities file or alias
table joins one to a known entity by naming that key (an alias line `andrew-cuomo.ny,andrew-cuomo`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..graph.dates import parse_day
from ..graph.entities import Entity, Title, normalize, slug
from ..graph.errors import InputError
from ..graph.events import Event, Source
from .records import csv_records

__all__ = [
    "COLUMNS",
    "CREDIT",
    "RACE",
    "Snapshot",
    "TrackerRow",
    "endorser_key",
    "read_snapshot",
    "snapshot_entities",
]

COLUMNS = ("date", "position", "state", "endorser", "endorsee", "endorser party", "source", "points")
CREDIT = "FiveThirtyEight, CC BY 4.0"
RACE = "2020 Democratic presidential primary"
_SNAPSHOT_DAY = re.compile(r"snapshot-(\d{4}-\d{2}-\d{2})")
# Middle initials and generational suffixes come and go between snapshots.
_DROPPED_TOKENS = {"jr", "sr", "ii", "iii", "iv"}


@dataclass(frozen=True, slots=True)
class TrackerRow:
    line: int
    endorser: str
    position: str
    state: str
    endorsee: str | None
    date: dt.date | None
    party: str | None
    url: str | None
    points: str | None
    category: str | None
    city: str | None

    @property
    def key(self) -> tuple[str, str, str]:
        return endorser_key(self.endorser, self.state, self.position)


@dataclass(frozen=True, slots=True)
class Snapshot:
    path: Path
    day: dt.date | None  # the day the snapshot was taken
    day_from: str  # how `day` was found: "file name", "latest row", "given"
    rows: tuple[TrackerRow, ...]

    def by_endorser(self) -> dict[tuple[str, str, str], TrackerRow]:
        return {r.key: r for r in self.rows}


def name_key(name: str) -> str:
    """A person's name as matched across snapshots: case, accents, punctuation, quotes, middle
    initials and suffixes ignored ("David a Frye" = "David A. Frye", 'William "Lacy" Clay Jr.' =
    "William Lacy Clay Jr.")."""
    return " ".join(t for t in normalize(name).split() if len(t) > 1 and t not in _DROPPED_TOKENS)


def endorser_key(name: str, state: str, position: str) -> tuple[str, str, str]:
    return (name_key(name), state.strip().upper(), position.strip().casefold())


def read_snapshot(path: str | Path, day: dt.date | None = None) -> Snapshot:
    """The rows of one tracker file. The snapshot's day is `day`, else a `snapshot-YYYY-MM-DD` in
    the file name, else the day of its latest row (it was taken that day or later)."""
    path = Path(path)
    header, records = csv_records(path)
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputError([f"{path}:1: missing column '{c}' of the FiveThirtyEight tracker" for c in missing])
    rows: list[TrackerRow] = []
    problems: list[str] = []
    seen: dict[tuple[str, str, str], int] = {}
    for line, record in records:
        where = f"{path}:{line}"
        get = lambda c, record=record: (record.get(c) or "").strip() or None  # noqa: E731
        try:
            date = parse_day(get("date"))
        except ValueError as err:
            problems.append(f"{where}: {err}")
            continue
        if not get("endorser"):
            problems.append(f"{where}: endorser is empty")
            continue
        row = TrackerRow(
            line=line,
            endorser=get("endorser") or "",
            position=get("position") or "",
            state=get("state") or "",
            endorsee=get("endorsee"),
            date=date,
            party=get("endorser party"),
            url=get("source"),
            points=get("points"),
            category=get("category"),
            city=get("city"),
        )
        if row.key in seen:
            problems.append(
                f"{where}: {row.endorser} ({row.position}, {row.state}) is also on line {seen[row.key]}"
            )
            continue
        seen[row.key] = line
        rows.append(row)
    if problems:
        raise InputError(problems)
    how = "given"
    if day is None and (match := _SNAPSHOT_DAY.search(path.name)):
        day, how = parse_day(match.group(1)), "file name"
    if day is None:
        day = max((r.date for r in rows if r.date), default=None)
        how = "latest row"
    return Snapshot(path, day, how, tuple(rows))


def endorser_id(row: TrackerRow) -> str:
    return f"{slug(name_key(row.endorser) or row.endorser)}.{(row.state or 'us').lower()}"


def candidate_ids(snapshots: list[Snapshot]) -> dict[str, str]:
    """Name key of each candidate endorsed -> entity id: the endorser of that name when the
    tracker lists exactly one (Kamala Harris, "Former 2020 candidate", CA), else `<name>.us`."""
    endorsers: dict[str, set[str]] = {}
    for snapshot in snapshots:
        for row in snapshot.rows:
            endorsers.setdefault(name_key(row.endorser), set()).add(endorser_id(row))
    out = {}
    for snapshot in snapshots:
        for row in snapshot.rows:
            if row.endorsee:
                key = name_key(row.endorsee)
                ids = endorsers.get(key, set())
                out[key] = next(iter(ids)) if len(ids) == 1 else f"{slug(key or row.endorsee)}.us"
    return out


def snapshot_entities(snapshots: list[Snapshot]) -> list[Entity]:
    """Every endorser (those who had not endorsed included) and every candidate endorsed, with the
    tracker's spelling of the latest snapshot and each position held as a title."""
    entities: dict[str, Entity] = {}
    for snapshot in sorted(snapshots, key=_order, reverse=True):
        for row in snapshot.rows:
            entity = entities.setdefault(endorser_id(row), Entity(endorser_id(row), row.endorser, "person"))
            title = _title(row)
            if title and title not in [t.title for t in entity.titles]:
                entity.titles.append(Title(title))
    candidates = candidate_ids(snapshots)
    for snapshot in snapshots:
        for row in snapshot.rows:
            if row.endorsee:
                cid = candidates[name_key(row.endorsee)]
                entities.setdefault(cid, Entity(cid, row.endorsee, "person"))
    return list(entities.values())


def _order(snapshot: Snapshot) -> tuple:
    return (snapshot.day or dt.date.min, str(snapshot.path))


def _title(row: TrackerRow) -> str | None:
    where = ", ".join(x for x in (row.city, row.state) if x)
    return f"{row.position} ({where})" if row.position and where else row.position or None


def row_source(row: TrackerRow, path: Path) -> Source:
    """The story or tweet the tracker cites, credited to the tracker; a row citing nothing is
    cited by the file and line."""
    if row.url:
        return Source(id=f"{row.url} [via {CREDIT}]", url=row.url, outlet="FiveThirtyEight", credit=CREDIT)
    return Source(id=f"{path.name}:{row.line} [{CREDIT}]", outlet="FiveThirtyEight", credit=CREDIT)


def row_note(row: TrackerRow) -> str:
    parts = [("position", row.position), ("state", row.state), ("party", row.party), ("points", row.points)]
    return "FiveThirtyEight: " + "; ".join(f"{k} {v}" for k, v in parts if v)


def endorse_event(row: TrackerRow, snapshot: Snapshot, candidates: dict[str, str]) -> Event:
    assert row.endorsee is not None
    return Event(
        actor=endorser_id(row),
        action="endorse",
        target=candidates[name_key(row.endorsee)],
        date=row.date,
        race=RACE,
        source=row_source(row, snapshot.path),
        note=row_note(row),
        actor_kind="person",
        actor_title=_title(row),
        target_kind="person",
        origin=f"{snapshot.path}:{row.line}",
    )
