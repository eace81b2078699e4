"""Loading sources into a graph: the one entry point the CLI, the notebook and users share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

import networkx as nx

from .graph.checks import load_warnings
from .graph.entities import Registry
from .graph.eventlog import EventLog
from .graph.timeline import build_graph
from .loaders.articles import Article
from .loaders.extract import Extraction
from .loaders.fivethirtyeight import read_snapshot
from .loaders.snapshots import SnapshotDiff, diff
from .loaders.sources import SourceFile, detect, gather, load_sources, read_articles

__all__ = [
    "bundled_dataset",
    "entity_registry",
    "entity_tables",
    "extract",
    "fivethirtyeight",
    "load",
    "sample_files",
    "switches",
]


def bundled_dataset() -> Path:
    """The folder of the bundled data: the 2021 NYC sample (its top-level files: facts, entities,
    aliases) and, in subfolders, copies of third-party datasets loaded only when named."""
    return Path(str(resources.files("endorsegraph.data")))


def sample_files() -> list[Path]:
    """The bundled 2021 NYC sample: the top-level files of the bundled folder (the default load)."""
    folder = bundled_dataset()
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix in (".csv", ".yaml", ".yml", ".jsonl")
    )


def fivethirtyeight(dataset: str = "2020") -> Path:
    """The bundled copy of FiveThirtyEight's data (CC BY 4.0): "2020", the endorsement tracker's
    two snapshots; "2022", the primary project's candidates files."""
    folders = {"2020": "fivethirtyeight", "2022": "fivethirtyeight-2022"}
    if dataset not in folders:
        raise ValueError(f"no bundled FiveThirtyEight dataset {dataset!r}; one of {', '.join(folders)}")
    return bundled_dataset() / folders[dataset]


def entity_tables() -> list[Path]:
    """The bundled entities file and alias table, applied to every load: they name people and
    organisations, they state no facts."""
    folder = bundled_dataset()
    return [folder / "entities.yaml", folder / "aliases.csv"]


def load(
    sources: Iterable[str | Path] | None = None,
    fmt: str | None = None,
    announce: Callable[[SourceFile], None] | None = None,
    warn: Callable[[str], None] | None = None,
    spacy_model: str | None = None,
    strict: bool = False,
) -> nx.MultiDiGraph:
    """Load sources (files or folders; default: the bundled dataset) into the timeline graph.

    `fmt` forces the facts format (csv, yaml, jsonl) of the files named; `announce` is called with
    each file and what it was taken for, `warn` with skipped files and unresolved names. Article
    files (.txt) are read by the extractor knowing only the entities and alias tables;
    `spacy_model` names a trained spaCy pipeline to use instead of the blank one. Raises
    graph.errors.InputError naming file, line and problem; nothing is returned half-loaded.

    A bad article file is skipped and reported to `warn` at the end (an InputError when `strict`);
    so are empty folders and files without records. Semantic problems (conflicting dates,
    self-endorsement, look-alike names, withdrawals with no endorsement on record: one summary line,
    or one per withdrawal when `strict`) go to `warn`, each starting with FILE:LINE.
    """
    paths = list(sources) if sources else sample_files()
    files = [f for p in entity_tables() for f in detect(p)]
    for path in paths:
        found = detect(path, fmt)
        if not found and warn:
            warn(f"{path}: no source files in this folder")
        files += found
    registry = Registry()
    events = load_sources(files, registry, announce, warn, spacy_model, strict)
    graph = build_graph(EventLog.from_events(events, registry))
    for message in load_warnings(graph, every=strict) if warn else ():
        warn(message)
    return graph


def entity_registry() -> Registry:
    """A registry holding only the bundled entities file and alias table."""
    registry = Registry()
    load_sources([f for p in entity_tables() for f in detect(p)], registry)
    return registry


def extract(
    paths: Iterable[str | Path],
    spacy_model: str | None = None,
    warn: Callable[[str], None] | None = None,
    registry: Registry | None = None,
) -> list[tuple[Article, Extraction]]:
    """Extract the article files (and folders of them) in `paths`, with their manifests, knowing
    only the bundled entities and alias tables (or `registry`): never any curated facts."""
    registry = registry or entity_registry()
    loading = gather([f for p in paths for f in detect(p) if f.kind in ("manifest", "article")], registry)
    return list(read_articles(loading.articles, registry, warn, spacy_model, loading.manifest))


def switches(
    old: str | Path, new: str | Path, old_date: dt.date | None = None, new_date: dt.date | None = None
) -> SnapshotDiff:
    """Compare two snapshots of FiveThirtyEight's 2020 tracker: endorsers whose candidate changed,
    new endorsements, and endorsements that disappeared (`.rows()` gives them as three lists).
    A snapshot's day is the one given, else a `snapshot-YYYY-MM-DD` in its file name, else the day
    of its latest row."""
    return diff(read_snapshot(old, old_date), read_snapshot(new, new_date))
