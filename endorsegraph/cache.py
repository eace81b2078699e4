"""The cache of loaded sources: the event log and its registry as SQLite columns, keyed by the
content of every source file and by the code that read them.

A load whose key is in the cache skips reading, validating, resolving and merging: it reads the
entities, sources, facts and reports back as rows and builds the graph from them. A load about a
few candidates (`read_about`) reads only the facts their reports need, through the indexes on the
facts' actor and target, with the whole registry (names resolve as in the full graph). The key hashes
each file's path, kind, format and bytes (so a changed, added or removed file is a new key) and
every source file of this package (so new code never reads an old cache). Entries are written to
a temporary file and renamed, so a reader never sees half an entry; the oldest are pruned.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .graph.actions import Action, spec
from .graph.dates import Span
from .graph.entities import Entity, Registry, Title
from .graph.eventlog import EventLog, Fact
from .graph.events import Report, Source

__all__ = ["CacheEntry", "cache_folder", "cache_key", "read_about", "read_log", "write_log"]

FORMAT = 7  # bump when the tables change
KEEP = 16  # entries kept; the oldest beyond are removed


def cache_folder() -> Path:
    """$XDG_CACHE_HOME/endorsegraph (platformdirs' user cache directory)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("endorsegraph", appauthor=False)) / "graphs"


@lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of every Python file and data file of the package: any change to the code that
    reads sources changes every key."""
    root = Path(__file__).resolve().parent
    digest = hashlib.blake2b(f"format {FORMAT}".encode(), digest_size=16)
    import endorsegraph.graph
    import endorsegraph.loaders
    import endorsegraph.queries

    folders = {root, *(Path(m.__file__).resolve().parent for m in (endorsegraph.graph, endorsegraph.loaders))}
    folders.add(Path(endorsegraph.queries.__file__).resolve().parent)
    for folder in sorted(folders):
        # the rules are data (loaders/rules.jsonl): a changed rule must change every key too
        for path in sorted([*folder.rglob("*.py"), *folder.rglob("*.jsonl")]):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(files: Iterable, options: dict) -> str:
    """The key of a load of `files` (SourceFile) with `options` (format, spaCy model)."""
    digest = hashlib.blake2b(code_version().encode(), digest_size=20)
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    for file in files:
        digest.update(f"\0{file.path.resolve()}\0{file.kind}\0{file.fmt}\0".encode())
        with open(file.path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
-- The registry's entities as one JSON list of [id, name, kind, titles, aliases, race] (titles as
-- [title, since, until]): a warm load reads it in one parse, not 20k rows.
CREATE TABLE entities (rows TEXT);
-- One row per registry index: its name keys as a JSON object, its other keys (races, (race, alias)
-- pairs) as a JSON list of [key, ids]; ids joined by NUL (no source text holds one).
CREATE TABLE name_index (attribute TEXT, names TEXT, others TEXT);
CREATE TABLE sources (id TEXT, url TEXT, outlet TEXT, published TEXT, credit TEXT);
CREATE TABLE facts (id TEXT, actor TEXT, action TEXT, target TEXT, earliest TEXT, latest TEXT,
                    rank INTEGER, grp TEXT, conflicts TEXT);
CREATE TABLE reports (fact INTEGER, actor TEXT, action TEXT, target TEXT, date TEXT, not_before TEXT,
                      not_after TEXT, rank INTEGER, grp TEXT, race TEXT, source INTEGER, evidence TEXT,
                      start INTEGER, end_ INTEGER, date_text TEXT, note TEXT, actor_kind TEXT,
                      actor_title TEXT, target_kind TEXT, target_title TEXT, aliases TEXT, origin TEXT,
                      event_id TEXT, scope TEXT, cause TEXT, rule TEXT);
"""
# Made once the rows are in: one sort each, not an update per row.
_INDEXES = """
CREATE INDEX facts_by_actor ON facts (actor);
CREATE INDEX facts_by_target ON facts (target);
CREATE INDEX reports_by_fact ON reports (fact);
"""

# What a cache hit gives: the event log (whole, or only what reports about some candidates need),
# the warnings reading the sources gave, and the warnings about the loaded graph (None when the
# load that wrote the entry did not compute them).
CacheEntry = tuple[EventLog, list[str], list[str] | None]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


class _Days(dict):
    """ISO text of each distinct day, made once (a log names a few hundred days many times)."""

    def __missing__(self, day: dt.date | None) -> str | None:
        text = self[day] = _iso(day)
        return text


def write_log(key: str, log: EventLog, warnings: list[str], later: list[str] | None = None) -> None:
    """Store `log` under `key` with the warnings its reading gave and those about its graph
    (`later`); a failure to write leaves no entry and is not an error."""
    folder = cache_folder()
    with contextlib.suppress(OSError, sqlite3.Error, TypeError):
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        os.close(handle)
        try:
            _write(Path(temporary), log, warnings, later)
            os.replace(temporary, folder / f"{key}.sqlite")
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        _prune(folder)


def _write(path: Path, log: EventLog, warnings: list[str], later: list[str] | None) -> None:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    iso = _Days()
    try:
        # A temporary file renamed into place once complete: no journal, no waiting for the disk.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.executescript(_SCHEMA)
        db.execute("INSERT INTO meta VALUES ('warnings', ?)", (json.dumps(warnings),))
        if later is not None:
            db.execute("INSERT INTO meta VALUES ('later', ?)", (json.dumps(later),))
        index_rows, scalars = _registry_state(log.registry)
        db.execute("INSERT INTO meta VALUES ('registry', ?)", (json.dumps(scalars),))
        db.executemany("INSERT INTO name_index VALUES (?, ?, ?)", index_rows)
        entity_rows = [
            [
                e.id,
                e.name,
                e.kind,
                [[t.title, _iso(t.since), _iso(t.until)] for t in e.titles],
                e.aliases,
                e.race,
            ]
            for e in log.registry
        ]
        db.execute("INSERT INTO entities VALUES (?)", (json.dumps(entity_rows),))
        sources: dict[int, int] = {}  # id(Source) -> row
        source_rows = []
        for fact in log:
            for report in fact.reports:
                if id(report.source) not in sources:
                    sources[id(report.source)] = len(source_rows)
                    s = report.source
                    source_rows.append((s.id, s.url, s.outlet, _iso(s.published), s.credit))
        db.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?)", source_rows)
        db.executemany(
            "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    f.id,
                    f.actor,
                    f.action.value,
                    f.target,
                    iso[f.span.earliest],
                    iso[f.span.latest],
                    f.rank,
                    f.group,
                    json.dumps(f.conflicts) if f.conflicts else None,
                )
                for f in log
            ),
        )
        db.executemany(
            "INSERT INTO reports VALUES (" + ", ".join("?" * 26) + ")",
            (
                (
                    n,
                    r.actor,
                    r.action.value,
                    r.target,
                    iso[r.date],
                    iso[r.not_before],
                    iso[r.not_after],
                    r.rank,
                    r.group,
                    r.race,
                    sources[id(r.source)],
                    r.evidence,
                    r.start,
                    r.end,
                    r.date_text,
                    r.note,
                    r.actor_kind,
                    r.actor_title,
                    r.target_kind,
                    r.target_title,
                    "|".join(r.aliases) if r.aliases else None,
                    r.origin,
                    r.id,
                    r.scope,
                    r.cause,
                    r.rule,
                )
                for n, f in enumerate(log)
                for r in f.reports
            ),
        )
        db.executescript(_INDEXES)
        db.commit()
    finally:
        db.close()


