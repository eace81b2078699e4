"""Loaders read sources and emit events (graph.Event); entity tables fill the registry."""

from .entities import read_aliases, read_entities
from .facts import FACT_COLUMNS, read_facts
from .sources import FORMATS, SourceFile, detect, load_sources

__all__ = [
    "FACT_COLUMNS",
    "FORMATS",
    "SourceFile",
    "detect",
    "load_sources",
    "read_aliases",
    "read_entities",
    "read_facts",
]
