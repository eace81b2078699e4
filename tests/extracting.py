"""One short article written for a test, extracted: the events it gives, as (actor, action, target).

`sample=True` extracts with the bundled tables (names that collide with the NYC sample's must not
merge into it); otherwise with an empty registry, every name met for the first time."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import endorsegraph as eg
from endorsegraph.api import entity_registry
from endorsegraph.graph.entities import Registry

__all__ = ["article_triples", "triples_with"]


def article_triples(
    tmp_path: Path, body: str, header: str, sample: bool = False
) -> set[tuple[str, str, str]]:
    path = tmp_path / "article.txt"
    path.write_text(f"{header}\n\n{body}\n")
    registry = entity_registry(["sample"]) if sample else Registry()
    ((_, extraction),) = eg.extract([path], registry=registry)
    return {(e.actor, e.action.value, e.target) for e in extraction.events}


def triples_with(header: str, sample: bool = False) -> partial:
    """A test file's `triples(tmp_path, body)`: its articles' header lines and registry fixed."""
    return partial(article_triples, header=header, sample=sample)