def _registry_state(registry: Registry) -> tuple[list[tuple], dict]:
    """The registry's name indexes as rows and its other plain attributes, so that it is read
    back exactly as it was (whatever indexes it keeps), not rebuilt by re-adding entities."""
    rows: list[tuple] = []
    scalars: dict = {}
    for attribute, value in vars(registry).items():
        if attribute == "entities" or attribute in Registry.TRANSIENT:
            continue
        if isinstance(value, dict) and all(isinstance(v, set) for v in value.values()):
            # Keys may be names, races (None: any) or (race, alias) pairs.
            names = {k: "\0".join(sorted(ids)) for k, ids in value.items() if isinstance(k, str)}
            others = [[k, "\0".join(sorted(ids))] for k, ids in value.items() if not isinstance(k, str)]
            rows.append((attribute, json.dumps(names), json.dumps(others)))
            scalars.setdefault("_indexes", []).append(attribute)
        elif isinstance(value, list) and all(isinstance(v, tuple) for v in value):
            scalars.setdefault("_rows", {})[attribute] = value  # e.g. scoped alias forms
        elif isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            scalars[attribute] = value  # e.g. each person's surname
        elif value is None or isinstance(value, bool | int | float | str):
            scalars[attribute] = value
        else:
            raise TypeError(f"cannot store Registry.{attribute}")  # caught: no cache entry is written
    return rows, scalars


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()


