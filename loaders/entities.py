"""The entities file (YAML) and the alias table (CSV): both user-editable, both fill a Registry.

entities.yaml:
    entities:
      - id: scott-stringer          # optional; made from the name
        name: Scott Stringer
        kind: person                 # person, party, union, advocacy group, newspaper, race, ...
        titles:
          - {title: NYC Comptroller, since: 2014-01-01, until: 2021-12-31}
        aliases: [Scott M. Stringer]

aliases.csv:  alias,entity   (entity is an id or a known name)
"""

from __future__ import annotations

from pathlib import Path

from ..graph.dates import parse_day
from ..graph.entities import AmbiguousName, Entity, Registry, Title, UnknownName, slug
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
            registry.add(_entity(item))
        except ValueError as err:
            problems.append(f"{where}: {err}")
    if problems:
        raise InputError(problems)


def _entity(item: dict) -> Entity:
    unknown = set(item) - {"id", "name", "kind", "titles", "title", "aliases"}
    if unknown:
        raise ValueError(f"unknown field '{sorted(unknown)[0]}'")
    name = str(item.get("name") or "").strip()
    if not name:
        raise ValueError("name is required")
    kind = item.get("kind")
    if kind is not None and str(kind).lower() not in KINDS:
        raise ValueError(f"kind '{kind}' is not one of: {', '.join(KINDS)}")
    titles = []
    raw_titles = item.get("titles") or ([item["title"]] if item.get("title") else [])
    for raw in raw_titles:
        if isinstance(raw, str):
            titles.append(Title(raw))
            continue
        raw.pop("__line__", None)
        since = parse_day(raw.get("since"), "since")
        until = parse_day(raw.get("until"), "until")
        if since and until and since > until:
            raise ValueError(f"title '{raw.get('title')}': since {since} is after until {until}")
        titles.append(Title(str(raw.get("title")), since, until))
    aliases = [str(a) for a in item.get("aliases") or []]
    return Entity(
        str(item.get("id") or slug(name)),
        name,
        str(kind).lower() if kind else None,
        titles,
        aliases,
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
        try:
            registry.add_alias(alias, registry.resolve(name).id)
        except (UnknownName, AmbiguousName) as err:
            problems.append(f"{path}:{line}: entity: {err}")
    if problems:
        raise InputError(problems)
