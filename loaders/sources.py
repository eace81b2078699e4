"""Telling sources apart and loading them: by extension, then by header columns or top-level key."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..graph.entities import Registry
from ..graph.errors import InputError
from ..graph.events import Event
from .articles import Article, Manifest, SkippedFile, read_article, read_manifest
from .entities import read_aliases, read_entities
from .facts import read_facts
from .records import csv_records

if TYPE_CHECKING:
    from .extract import Extraction

__all__ = ["FORMATS", "SourceFile", "detect", "load_sources", "read_articles"]

FORMATS = ("csv", "yaml", "jsonl")
_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "text",
    ".json": "json",
}
# Loading order: entities before the aliases that point at them, both before facts; manifests
# before the articles they describe.
_ORDER = {"entities": 0, "aliases": 1, "manifest": 2, "facts": 3, "article": 4}


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    kind: str  # "facts", "entities", "aliases", "article" or "manifest"
    fmt: str
    reason: str  # how the kind and format were chosen, for the user

    def describe(self) -> str:
        return f"{self.path}: {self.kind} ({self.fmt}; {self.reason})"


def detect(path: str | Path, fmt: str | None = None) -> list[SourceFile]:
    """What `path` holds; a folder gives every file in it that a loader reads, in name order."""
    path = Path(path)
    if path.is_dir():
        found = []
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.suffix.lower() in _EXTENSIONS and not child.name.startswith("."):
                found += detect(child, fmt)
        return found
    if not path.exists():
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
    if chosen == "text":
        return [SourceFile(path, "article", "text", f"{how}: article text")]
    if chosen == "json":
        return [SourceFile(path, "manifest", "json", f"{how}: article manifest")]
    if chosen == "csv":
        header, _ = csv_records(path)
        if "file" in header and "actor" not in header:
            return [SourceFile(path, "manifest", "csv", f"{how}, header file,…: article manifest")]
        if header[:2] == ["alias", "entity"]:
            return [SourceFile(path, "aliases", "csv", f"{how}, header alias,entity")]
        if {"actor", "action", "target"} <= set(header):
            return [SourceFile(path, "facts", "csv", f"{how}, header actor,action,target")]
        raise InputError(
            [
                f"{path}:1: a CSV source needs the columns actor,action,target (facts) or "
                f"alias,entity (alias table); the header is {','.join(header)}"
            ]
        )
    if chosen == "yaml":
        # A top-level key starts at column 0: no need to parse the file twice to find it.
        if re.search(r"^entities\s*:", path.read_text(encoding="utf-8-sig", errors="replace"), re.M):
            return [SourceFile(path, "entities", "yaml", f"{how}, top-level key 'entities'")]
        return [SourceFile(path, "facts", "yaml", how)]
    return [SourceFile(path, "facts", chosen, how)]


def read_articles(
    files: Iterable[SourceFile],
    registry: Registry,
    warn: Callable[[str], None] | None = None,
    spacy_model: str | None = None,
    manifest: Manifest | None = None,
) -> Iterator[tuple[Article, Extraction]]:
    """Extract every article file, knowing only what `registry` holds; binary files and names left
    unresolved go to `warn`."""
    from .extract import Extractor  # spaCy loads only when there are articles

    extractor = None
    for file in files:
        try:
            article = read_article(file.path, manifest)
        except SkippedFile as skipped:
            if warn:
                warn(str(skipped))
            continue
        extractor = extractor or Extractor(registry, spacy_model)
        result = extractor.extract(article)
        for note in result.unresolved:
            if warn:
                warn(note)
        yield article, result


def load_sources(
    files: Iterable[SourceFile],
    registry: Registry,
    announce: Callable[[SourceFile], None] | None = None,
    warn: Callable[[str], None] | None = None,
    spacy_model: str | None = None,
) -> list[Event]:
    """Fill `registry` from entity files and return the events of facts files and articles.
    Articles are read knowing only the entities and alias tables (facts files are not resolved
    until the event log is built). Every file is read before anything is returned; problems from
    all of them are raised together."""
    unique = {f.path.resolve(): f for f in files}  # the same file named twice loads once
    problems: list[str] = []
    events: list[Event] = []
    manifest = Manifest({})
    articles: list[SourceFile] = []
    for file in sorted(unique.values(), key=lambda f: _ORDER[f.kind]):
        if announce:
            announce(file)
        try:
            if file.kind == "entities":
                read_entities(file.path, registry)
            elif file.kind == "aliases":
                read_aliases(file.path, registry)
            elif file.kind == "manifest":
                manifest = Manifest({**manifest.entries, **read_manifest(file.path).entries})
            elif file.kind == "article":
                articles.append(file)
            else:
                events += read_facts(file.path, file.fmt)
        except InputError as err:
            problems += err.problems
    try:
        for _, result in read_articles(articles, registry, warn, spacy_model, manifest):
            events += result.events
    except InputError as err:
        problems += err.problems
    if problems:
        raise InputError(problems)
    return events
