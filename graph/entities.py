"""Entities (people, parties, unions, groups, races) and the name resolution shared by every loader.

Matching ignores case, accents and punctuation. A name that could mean two entities is an error that
lists them; it is never merged silently.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["ANY", "AmbiguousName", "Entity", "Registry", "Title", "UnknownName", "normalize", "slug"]


@functools.lru_cache(maxsize=1 << 20)  # a load asks about the same few names again and again
def normalize(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    if name.isascii():  # most names: no accents to strip (NFKD leaves ASCII as it is)
        plain = name
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _APOSTROPHES.sub("", plain.casefold())
    return " ".join(_NOT_WORD.sub(" ", plain).split())


_APOSTROPHES, _NOT_WORD = re.compile(r"['’`]"), re.compile(r"[^\w]+")


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
    race: str | None = None  # the one race this entity belongs to (None: any race)

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


ANY = "*any race*"  # resolve in every race: for names a user types into a query


class Registry:
    """All known entities, indexed by normalized id, name and alias, and by race.

    A full name means the same entity in every race (endorsers act in many), unless an entities
    file gives two entities of that name a `race` each. Surnames, aliases learned from a record and
    aliases of an entity that belongs to one race match only within that race (`scope`): a fact or
    article of another race never reaches them. `scope=None` is the scope of records with no race.
    """

    # Load-time bookkeeping, not part of what the registry knows: a cache need not keep it.
    TRANSIENT = ("alias_rows", "alias_warnings")

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._names: dict[str, set[str]] = {}  # normalized full name -> entity ids
        self._aliases: dict[tuple[str | None, str], set[str]] = {}  # (scope or None=all, alias) -> ids
        self._met: dict[str | None, set[str]] = {}  # scope -> entities named in full there
        self._persons: dict[str, set[str]] = {}  # normalized surname -> people with that surname
        self._surname_of: dict[str, str] = {}  # person id -> normalized surname
        # Alias-table rows whose entity is not known yet: (where, alias, entity, race), applied by
        # the event log once every record is read (their entity may first appear in a facts file).
        self.pending_aliases: list[tuple[str, str, str, str | None]] = []
        # Alias-table rows by (race, normalised alias): the entity and "file:line" that set it, and
        # a warning for each row that gives an alias to a second entity (said once, at that row,
        # rather than as an error at every use).
        self.alias_rows: dict[tuple[str | None, str], tuple[str, str]] = {}
        self.alias_warnings: list[str] = []
        self._alias_forms: list[tuple[str, str, str | None]] = []  # (alias as written, id, scope)
        self._keyed: dict[str, set[str]] = {}  # names of third-party sources' entities (see add)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def __len__(self) -> int:
        return len(self.entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.entities

    def __getitem__(self, entity_id: str) -> Entity:
        return self.entities[entity_id]

    def add(self, entity: Entity, keyed: bool = False) -> Entity:
        """Add an entity. A `keyed` one (a third-party source's, keyed by that source) is found by
        its id always, by its name only when no entity of the entities file, an alias table or a
        facts file has that name, and never by its surname alone."""
        if entity.id in self.entities:
            raise ValueError(f"entity id '{entity.id}' is defined twice")
        self.entities[entity.id] = entity
        if keyed:
            for label in (entity.name, *entity.aliases):
                self._keyed.setdefault(normalize(label), set()).add(entity.id)
            return entity
        self._names.setdefault(normalize(entity.name), set()).add(entity.id)
        for alias in entity.aliases:
            self._aliases.setdefault((entity.race, normalize(alias)), set()).add(entity.id)
            self._alias_forms.append((alias, entity.id, entity.race))
        words = normalize(entity.name).split()
        if entity.kind in (None, "person") and len(words) > 1:
            self._persons.setdefault(words[-1], set()).add(entity.id)
            self._surname_of[entity.id] = words[-1]
        if entity.race is not None:
            self.meet(entity.id, entity.race)
        return entity

    def add_alias(
        self, alias: str, entity_id: str, scope: str | None = None, where: str | None = None
    ) -> None:
        """`alias` names `entity_id` in race `scope` (None: wherever the entity is known); `where` is
        the alias-table row ("file:line") that says so."""
        entity = self.entities[entity_id]
        scope = scope if scope is not None else entity.race
        if where is not None:
            first = self.alias_rows.setdefault((scope, normalize(alias)), (entity_id, where))
            if first[0] != entity_id:
                other = self.entities[first[0]].name
                self.alias_warnings.append(
                    f"{where}: alias '{alias}' also names {other} ({first[1]}): it is ambiguous now; "
                    f"where it is used, name {entity.name} or {other} by full name or id"
                )
        if normalize(alias) not in {normalize(a) for a in entity.aliases + [entity.name]}:
            entity.aliases.append(alias)
        self._aliases.setdefault((scope, normalize(alias)), set()).add(entity_id)
        self._alias_forms.append((alias, entity_id, scope))

    def forms(self, scope: str | None) -> Iterator[tuple[str, Entity]]:
        """Every name and alias, as written, that may mean an entity in race `scope`."""
        for entity in self:
            if entity.race in (None, scope):
                yield entity.name, entity
        for alias, entity_id, alias_scope in self._alias_forms:
            entity = self.entities[entity_id]
            if alias_scope in (None, scope) and entity.race in (None, scope):
                yield alias, entity

    def meet(self, entity_id: str, scope: str | None) -> None:
        """Record that `entity_id` is named in full in race `scope`: its surname now means it there."""
        self._met.setdefault(scope, set()).add(entity_id)

    def not_a_person(self, entity_id: str) -> None:
        surname = self._surname_of.pop(entity_id, None)
        if surname is not None:
            self._persons[surname].discard(entity_id)

    def _visible(self, ids: set[str], scope: str | None) -> set[str]:
        """Of `ids`, those that may be meant in `scope`; an entity of that very race wins. A record
        with no race may mean any of them (it joins the unique entity of its name)."""
        if scope is None or scope == ANY:
            return ids
        seen = {i for i in ids if self.entities[i].race in (None, scope)}
        own = {i for i in seen if scope is not None and self.entities[i].race == scope}
        return own or seen

    def _strong(self, name: str, scope: str | None) -> set[str]:
        """Ids `name` means by id, full name or alias in `scope` (no surnames)."""
        if name in self.entities:
            return {name}
        key = normalize(name)
        found = set(self._names.get(key, set()))
        if scope == ANY:
            found |= {i for (_, k), v in self._aliases.items() if k == key for i in v}
        else:
            found |= self._aliases.get((None, key), set()) | self._aliases.get((scope, key), set())
        return self._visible(found, scope) or self._visible(self._keyed.get(key, set()), scope)

    def _by_surname(self, name: str, scope: str | None) -> set[str]:
        key = normalize(name)
        if " " in key or not key:
            return set()
        people = self._persons.get(key, set())
        if scope == ANY:
            return set(people)
        return people & self._met.get(scope, set())

    def _ids(self, name: str, scope: str | None = ANY) -> set[str]:
        """Ids `name` could mean in `scope`: an id, a name or alias, else a person's surname."""
        return self._strong(name, scope) or self._by_surname(name, scope)

    def ids_any(self, name: str) -> set[str]:
        """Every id `name` might mean in some race, by id, name, alias, third-party key or
        surname: a superset of what `resolve` finds for it in any scope (cheap, never raises)."""
        if name in self.entities:
            return {name}
        key = normalize(name)
        found = set(self._names.get(key, ())) | set(self._keyed.get(key, ()))
        found |= {i for (_, k), v in self._aliases.items() if k == key for i in v}
        if " " not in key:
            found |= self._persons.get(key, set())
        return found

    def find(self, name: str, scope: str | None = ANY) -> list[Entity]:
        """Every entity `name` could mean (see `resolve`), without suggestions: cheap to ask."""
        return sorted((self.entities[i] for i in self._ids(name, scope)), key=lambda e: e.id)

    def resolve(self, name: str, scope: str | None = ANY) -> Entity:
        """The one entity `name` means in race `scope` (default: in any race): its id, name or an
        alias, else the surname of the one person of that name named in full in the race."""
        ids = self._ids(name, scope)
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

    def create(self, name: str, race: str | None = None) -> Entity:
        """A new entity named `name` (belonging to `race` only, when given), with a fresh id."""
        entity_id, n = slug(name), 2
        while entity_id in self.entities:
            entity_id, n = f"{slug(name)}-{n}", n + 1
        return self.add(Entity(entity_id, name, None, race=race))

    def describe(self, entity: Entity, kind: str | None = None, title: str | None = None) -> None:
        """Fill the gaps a record's hints fill; a contradicting kind is a ValueError ("is a party,
        not a union")."""
        if kind:
            if entity.kind is None:
                entity.kind = kind
                if kind != "person":
                    self.not_a_person(entity.id)
            elif entity.kind != kind:
                raise ValueError(f"is a {entity.kind}, not a {kind}")
        if title:
            entity.add_title(title)

    def ensure(
        self, name: str, kind: str | None = None, title: str | None = None, scope: str | None = None
    ) -> Entity:
        """Resolve `name` in `scope`, or create the entity a record introduces (a single word
        nobody in the race bears as a surname belongs to that race only); kind and title fill
        gaps and a contradicting kind is an error."""
        if self._ids(name, scope):
            entity = self.resolve(name, scope)
        else:
            single = " " not in normalize(name)
            entity = self.create(name, scope if single and scope is not None else None)
        if normalize(entity.name) == normalize(name):
            self.meet(entity.id, scope)
        try:
            self.describe(entity, kind, title)
        except ValueError as err:
            raise ValueError(f"'{name}' {err}") from None
        return entity
