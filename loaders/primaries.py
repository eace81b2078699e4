"""FiveThirtyEight's 2022 primary project (CC BY 4.0): candidates and who endorsed them.

One row per candidate in one primary; a race is party + state + office + district + primary date,
and a candidate is keyed by name and race (`mo-brooks.alabama-senator-r-2022-05-24`), so two people
of one name in two races stay two entities, and nobody is merged by name into what the registry
already holds. Each endorser column holds:

- `Yes` / `Yes (runoff only)`: an `endorse` event, dated where the tracker has a date (only the
  `Trump` column does, in `Trump Date`);
- `No` with a date: what it certainly is, opposition on that day (`oppose`). It ends an endorsement
  as a withdrawal only when the loaded sources hold one by the same endorser for that candidate;
- `No` without a date (endorsed an opponent, or opposed: the tracker does not say which) and `N/A`:
  nothing.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..graph.entities import Entity, Title, slug
from ..graph.errors import InputError
from ..graph.events import Event, Source
from .fivethirtyeight import CREDIT
from .records import csv_records

__all__ = ["ENDORSERS", "RACE_COLUMNS", "read_primaries"]

RACE_COLUMNS = ("Candidate", "State", "Primary Date", "Office", "District")
URL = "https://github.com/fivethirtyeight/data/tree/master/primary-project-2022"
# Column -> (endorser's name, kind). Party committees differ by file: see _endorsers.
ENDORSERS: dict[str, tuple[str, str]] = {
    "Trump": ("Donald Trump", "person"),
    "Sanders": ("Bernie Sanders", "person"),
    "AOC": ("Alexandria Ocasio-Cortez", "person"),
    "Club for Growth": ("Club for Growth", "advocacy group"),
    "Renew America": ("Renew America", "advocacy group"),
    "E-PAC": ("E-PAC", "advocacy group"),
    "VIEW PAC": ("VIEW PAC", "advocacy group"),
    "Maggie's List": ("Maggie's List", "advocacy group"),
    "Winning for Women": ("Winning for Women", "advocacy group"),
    "EMILY's List": ("EMILY's List", "advocacy group"),
    "Justice Dems": ("Justice Democrats", "advocacy group"),
    "Indivisible": ("Indivisible", "advocacy group"),
    "PCCC": ("Progressive Change Campaign Committee", "advocacy group"),
    "Our Revolution": ("Our Revolution", "advocacy group"),
    "Sunrise": ("Sunrise Movement", "advocacy group"),
}
_DATED = {"Trump": "Trump Date"}
_VALUES = {
    "yes": "endorse",
    "yes (runoff only)": "endorse",
    "no": "oppose",
    "no (runoff only)": "oppose",
    "n/a": None,
}


def _day(text: str | None, what: str) -> dt.date | None:
    """M/D/YY as the tracker writes it; empty or N/A is unknown."""
    text = (text or "").strip()
    if not text or text.upper() == "N/A":
        return None
    try:
        return dt.datetime.strptime(text, "%m/%d/%y").date()
    except ValueError:
        raise ValueError(f"{what} '{text}' is not a date in the form M/D/YY") from None


def _party(header: list[str]) -> tuple[str, str]:
    """The file's party, from its endorser columns (the two files share every race column)."""
    return ("Republican", "R") if "Trump" in header else ("Democratic", "D")


def _endorsers(header: list[str], party: str) -> dict[str, tuple[str, str]]:
    named = {c: ENDORSERS[c] for c in header if c in ENDORSERS}
    if "Party Committee" in header:
        named["Party Committee"] = (f"{party} Party committee", "party")
    return named


def read_primaries(path: str | Path) -> tuple[list[Event], list[Entity]]:
    """The events and entities of one candidates file (rep_candidates.csv or dem_candidates.csv),
    or an InputError listing every bad row."""
    path = Path(path)
    header, records = csv_records(path)
    missing = [c for c in RACE_COLUMNS if c not in header]
    if missing:
        raise InputError(
            [f"{path}:1: missing column '{c}' of the FiveThirtyEight primary project" for c in missing]
        )
    party, letter = _party(header)
    endorsers = _endorsers(header, party)
    entities: dict[str, Entity] = {
        slug(name): Entity(slug(name), name, kind) for name, kind in endorsers.values()
    }
    events: list[Event] = []
    problems: list[str] = []
    for line, row in records:
        where = f"{path}:{line}"
        get = lambda c, row=row: (row.get(c) or "").strip()  # noqa: E731
        try:
            primary = _day(get("Primary Date"), "Primary Date")
        except ValueError as err:
            problems.append(f"{where}: {err}")
            continue
        name = get("Candidate")
        if not name or primary is None:
            problems.append(f"{where}: Candidate and Primary Date are required")
            continue
        district = get("District")
        seat = " ".join(x for x in (get("State"), get("Office")) if x)
        if district and district.upper() != "N/A":
            seat += f" district {district}" if district[0].isdigit() else f" {district}"
        race = f"{primary.year} {seat}, {party} primary of {primary.isoformat()}"
        candidate_id = f"{slug(name)}.{slug(f'{seat} {letter} {primary.isoformat()}')}"
        if candidate_id in entities:
            problems.append(f"{where}: {name} is listed twice in the {race}")
            continue
        entities[candidate_id] = Entity(candidate_id, name, "person", [Title(f"candidate, {race}")])
        source = Source(id=f"{path.name}:{line} [{CREDIT}]", url=URL, outlet="FiveThirtyEight", credit=CREDIT)
        for column, (endorser, kind) in endorsers.items():
            value = " ".join(get(column).split()).casefold()
            if value not in _VALUES:
                problems.append(f"{where}: {column} '{get(column)}' is not Yes, No, N/A or '… (runoff only)'")
                continue
            action = _VALUES[value]
            try:
                date = _day(get(_DATED[column]), _DATED[column]) if column in _DATED else None
            except ValueError as err:
                problems.append(f"{where}: {err}")
                continue
            if action is None or (action == "oppose" and date is None):
                continue
            events.append(
                Event(
                    actor=slug(endorser),
                    action=action,
                    target=candidate_id,
                    date=date,
                    race=race,
                    source=source,
                    note=f"FiveThirtyEight: {column} {get(column)}",
                    actor_kind=kind,
                    target_kind="person",
                    origin=where,
                )
            )
    if problems:
        raise InputError(problems)
    return events, list(entities.values())