def read_log(key: str) -> CacheEntry | None:
    """The event log stored under `key` and the warnings its load gave, or None."""
    return _open(key, lambda db: _read(db, None))


def read_about(key: str, names: Iterable[str]) -> CacheEntry | None:
    """What reports about the candidates `names` need, stored under `key`: the facts naming
    them, every fact of their endorsers, and the exits from the race of every candidate those
    facts name (an endorsement interval ends there), in log order, with the whole registry; None
    when not cached or when a name means no entity (the full load then says why).

    Each endorsement interval is derived from the facts of its endorser-candidate pair and that
    candidate's exits, all of which this keeps for the candidates' intervals, their endorsers'
    other intervals (effective ranks) and the candidates' own endorsements; so reports narrowed
    to these candidates give the rows the full graph gives."""
    return _open(key, lambda db: _read(db, list(names)))


def _open(key: str, read):
    path = cache_folder() / f"{key}.sqlite"
    if not path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        result = read(db)
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None  # a damaged entry is a miss, never an error
    finally:
        db.close()
    if result is not None:
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruned last
    return result


def _ids(joined: str) -> set[str]:
    """The ids of one index key (joined by NUL); most keys name one entity."""
    if "\0" in joined:
        return set(joined.split("\0"))
    return {joined} if joined else set()


def _read_registry(db: sqlite3.Connection, day) -> Registry:
    registry = Registry()
    entities = registry.entities
    (rows,) = db.execute("SELECT rows FROM entities").fetchone()
    for entity_id, name, kind, titles, aliases, race in json.loads(rows):
        parsed = [Title(t, day(s), day(u)) for t, s, u in titles] if titles else titles
        entities[entity_id] = Entity(entity_id, name, kind, parsed, aliases, race)
    (state,) = db.execute("SELECT value FROM meta WHERE key = 'registry'").fetchone()
    scalars = json.loads(state)
    indexes: dict[str, dict] = {attribute: {} for attribute in scalars.pop("_indexes", [])}
    for attribute, value in scalars.pop("_rows", {}).items():
        scalars[attribute] = [tuple(row) for row in value]
    for attribute, names, others in db.execute("SELECT * FROM name_index ORDER BY rowid"):
        index = indexes[attribute]
        index.update((k, _ids(ids)) for k, ids in json.loads(names).items())
        for key, ids in json.loads(others):
            index[tuple(key) if isinstance(key, list) else key] = _ids(ids)
    for attribute, value in (*indexes.items(), *scalars.items()):
        setattr(registry, attribute, value)
    return registry


def _about(db: sqlite3.Connection, registry: Registry, names: list[str]) -> list[int] | None:
    """The facts (0-based, in log order) reports about `names` need; None if a name means nothing."""
    ids: set[str] = set()
    for name in names:
        found = registry.ids_any(name)
        if not found:
            return None
        ids |= found

    def column(sql: str, values: Iterable) -> set:
        return {row[0] for row in _pairs(db, sql, values)}

    endorsers = column("SELECT actor FROM facts WHERE target IN ({})", ids)
    rows = column("SELECT rowid FROM facts WHERE target IN ({})", ids)
    rows |= column("SELECT rowid FROM facts WHERE actor IN ({})", ids | endorsers)
    named = column("SELECT target FROM facts WHERE rowid IN ({})", rows)
    ends_all = {a.value for a in Action if spec(a).interval == "ends_all"}
    for row, action in _pairs(db, "SELECT rowid, action FROM facts WHERE actor IN ({})", named):
        if action in ends_all:
            rows.add(row)
    return sorted(r - 1 for r in rows)


