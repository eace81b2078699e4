"""Loading sources into a graph: the one entry point the CLI, the notebook and users share."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from .graph import store as graph_store
from .graph.entities import Registry, normalize
from .graph.eventlog import EventLog
from .graph.events import Event
from .graph.store import event_log
from .graph.timeline import build_graph
from .loaders.articles import Article
from .loaders.batch import ExtractionCache, default_jobs
from .loaders.fivethirtyeight import read_snapshot
from .loaders.records import STDIN
from .loaders.snapshots import SnapshotDiff, diff
from .loaders.sources import SourceFile, detect, gather, in_load_order, load_sources, read_articles

if TYPE_CHECKING:
    from .loaders.extract import Extraction  # the extractor and its rules load only to extract

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
    cache: bool = True,
    candidates: Iterable[str] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
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

    With `cache` (the default) the loaded event log is kept in $XDG_CACHE_HOME/endorsegraph,
    keyed by the content of every file and the code's version; loading the same unchanged
    sources again reads it back instead of the sources. With `candidates` (names), a load served
    from the cache may hold only what reports about those candidates need (their facts, their
    endorsers' facts, the exits those name): reports narrowed to them give the same rows as on the
    full graph, at a fraction of the cost; other questions need a load without `candidates`.

    `progress(step, done, total)` is told each step of a load (a file read, names resolved, the
    graph built), for a progress bar.
    """
    paths = source_paths(sources)
    sample = set(sample_files())
    files = []
    for path in paths:
        found = detect(path, None if path in sample else fmt)
        if not found and warn:
            warn(f"{path}: no source files in this folder")
        files += found
    # A strict load raises on what a lenient one only warns about, and standard input cannot be read
    # twice (once for the key): neither is served from the cache.
    from_stdin = any(str(f.path) == STDIN for f in files)
    mixed = bool(sample & set(paths) and set(paths) - sample)

    def later(graph: nx.MultiDiGraph) -> list[str]:
        """Warnings about the loaded graph (a cache entry keeps them for loads that skip it)."""
        # Unicode's confusables table loads only for this: a load from the cache never needs it.
        from .graph.checks import load_warnings

        shared = _shared_with_sample(event_log(graph)) if mixed else []
        return shared + load_warnings(graph, every=strict)

    cached = cache and not strict and not from_stdin
    load = _Load(files, announce, warn, spacy_model, strict, _Steps(progress, len(files) + 2 + cached))
    if cached:
        graph, warnings = load.cached(later, list(candidates) if candidates else None)
    else:
        graph = load.built(cache=False)
        warnings = later(graph) if warn else []
    for message in warnings if warn else ():
        warn(message)
    return graph


class _Steps:
    """Tells `progress` (if any) each step of a load: the files, then resolving and building."""

    def __init__(self, progress: Callable[[str, int, int], None] | None, steps: int):
        self.progress, self.done, self.total = progress, 0, steps

    def __call__(self, what: str) -> None:
        if self.progress:
            self.progress(what, self.done, self.total)
            self.done += 1


