"""Extracting many articles: one extractor per worker process, and a cache of each article's
extraction keyed by its content.

Extraction reads the registry and never changes it, so articles can be extracted in any order, in
any process: the results are put back in file order, and are the same as one process gives. The
cache key holds the article (name, text, manifest entry), the registry it was read with, the
spaCy pipeline and the code's version, so adding one article to a corpus extracts that one only.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..graph.entities import Registry
from ..graph.events import Event
from .articles import Article

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from .extract import Extraction, Extractor

__all__ = ["ExtractionCache", "default_jobs", "extract_all"]


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _fingerprint(registry: Registry, spacy_model: str | None) -> str:
    digest = hashlib.blake2b(str(spacy_model).encode(), digest_size=16)
    for e in registry:
        titles = [(t.title, str(t.since), str(t.until)) for t in e.titles]
        digest.update(json.dumps([e.id, e.name, e.kind, e.race, e.aliases, titles]).encode())
    # Aliases are scoped to races: which race an alias means an entity in changes the extraction.
    for scope in sorted({e.race or "" for e in registry}):
        forms = sorted((form, entity.id) for form, entity in registry.forms(scope or None))
        digest.update(json.dumps([scope, forms]).encode())
    return digest.hexdigest()


class ExtractionCache:
    """Extractions by article content, in one SQLite file; any failure to read or write it is a
    miss, never an error."""

    def __init__(self, path: Path, version: str):
        self.path, self.version = path, version

    def key(self, article: Article, fingerprint: str) -> str:
        digest = hashlib.blake2b(f"{self.version}\0{fingerprint}\0{article.id}\0".encode(), digest_size=20)
        # The scope (race, else folder) decides which entities its names may mean.
        meta = (article.body_start, str(article.published), article.url, article.outlet, article.scope)
        digest.update(json.dumps(meta).encode())
        digest.update(article.text.encode())
        return digest.hexdigest()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30)
        db.execute("CREATE TABLE IF NOT EXISTS extractions (key TEXT PRIMARY KEY, value TEXT)")
        return db

    def get_many(self, keys: Sequence[str]) -> dict[str, Extraction]:
        from .extract import Extraction, Skipped

        found: dict[str, Extraction] = {}
        with contextlib.suppress(OSError, sqlite3.Error, ValueError):
            db = self._connect()
            try:
                for start in range(0, len(keys), 500):
                    chunk = list(keys[start : start + 500])
                    marks = ",".join("?" * len(chunk))
                    for key, value in db.execute(
                        f"SELECT key, value FROM extractions WHERE key IN ({marks})", chunk
                    ):
                        stored = json.loads(value)
                        events = [Event.model_validate(e) for e in stored["events"]]
                        skipped = [Skipped(*row) for row in stored["skipped"]]
                        found[key] = Extraction(events, stored["unresolved"], skipped)
            finally:
                db.close()
        return found

    def put_many(self, items: dict[str, Extraction]) -> None:
        rows = [
            (
                key,
                json.dumps(
                    {
                        "events": [e.model_dump(mode="json") for e in x.events],
                        "unresolved": x.unresolved,
                        "skipped": [[s.origin, s.sentence, s.reason, s.rule] for s in x.skipped],
                    }
                ),
            )
            for key, x in items.items()
        ]
        with contextlib.suppress(OSError, sqlite3.Error):
            db = self._connect()
            try:
                with db:
                    db.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?)", rows)
            finally:
                db.close()


_WORKER: Extractor | None = None


def _start_worker(registry: Registry, spacy_model: str | None) -> None:
    global _WORKER
    from .extract import Extractor

    _WORKER = Extractor(registry, spacy_model)


def _extract_chunk(chunk: list[Article]) -> list[Extraction]:
    assert _WORKER is not None
    return [_WORKER.extract(article) for article in chunk]


@contextlib.contextmanager
def _pool(jobs: int, registry: Registry, spacy_model: str | None) -> Iterator[ProcessPoolExecutor]:
    """Worker processes with an extractor each. Forked workers inherit the parent's: spaCy and the
    compiled rules are loaded once (a second of CPU) instead of once per worker, and the registry
    is not pickled to each of them."""
    global _WORKER
    import multiprocessing  # only when extracting with several processes
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(registry, spacy_model)) as pool:
            yield pool
        return
    _start_worker(registry, spacy_model)
    # What the workers inherit is left out of their garbage collections: a collection would walk
    # it and write to every object's header, copying the pages the processes share.
    gc.freeze()
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            yield pool
    finally:
        gc.unfreeze()
        _WORKER = None


def _chunks(items: Sequence[Article], jobs: int) -> list[list[Article]]:
    """Chunks of about the same length in characters, a few per worker so that the slowest does not
    keep the others waiting, and few enough that sending them costs little."""
    target = max(1, sum(len(a.text) for a in items) // (jobs * 8))
    chunks: list[list[Article]] = [[]]
    size = 0
    for article in items:
        if size >= target:
            chunks.append([])
            size = 0
        chunks[-1].append(article)
        size += len(article.text)
    return chunks


def extract_all(
    articles: Sequence[Article],
    registry: Registry,
    spacy_model: str | None = None,
    jobs: int = 1,
    cache: ExtractionCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Extraction]:
    """The extraction of every article, in order: from the cache, else by `jobs` processes (one
    extractor each; spaCy is loaded only when something is left to extract)."""
    results: list[Extraction | None] = [None] * len(articles)
    keys: list[str] = []
    if cache is not None and articles:
        fingerprint = _fingerprint(registry, spacy_model)
        keys = [cache.key(a, fingerprint) for a in articles]
        found = cache.get_many(keys)
        results = [found.get(k) for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    if progress:
        progress(len(articles) - len(todo), len(articles))
    if todo:
        pending = [articles[i] for i in todo]
        done: list[Extraction] = []
        if jobs > 1 and len(pending) >= 2 * jobs:
            with _pool(jobs, registry, spacy_model) as pool:
                for extractions in pool.map(_extract_chunk, _chunks(pending, jobs)):
                    done += extractions
                    if progress:
                        progress(len(articles) - len(todo) + len(done), len(articles))
        else:
            from .extract import Extractor

            extractor = Extractor(registry, spacy_model)
            for article in pending:
                done.append(extractor.extract(article))
                if progress:
                    progress(len(articles) - len(todo) + len(done), len(articles))
        for i, result in zip(todo, done, strict=True):
            results[i] = result
        if cache is not None:
            cache.put_many({keys[i]: result for i, result in zip(todo, done, strict=True)})
    return [r for r in results if r is not None]
