"""Entities (people, parties, unions, groups, races) and the name resolution shared by every loader.

Matching ignores case, accents and punctuation. A name that could mean two entities is an error that
lists them; it is never merged silently.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["AmbiguousName", "Entity", "Registry", "Title", "UnknownName", "normalize", "slug"]


def normalize(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"['’`]", "", plain.casefold())
    return " ".join(re.sub(r"[^\w]+", " ", plain).split())


def slug(name: str) -> str:
    return normalize(name).replace(" ", "-") or "entity"


@dataclass(frozen=True, slots=True)
class Title:
    title: str
    since: dt.date | None = None
    until: dt.date | None = None

    def holds_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.since is None and self.until is None
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    kind: str | None = None
    titles: list[Title] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def title_on(self, day: dt.date | None = None) -> str | None:
        """The title held on `day`; a title with no dates stands when none dated covers the day."""
        dated = [t for t in self.titles if (t.since or t.until) and day and t.holds_on(day)]
        if dated:
            return dated[-1].title
        undated = [t for t in self.titles if not (t.since or t.until)]
        return undated[0].title if undated else None

    def add_title(self, title: str) -> None:
        if not any(normalize(t.title) == normalize(title) for t in self.titles):
            self.titles.append(Title(title))


class UnknownName(LookupError):
    def __init__(self, name: str, suggestions: list[str]):
        self.name, self.suggestions = name, suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no entity named '{name}'{hint}")


class AmbiguousName(LookupError):
    def __init__(self, name: str, candidates: list[Entity]):
        self.name, self.candidates = name, candidates
        listed = "; ".join(f"{e.id} ({_describe(e)})" for e in candidates[:5])
        more = f" and {len(candidates) - 5} more" if len(candidates) > 5 else ""
        super().__init__(f"'{name}' could mean {len(candidates)} entities: {listed}{more}; use the id")


def _describe(entity: Entity) -> str:
    parts = [entity.name]
    if entity.kind:
        parts.append(entity.kind)
    parts += [t.title for t in entity.titles]
    return ", ".join(parts)


class Registry:
    """All known entities, indexed by normalized id, name and alias."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._names: dict[str, set[str]] = {}  # normalized name or alias -> entity ids
        self._surnames: dict[str, set[str]] = {}  # normalized last word of a person's name
        self._keyed: dict[str, set[str]] = {}  # names of third-party sources' entities (see add)

    def __iter__(self):
        return iter(self.entities.values())

    def __len__(self) -> int:
        return len(self.entities)

    def __getitem__(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def add(self, entity: Entity, keyed: bool = False) -> Entity:
        """Add an entity. A `keyed` one (a third-party source's, keyed by that source) is found by
        its id always, by its name only when no entity of the entities file, an alias table or a
        facts file has that name, and never by its surname alone."""
        if entity.id in self.entities:
            raise ValueError(f"entity id '{entity.id}' is defined twice")
        self.entities[entity.id] = entity
        index = self._keyed if keyed else self._names
        for label in (entity.name, *entity.aliases):
            index.setdefault(normalize(label), set()).add(entity.id)
        if not keyed and entity.kind in (None, "person") and len(normalize(entity.name).split()) > 1:
            self._surnames.setdefault(normalize(entity.name).split()[-1], set()).add(entity.id)
        return entity

    def add_alias(self, alias: str, entity_id: str) -> None:
        entity = self.entities[entity_id]
        if normalize(alias) not in {normalize(a) for a in entity.aliases + [entity.name]}:
            entity.aliases.append(alias)
        self._index(alias, entity_id)

    def _index(self, name: str, entity_id: str) -> None:
        self._names.setdefault(normalize(name), set()).add(entity_id)

    def _ids(self, name: str) -> set[str]:
        """Ids `name` could mean: an id, a name or alias, else a person's unique surname."""
        if name in self.entities:
            return {name}
        key = normalize(name)
        ids = self._names.get(key) or self._keyed.get(key) or set()
        if not ids and " " not in key:
            ids = self._surnames.get(key) or set()
        return ids

    def find(self, name: str) -> list[Entity]:
        """Every entity `name` could mean (see `resolve`), without suggestions: cheap to ask."""
        return sorted((self.entities[i] for i in self._ids(name)), key=lambda e: e.id)

    def resolve(self, name: str) -> Entity:
        """The one entity `name` means: its id, name or an alias, else a unique person's surname."""
        ids = self._ids(name)
        if len(ids) == 1:
            return self.entities[next(iter(ids))]
        if ids:
            raise AmbiguousName(name, sorted((self.entities[i] for i in ids), key=lambda e: e.id))
        raise UnknownName(name, self.suggest(name))

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Names of the entities closest to `name` (by name or alias), each entity once."""
        owner: dict[str, str] = {}
        for entity in self:
            for label in (entity.name, *entity.aliases):
                owner.setdefault(normalize(label), entity.id)
        key = normalize(name)
        close = difflib.get_close_matches(key, list(owner), n=n * 2, cutoff=0.6)
        close += [k for k in owner if key and key in k.split() and k not in close]
        names: list[str] = []
        for label in close:
            entity_name = self.entities[owner[label]].name
            if entity_name not in names:
                names.append(entity_name)
        return names[:n]

    def ensure(self, name: str, kind: str | None = None, title: str | None = None) -> Entity:
        """Resolve `name`, or create the entity a facts file introduces; kind and title fill gaps
        and a contradicting kind is an error."""
        if self._ids(name):
            entity = self.resolve(name)
        else:
            entity_id = slug(name)
            n = 2
            while entity_id in self.entities:
                entity_id, n = f"{slug(name)}-{n}", n + 1
            entity = self.add(Entity(entity_id, name, kind))
        if kind:
            if entity.kind is None:
                entity.kind = kind
                if kind != "person":
                    for ids in self._surnames.values():
                        ids.discard(entity.id)
            elif entity.kind != kind:
                raise ValueError(f"'{name}' is a {entity.kind}, not a {kind}")
        if title:
            entity.add_title(title)
        return entity
