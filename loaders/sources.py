"""Telling sources apart and loading them, through one table of readers.

Each `Reader` says which files it reads (by format, then by what the file holds: a CSV header's
columns, a YAML top-level key) and how it reads one. `detect` asks the readers in table order;
`load_sources` runs them in loading order. A new source format is one module plus one row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..graph.entities import AmbiguousName, Entity, Registry
from ..graph.errors import InputError
from ..graph.events import Event, Report
from .articles import Article, Manifest, SkippedFile, read_article, read_manifest
from .batch import ExtractionCache, extract_all
from .corrections import Correction, apply_corrections, read_corrections
from .entities import read_aliases, read_entities
from .facts import read_reports
from .fivethirtyeight import read_snapshot, snapshot_entities
from .primaries import read_primaries
from .records import STDIN, csv_records, read_source_text

if TYPE_CHECKING:
    from .extract import Extraction

__all__ = [
    "FORMATS",
    "READERS",
    "Loading",
    "Peek",
    "Reader",
    "SourceFile",
    "detect",
    "in_load_order",
    "load_sources",
    "read_articles",
]

FORMATS = ("csv", "yaml", "jsonl")  # what --format may force
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "text",
    ".json": "json",
    ".wikitext": "wikitext",
    ".wiki": "wikitext",
    ".xml": "xml",
}


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    kind: str  # the kind of the reader that reads it: "facts", "entities", "aliases", …
    fmt: str
    reason: str  # how the kind and format were chosen, for the user

    def describe(self) -> str:
        return f"{self.path}: {self.kind} ({self.fmt}; {self.reason})"


class Peek:
    """What readers look at to claim a file, each read at most once."""

    def __init__(self, path: Path, fmt: str):
        self.path, self.fmt = path, fmt

    @cached_property
    def header(self) -> list[str]:
        return csv_records(self.path)[0] if self.fmt == "csv" else []

    @cached_property
    def text(self) -> str:
        return read_source_text(self.path)


@dataclass
class Loading:
    """What a load gathers while its readers run."""

    registry: Registry
    events: list[Event | Report] = field(default_factory=list)
    manifest: Manifest = field(default_factory=lambda: Manifest({}))
    articles: list[SourceFile] = field(default_factory=list)
    # What a reader gathers from several files before it can say anything (tracker snapshots).
    pending: dict[str, list] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    corrections: dict[str, Correction] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Reader:
    kind: str
    formats: tuple[str, ...]
    # Why this reader reads the file (shown to the user), or None when it does not.
    claims: Callable[[Peek], str | None]
    read: Callable[[SourceFile, Loading], None]
    # Loading order: entities before the aliases that point at them, both before facts;
    # manifests before the articles they describe.
    order: int
    # Called once after every file is read, for readers whose files speak only together.
    finish: Callable[[Loading], None] | None = None


def _always(why: str) -> Callable[[Peek], str]:
    return lambda peek: why


def _header(*needed: str, without: tuple[str, ...] = ()) -> Callable[[Peek], str | None]:
    def claims(peek: Peek) -> str | None:
        header = set(peek.header)
        if set(needed) <= header and not header & set(without):
            return f"header {','.join(needed)}"
        return None

    return claims


def _alias_header(peek: Peek) -> str | None:
    return "header alias,entity" if peek.header[:2] == ["alias", "entity"] else None


def _entities_key(peek: Peek) -> str | None:
    # A top-level key starts at column 0: no need to parse the file twice to find it.
    return "top-level key 'entities'" if re.search(r"^entities\s*:", peek.text, re.M) else None


def _read_manifest(file: SourceFile, loading: Loading) -> None:
    loading.manifest = loading.manifest.merged(read_manifest(file.path))


def _read_corrections(file: SourceFile, loading: Loading) -> None:
    found = read_corrections(file.path)
    twice = sorted(set(found) & set(loading.corrections))
    if twice:
        raise InputError([f"{found[twice[0]].where}: id {twice[0]} is also corrected in another file"])
    loading.corrections.update(found)


def _read_facts(file: SourceFile, loading: Loading) -> None:
    events = read_reports(file.path, file.fmt)
    if not events:
        loading.warnings.append(f"{file.path}: no facts in this file (only a header, or empty)")
    loading.events += events


def _read_entities(file: SourceFile, loading: Loading) -> None:
    read_entities(file.path, loading.registry)


def _read_aliases(file: SourceFile, loading: Loading) -> None:
    read_aliases(file.path, loading.registry)


def adopt(registry: Registry, entities: list[Entity]) -> None:
    """Add the entities a third-party source keys itself; one whose key the registry already knows
    (an entity of that id, or an alias naming it) is that entity, and gains the source's kind and
    titles. Nothing is merged by display name: two people of one name stay two, and a name the
    entities file or a facts file uses keeps meaning their entity (Registry.add, keyed)."""
    for entity in entities:
        found = registry.find(entity.id)
        if not found:
            registry.add(entity, keyed=True)
            continue
        if len(found) > 1:
            raise InputError([f"entity key {AmbiguousName(entity.id, found)}"])
        known = found[0]
        known.kind = known.kind or entity.kind
        for title in entity.titles:
            known.add_title(title.title)


def _read_snapshot(file: SourceFile, loading: Loading) -> None:
    loading.pending.setdefault("fivethirtyeight-2020", []).append(read_snapshot(file.path))


def _finish_snapshots(loading: Loading) -> None:
    from .snapshots import snapshot_events

    snapshots = loading.pending.pop("fivethirtyeight-2020", [])
    if snapshots:
        adopt(loading.registry, snapshot_entities(snapshots))
        loading.events += snapshot_events(snapshots)


def _read_primaries(file: SourceFile, loading: Loading) -> None:
    events, entities = read_primaries(file.path)
    adopt(loading.registry, entities)
    loading.events += events


def _read_wikipedia(file: SourceFile, loading: Loading) -> None:
    # Its wikitext parser costs a tenth of the start-up of every command: loaded when needed.
    from .wikipedia import read_wikipedia

    events, entities = read_wikipedia(file.path)
    adopt(loading.registry, entities)
    loading.events += events


def _mediawiki_export(peek: Peek) -> str | None:
    return "a MediaWiki export (<mediawiki>)" if "<mediawiki" in peek.text[:2000] else None


def _set_aside(file: SourceFile, loading: Loading) -> None:
    loading.articles.append(file)  # extracted once every entity table is read


_TRACKER_2020 = _header("endorser", "endorsee", "position", "points")
_PRIMARIES_2022 = _header("Candidate", "State", "Primary Date", "Office")

# In detection order: the first reader that claims a file reads it.
READERS: tuple[Reader, ...] = (
    Reader("article", ("text",), _always("article text"), _set_aside, 4),
    Reader("manifest", ("json",), _always("article manifest"), _read_manifest, 2),
    Reader("manifest", ("csv",), _header("file", without=("actor",)), _read_manifest, 2),
    Reader("aliases", ("csv",), _alias_header, _read_aliases, 1),
    Reader("corrections", ("csv",), _header("id", "correction"), _read_corrections, 2),
    Reader("facts", ("csv",), _header("actor", "action", "target"), _read_facts, 3),
    Reader("fivethirtyeight-2020", ("csv",), _TRACKER_2020, _read_snapshot, 3, _finish_snapshots),
    Reader("fivethirtyeight-2022", ("csv",), _PRIMARIES_2022, _read_primaries, 3),
    Reader("wikipedia", ("wikitext",), _always("wikitext"), _read_wikipedia, 3),
    Reader("wikipedia", ("xml",), _mediawiki_export, _read_wikipedia, 3),
    Reader("entities", ("yaml",), _entities_key, _read_entities, 0),
    Reader("facts", ("yaml", "jsonl"), _always(""), _read_facts, 3),
)  # fmt: skip

_UNCLAIMED = {
    "csv": "a CSV source needs the columns actor,action,target (facts), alias,entity (alias table), "
    "endorser,endorsee,position,points (FiveThirtyEight 2020 tracker) or Candidate,State,Primary Date,Office "
    "(FiveThirtyEight 2022 primary project)",
}


def detect(path: str | Path, fmt: str | None = None) -> list[SourceFile]:
    """What `path` holds; a folder gives every file in it that a loader reads, in name order."""
    path = Path(path)
    if path.is_dir():
        found = []
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in _EXTENSIONS and not child.name.startswith("."):
                found += detect(child, fmt)
        return found
    if str(path) == STDIN and not fmt:
        raise InputError([f"{path}: standard input needs --format {'|'.join(FORMATS)}"])
    if not path.exists() and str(path) != STDIN:
        raise InputError([f"{path}: no such file or folder"])
    chosen = fmt or _EXTENSIONS.get(path.suffix.lower())
    how = "--format" if fmt else f"extension {path.suffix}"
    if chosen is None:
        raise InputError(
            [
                f"{path}: cannot tell the format from the extension '{path.suffix}'; "
                f"use --format {'|'.join(FORMATS)}"
            ]
        )
    peek = Peek(path, chosen)
    for reader in READERS:
        if chosen in reader.formats and (why := reader.claims(peek)) is not None:
            return [SourceFile(path, reader.kind, chosen, f"{how}, {why}" if why else how)]
    problem = _UNCLAIMED.get(chosen, f"no reader for the format '{chosen}'")
    raise InputError([f"{path}:1: {problem}; the header is {','.join(peek.header)}"])


def read_articles(
    files: Iterable[SourceFile],
    registry: Registry,
    warn: Callable[[str], None] | None = None,
    spacy_model: str | None = None,
    manifest: Manifest | None = None,
    strict: bool = False,
    jobs: int = 1,
    cache: ExtractionCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[Article, Extraction]]:
    """Extract every article file, knowing only what `registry` holds, with `jobs` processes and
    `cache` (see loaders.batch); names left unresolved go to `warn`, in file order whatever the
    number of jobs. A bad article (binary, unreadable, a wrong date line) does not stop the
    others: every one is reported at the end, to `warn`, or as one InputError when `strict`."""
    articles: list[Article] = []
    skipped: list[str] = []
    for file in files:
        try:
            articles.append(read_article(file.path, manifest))
        except SkippedFile as err:
            skipped.append(str(err))
        except InputError as err:
            skipped += [f"{p}: article skipped" for p in err.problems]
    results = extract_all(articles, registry, spacy_model, jobs, cache, progress)
    for article, result in zip(articles, results, strict=True):
        for note in result.unresolved:
            if warn:
                warn(note)
        yield article, result
    if skipped and strict:
        raise InputError(skipped)
    for problem in skipped:
        if warn:
            warn(problem)


def in_load_order(files: Iterable[SourceFile]) -> list[SourceFile]:
    """The files as a load reads them: each once, in its reader's loading order."""
    unique = {f.path.resolve(): f for f in files}  # the same file named twice loads once
    order = {r.kind: r.order for r in READERS}
    return sorted(unique.values(), key=lambda f: order[f.kind])