def _pairs(db: sqlite3.Connection, sql: str, values: Iterable) -> list[tuple]:
    """The rows of `sql` for `values` bound to its IN ({}), in chunks (SQLite bounds parameters)."""
    values = sorted(set(values))
    out: list[tuple] = []
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        out += db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return out


def _read(db: sqlite3.Connection, names: list[str] | None) -> CacheEntry | None:
    days: dict[str | None, dt.date | None] = {None: None}

    def day(text: str | None) -> dt.date | None:
        value = days.get(text)
        if value is None and text is not None:
            value = days[text] = dt.date.fromisoformat(text)
        return value

    registry = _read_registry(db, day)
    wanted: list[int] | None = None
    if names is not None:
        wanted = _about(db, registry, names)
        if wanted is None:
            return None
    actions = {a.value: a for a in Action}
    spans: dict[tuple, Span] = {}

    def span(earliest: dt.date | None, latest: dt.date | None) -> Span:
        found = spans.get((earliest, latest))
        if found is None:
            found = spans[(earliest, latest)] = Span(earliest, latest)
        return found

    if wanted is None:
        fact_rows = db.execute("SELECT * FROM facts ORDER BY rowid")
        report_rows = db.execute("SELECT * FROM reports ORDER BY rowid")
    else:
        fact_rows = _pairs(
            db, "SELECT * FROM facts WHERE rowid IN ({}) ORDER BY rowid", [n + 1 for n in wanted]
        )
        report_rows = _pairs(db, "SELECT rowid, * FROM reports WHERE fact IN ({})", wanted)
        report_rows = [row[1:] for row in sorted(report_rows)]
    facts = []
    for fid, actor, action, target, earliest, latest, rank, group, conflicts in fact_rows:
        facts.append(
            Fact(
                actor,
                actions[action],
                target,
                span(day(earliest), day(latest)),
                rank,
                group,
                [],
                json.loads(conflicts) if conflicts else [],
                fid,
            )
        )
    position = {n: i for i, n in enumerate(wanted)} if wanted is not None else None
    if position is None:
        sources = [
            Source(id=i, url=u, outlet=o, published=day(p), credit=c)
            for i, u, o, p, c in db.execute("SELECT * FROM sources ORDER BY rowid")
        ]
    else:
        used = {row[10] for row in report_rows}
        sources = {
            r - 1: Source(id=i, url=u, outlet=o, published=day(p), credit=c)
            for r, i, u, o, p, c in _pairs(
                db, "SELECT rowid, * FROM sources WHERE rowid IN ({})", {u + 1 for u in used}
            )
        }
    aliases: dict[str | None, tuple[str, ...]] = {None: ()}
    for row in report_rows:
        (
            n,
            actor,
            action,
            target,
            date,
            not_before,
            not_after,
            rank,
            group,
            race,
            source,
            evidence,
            start,
            end,
            date_text,
            note,
            actor_kind,
            actor_title,
            target_kind,
            target_title,
            alias_text,
            origin,
            event_id,
            scope,
            cause,
            rule,
        ) = row
        date, not_before, not_after = day(date), day(not_before), day(not_after)
        if alias_text not in aliases:
            aliases[alias_text] = tuple(alias_text.split("|"))
        facts[n if position is None else position[n]].reports.append(
            Report(
                actor,
                actions[action],
                target,
                span(date, date) if date else span(not_before, not_after),
                sources[source],
                date,
                not_before,
                not_after,
                rank,
                group,
                race,
                evidence,
                start,
                end,
                date_text,
                note,
                actor_kind,
                actor_title,
                target_kind,
                target_title,
                aliases[alias_text],
                origin,
                event_id,
                scope,
                cause,
                rule,
            )
        )
    log = EventLog.__new__(EventLog)
    log.registry, log.facts, log.by_id = registry, facts, {f.id: f for f in facts}
    meta = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('warnings', 'later')"))
    later = json.loads(meta["later"]) if "later" in meta else None
    return log, json.loads(meta["warnings"]), later
