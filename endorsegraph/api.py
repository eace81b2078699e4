"""Loading sources into a graph: the one entry point the CLI, the notebook and users share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

import networkx as nx

from .graph.entities import Registry
from .graph.eventlog import EventLog
from .graph.timeline import build_graph
from .loaders.sources import SourceFile, detect, load_sources

__all__ = ["bundled_dataset", "entity_tables", "load"]


def bundled_dataset() -> Path:
    """The folder of the bundled 2021 NYC dataset (facts, entities and aliases)."""
    return Path(str(resources.files("endorsegraph.data")))


def entity_tables() -> list[Path]:
    """The bundled entities file and alias table, applied to every load: they name people and
    organisations, they state no facts."""
    folder = bundled_dataset()
    return [folder / "entities.yaml", folder / "aliases.csv"]


def load(
    sources: Iterable[str | Path] | None = None,
    fmt: str | None = None,
    announce: Callable[[SourceFile], None] | None = None,
) -> nx.MultiDiGraph:
    """Load sources (files or folders; default: the bundled dataset) into the timeline graph.

    `fmt` forces the facts format (csv, yaml, jsonl) of the files named; `announce` is called with
    each file and what it was taken for. Raises graph.errors.InputError naming file, line and
    problem; nothing is returned half-loaded.
    """
    paths = list(sources) if sources else [bundled_dataset()]
    files = [f for p in entity_tables() for f in detect(p)]
    for path in paths:
        files += detect(path, fmt)
    registry = Registry()
    events = load_sources(files, registry, announce)
    return build_graph(EventLog.from_events(events, registry))