def gather(
    files: Iterable[SourceFile],
    registry: Registry,
    announce: Callable[[SourceFile], None] | None = None,
) -> Loading:
    """Run every file's reader in loading order, articles aside (they are extracted last, knowing
    the entity tables). Problems from all files are raised together."""
    problems: list[str] = []
    loading = Loading(registry)
    for file in in_load_order(files):
        if announce:
            announce(file)
        reader = next(r for r in READERS if r.kind == file.kind and file.fmt in r.formats)
        try:
            reader.read(file, loading)
        except InputError as err:
            problems += err.problems
    for reader in READERS:
        if reader.finish and not problems:
            try:
                reader.finish(loading)
            except InputError as err:
                problems += err.problems
    if problems:
        raise InputError(problems)
    return loading


def load_sources(
    files: Iterable[SourceFile],
    registry: Registry,
    announce: Callable[[SourceFile], None] | None = None,
    warn: Callable[[str], None] | None = None,
    spacy_model: str | None = None,
    strict: bool = False,
    jobs: int = 1,
    cache: ExtractionCache | None = None,
) -> list[Event | Report]:
    """Fill `registry` from entity files and return the events of facts files and articles.
    Articles are read knowing only the entities and alias tables (facts files are not resolved
    until the event log is built). Every file is read before anything is returned; problems from
    all of them are raised together."""
    loading = gather(files, registry, announce)
    for message in loading.warnings:
        if warn:
            warn(message)
    extracted = []
    articles = read_articles(
        loading.articles, registry, warn, spacy_model, loading.manifest, strict, jobs=jobs, cache=cache
    )
    for _, result in articles:
        extracted += result.events
    if loading.corrections:
        extracted = apply_corrections(extracted, loading.corrections, warn)
    return loading.events + extracted
