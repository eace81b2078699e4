"""The entities file (YAML) and the alias table (CSV): both user-editable, both fill a Registry.

entities.yaml:
    entities:
      - id: scott-stringer          # optional; made from the name
        name: Scott Stringer
        kind: person                 # person, party, union, advocacy group, newspaper, race, ...
        titles:
          - {title: NYC Comptroller, since: 2014-01-01, until: 2021-12-31}
        aliases: [Scott M. Stringer]
        race: nyc-mayor-2021          # optional: this entity belongs to one race only (splits
                                      # two people of the same name in different races)

aliases.csv:  alias,entity[,race]   (entity is an id or a name, also one that first appears in a
facts file or article; with a race, the alias means the entity in that race only)
"""

from __future__ import annotations

from pathlib import Path

from ..graph.dates import parse_day
from ..graph.entities import ANY, AmbiguousName, Entity, Registry, Title, UnknownName, slug
from ..graph.errors import InputError
from ..graph.events import KINDS
from .records import csv_records, yaml_records

__all__ = ["read_aliases", "read_entities"]


def read_entities(path: str | Path, registry: Registry) -> None:
    path = Path(path)
    problems: list[str] = []
    for line, item in yaml_records(path, "entities"):
        where = f"{path}:{line}"
        try:
            entity = registry.add(_entity(item))
            registry.meet(entity.id, entity.race)  # declared: its surname works in its race
        except ValueError as err:
            problems.append(f"{where}: {err}")
    if problems:
        raise InputError(problems)


def _text(item: dict, key: str, required: bool = False) -> str | None:
    """A text field: YAML's yes/no, numbers, lists and mappings are not names."""
    value = item.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValueError(f"{key} is required")
        return None
    if not isinstance(value, str):
        raise ValueError(f"{key} must be text, not {_what(value)}")
    return value.strip()


def _what(value: object) -> str:
    if isinstance(value, bool):
        return f"yes/no ({value})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    return {"list": "a list", "dict": "a mapping"}.get(type(value).__name__, type(value).__name__)


def _texts(item: dict, key: str) -> list:
    """A list field that may be given as one value: `titles: Mayor` is one title."""
    value = item.get(key)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _entity(item: dict) -> Entity:
    unknown = set(item) - {"id", "name", "kind", "titles", "title", "aliases", "race"}
    if unknown:
        raise ValueError(f"unknown field '{sorted(unknown)[0]}'")
    name = _text(item, "name", required=True)
    assert name is not None
    kind = _text(item, "kind")
    if kind is not None and kind.lower() not in KINDS:
        raise ValueError(f"kind '{kind}' is not one of: {', '.join(KINDS)}")
    titles = []
    for raw in _texts(item, "titles") + _texts(item, "title"):
        if isinstance(raw, str):
            titles.append(Title(raw))
            continue
        if not isinstance(raw, dict):
            raise ValueError(f"a title must be text or a mapping with title, since, until, not {_what(raw)}")
        raw.pop("__line__", None)
        extra = set(raw) - {"title", "since", "until"}
        if extra:
            raise ValueError(f"title: unknown field '{sorted(extra)[0]}'")
        title = _text(raw, "title", required=True)
        since = parse_day(raw.get("since"), "since")
        until = parse_day(raw.get("until"), "until")
        if since and until and since > until:
            raise ValueError(f"title '{title}': since {since} is after until {until}")
        titles.append(Title(str(title), since, until))
    aliases = []
    for alias in _texts(item, "aliases"):
        if not isinstance(alias, str):
            raise ValueError(f"an alias must be text, not {_what(alias)}")
        aliases.append(alias)
    race = _text(item, "race")
    return Entity(
        _text(item, "id") or slug(name),
        name,
        kind.lower() if kind else None,
        titles,
        aliases,
        race,
    )


def read_aliases(path: str | Path, registry: Registry) -> None:
    path = Path(path)
    header, rows = csv_records(path)
    if header[:2] != ["alias", "entity"]:
        raise InputError([f"{path}:1: an alias table has the columns alias,entity"])
    problems: list[str] = []
    for line, row in rows:
        alias, name = (row.get("alias") or "").strip(), (row.get("entity") or "").strip()
        if not alias or not name:
            problems.append(f"{path}:{line}: both alias and entity are required")
            continue
        race = (row.get("race") or "").strip() or None
        try:
            registry.add_alias(
                alias, registry.resolve(name, race if race else ANY).id, race, f"{path}:{line}"
            )
        except UnknownName:
            # Perhaps an entity a facts file or article introduces: the event log decides.
            registry.pending_aliases.append((f"{path}:{line}", alias, name, race))
        except AmbiguousName as err:
            problems.append(f"{path}:{line}: entity: {err}")
    if problems:
        raise InputError(problems)
