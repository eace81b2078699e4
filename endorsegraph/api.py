"""Loading sources into a graph: the one entry point the CLI, the notebook and users share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

import networkx as nx

from .graph.checks import load_warnings
from .graph.entities import Registry, normalize
from .graph.eventlog import EventLog
from .graph.events import Event
from .graph.timeline import build_graph
from .loaders.articles import Article
from .loaders.extract import Extraction
from .loaders.fivethirtyeight import read_snapshot
from .loaders.snapshots import SnapshotDiff, diff
from .loaders.sources import SourceFile, detect, gather, load_sources, read_articles

__all__ = [
    "SAMPLE",
    "bundled_dataset",
    "entity_registry",
    "entity_tables",
    "extract",
    "fivethirtyeight",
    "load",
    "sample_files",
    "source_paths",
    "switches",
]

SAMPLE = "sample"  # `--source sample`: the bundled NYC sample, beside or instead of the user's sources


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
    """The sample's entities file and alias table (they apply only when the sample is loaded, or
    when passed as sources themselves)."""
    folder = bundled_dataset()
    return [folder / "entities.yaml", folder / "aliases.csv"]


def source_paths(sources: Iterable[str | Path] | None) -> list[Path]:
    """The files and folders to read: `sources`, with the word `sample` standing for the bundled
    sample's files (write ./sample for a folder of that name); no sources at all means the sample."""
    given = list(sources) if sources else [SAMPLE]
    out: list[Path] = []
    for p in given:
        out += sample_files() if str(p) == SAMPLE else [Path(p)]
    return out


def _in_sample(origin: str | None) -> bool:
    return bool(origin) and str(origin).rsplit(":", 1)[0] in {str(p) for p in sample_files()}


def _shared_with_sample(log: EventLog) -> list[str]:
    """One warning per entity that the sample and the user's sources both name in full: merged,
    as full names are, but the user may mean someone else."""
    registry = log.registry
    in_sample: set[str] = set()
    in_mine: dict[str, Event] = {}
    for fact in log:
        for entity_id, role in ((fact.actor, "actor"), (fact.target, "target")):
            full = normalize(registry[entity_id].name)
            for report in fact.reports:
                if normalize(getattr(report, role)) != full:
                    continue
                if _in_sample(report.origin):
                    in_sample.add(entity_id)
                else:
                    in_mine.setdefault(entity_id, report)
    warnings = []
    for entity_id, mine in in_mine.items():
        if entity_id in in_sample:
            warnings.append(
                f"{mine.origin or mine.source.id}: '{registry[entity_id].name}' is also named in the "
                f"sample and is taken for the same entity ({entity_id}); to tell them apart, give "
                "them a race each in an entities file"
            )
    return warnings


def load(
    sources: Iterable[str | Path] | None = None,
    fmt: str | None = None,
    announce: Callable[[SourceFile], None] | None = None,
    warn: Callable[[str], None] | None = None,
    spacy_model: str | None = None,
    strict: bool = False,
) -> nx.MultiDiGraph:
    """Load sources (files or folders; `sample` or no sources: the bundled sample) into the
    timeline graph. Only the entities files and alias tables among the sources name entities: the
    sample's apply only when the sample is loaded.

    `fmt` forces the facts format (csv, yaml, jsonl) of the files named; `announce` is called with
    each file and what it was taken for, `warn` with skipped files, unresolved names and names the
    sample shares with the user's sources. Article files (.txt) are read by the extractor knowing
    only the entities and alias tables; `spacy_model` names a trained spaCy pipeline to use instead
    of the blank one. Names resolve after every source is read, so the order of the sources does
    not matter. Raises graph.errors.InputError naming file, line and problem; nothing is returned
    half-loaded.

    A bad article file is skipped and reported to `warn` at the end (an InputError when `strict`);
    so are empty folders and files without records. Semantic problems (conflicting dates,
    self-endorsement, look-alike names, withdrawals with no endorsement on record: one summary line,
    or one per withdrawal when `strict`) go to `warn`, each starting with FILE:LINE.
    """
    paths = source_paths(sources)
    sample = set(sample_files())
    files = []
    for path in paths:
        found = detect(path, None if path in sample else fmt)
        if not found and warn:
            warn(f"{path}: no source files in this folder")
        files += found
    registry = Registry()
    events = load_sources(files, registry, announce, warn, spacy_model, strict)
    log = EventLog.from_events(events, registry)
    if warn and sample & set(paths) and set(paths) - sample:
        for message in _shared_with_sample(log):
            warn(message)
    graph = build_graph(log)
    for message in load_warnings(graph, every=strict) if warn else ():
        warn(message)
    return graph


def entity_registry(sources: Iterable[str | Path] | None = None) -> Registry:
    """A registry holding only the entities files and alias tables among `sources` (files or
    folders; `sample`: the sample's); None: the sample's; an empty list: none."""
    registry = Registry()
    given = None if sources is None else list(sources)
    files = [f for p in (source_paths(given) if given is None or given else []) for f in detect(p)]
    load_sources([f for f in files if f.kind in ("entities", "aliases")], registry)
    return registry


def extract(
    paths: Iterable[str | Path],
    spacy_model: str | None = None,
    warn: Callable[[str], None] | None = None,
    registry: Registry | None = None,
) -> list[tuple[Article, Extraction]]:
    """Extract the article files (and folders of them) in `paths`, with their manifests, knowing
    only the entities and alias tables of `registry` (default: none): never any curated facts."""
    registry = registry if registry is not None else Registry()
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