class _Load:
    """One load of `files`: read and built, or served from the cache."""

    def __init__(
        self,
        files: list[SourceFile],
        announce: Callable[[SourceFile], None] | None,
        warn: Callable[[str], None] | None,
        spacy_model: str | None,
        strict: bool,
        step: _Steps,
    ):
        self.files, self.announce, self.warn = files, announce, warn
        self.spacy_model, self.strict, self.step = spacy_model, strict, step

    def built(self, cache: bool) -> nx.MultiDiGraph:
        with _no_gc():
            return self._build(cache)[0]

    def _build(self, cache: bool) -> tuple[nx.MultiDiGraph, EventLog, list[str]]:
        log, warnings = self._read(cache)
        self.step("building the graph")
        return build_graph(log), log, warnings

    def cached(
        self, later: Callable[[nx.MultiDiGraph], list[str]], candidates: list[str] | None
    ) -> tuple[nx.MultiDiGraph, list[str]]:
        """The graph and the warnings about it, from the cache when the sources are unchanged
        (with `candidates`, only what reports about them need); else built, then cached."""
        from . import cache as store

        files = self.files = in_load_order(self.files)
        key = store.cache_key(files, {"spacy_model": self.spacy_model})
        with _no_gc():
            narrowed = store.read_about(key, candidates) if candidates else None
            if narrowed is not None and narrowed[2] is None and self.warn:
                narrowed = None  # the entry lacks the warnings about the whole graph: build it
            hit = narrowed or store.read_log(key)
            if hit is not None:
                log, warnings, about_graph = hit
                for file in files:
                    if self.announce:
                        self.announce(file)
                for message in warnings:
                    if self.warn:
                        self.warn(message)
                self.step("building the graph")
                graph = build_graph(log)
                if narrowed is not None and candidates:
                    graph_store.narrow(
                        graph, frozenset().union(*(log.registry.ids_any(n) for n in candidates))
                    )
                if about_graph is None and self.warn:
                    about_graph = later(graph)
                return graph, about_graph or []
            graph, log, warnings = self._build(cache=True)
            about_graph = later(graph) if self.warn else None
        self.step("writing the cache")
        store.write_log(key, log, warnings, about_graph)
        return graph, about_graph or []

    def _read(self, cache: bool) -> tuple[EventLog, list[str]]:
        warnings: list[str] = []
        warn = self.warn

        def keep(message: str) -> None:
            warnings.append(message)
            if warn:
                warn(message)

        def announce(file: SourceFile) -> None:
            self.step(f"reading {file.path.name}")
            if self.announce:
                self.announce(file)

        registry = Registry()
        extractions = _extraction_cache() if cache else None
        events = load_sources(
            self.files, registry, announce, keep, self.spacy_model, self.strict, cache=extractions
        )
        self.step("resolving names")
        try:
            log = EventLog.from_events(events, registry)
            # Each name's normal form was needed to resolve it; the graph about to be built does
            # not need them (a quarter of a million at 1M events), and queries make the few again.
            normalize.cache_clear()
        finally:
            # An alias given to two entities (it explains the errors at its uses, if any).
            for message in registry.alias_warnings:
                keep(message)
        return log, warnings


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """A load allocates millions of objects and frees almost none: the cyclic collector would
    walk them again and again for nothing (it cost a third of the load), and once more, all of
    them, at its first run after the load. So it is off during the load, and what the load made
    is then frozen (gc.freeze: left out of later collections; still freed when no longer used)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


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
    jobs: int | None = None,
    cache: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[Article, Extraction]]:
    """Extract the article files (and folders of them) in `paths`, with their manifests, knowing
    only the entities and alias tables of `registry` (default: none): never any curated facts.

    `jobs` processes extract (default: every core), each with its own extractor; the result is
    the same as one process gives. With `cache`, each article's extraction is kept by content in
    $XDG_CACHE_HOME/endorsegraph, so only new or changed articles are extracted again.
    `progress(done, total)` is called as articles are done."""
    registry = registry if registry is not None else Registry()
    loading = gather([f for p in paths for f in detect(p) if f.kind in ("manifest", "article")], registry)
    jobs = default_jobs() if jobs is None else jobs
    store = _extraction_cache() if cache else None
    articles = read_articles(
        loading.articles,
        registry,
        warn,
        spacy_model,
        loading.manifest,
        jobs=jobs,
        cache=store,
        progress=progress,
    )
    return list(articles)


def _extraction_cache() -> ExtractionCache:
    from .cache import cache_folder, code_version

    return ExtractionCache(cache_folder().parent / "articles.sqlite", code_version())


def switches(
    old: str | Path, new: str | Path, old_date: dt.date | None = None, new_date: dt.date | None = None
) -> SnapshotDiff:
    """Compare two snapshots of FiveThirtyEight's 2020 tracker: endorsers whose candidate changed,
    new endorsements, and endorsements that disappeared (`.rows()` gives them as three lists).
    A snapshot's day is the one given, else a `snapshot-YYYY-MM-DD` in its file name, else the day
    of its latest row."""
    return diff(read_snapshot(old, old_date), read_snapshot(new, new_date))
