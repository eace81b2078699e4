"""endorsegraph: an endorsement-timeline knowledge graph.

import endorsegraph as eg
graph = eg.load()                       # the bundled 2021 NYC dataset
eg.withdrawals(graph, candidate="Scott Stringer")
eg.as_of(graph, datetime.date(2021, 5, 2), candidate="Dianne Morales")
"""

import importlib
from typing import Any

# Names load on first use (PEP 562): `endorsegraph` starts fast, and Ctrl-C while the command line
# starts up lands in its handler, not in an import.
_HOMES = {
    **dict.fromkeys(("bundled_dataset", "extract", "load"), ".api"),
    **dict.fromkeys(
        (
            "Action",
            "AmbiguousName",
            "Endorsement",
            "Entity",
            "Event",
            "EventLog",
            "Fact",
            "Registry",
            "Source",
            "Span",
            "Status",
            "UnknownName",
            "build_graph",
            "endorsements",
            "graph_as_of",
        ),
        ".graph",
    ),
    "InputError": ".graph.errors",
    **dict.fromkeys(
        ("as_of", "compare", "entity_profile", "resolve", "stood_by", "timeline", "withdrawals"), ".queries"
    ),
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'endorsegraph' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__version__ = "0.1.0"

__all__ = [
    "Action",
    "AmbiguousName",
    "Endorsement",
    "Entity",
    "Event",
    "EventLog",
    "Fact",
    "InputError",
    "Registry",
    "Source",
    "Span",
    "Status",
    "UnknownName",
    "as_of",
    "build_graph",
    "bundled_dataset",
    "compare",
    "endorsements",
    "entity_profile",
    "extract",
    "graph_as_of",
    "load",
    "resolve",
    "stood_by",
    "timeline",
    "withdrawals",
]
