"""endorsegraph: an endorsement-timeline knowledge graph.

import endorsegraph as eg
graph = eg.load()                       # the bundled 2021 NYC dataset
eg.withdrawals(graph, candidate="Scott Stringer")
eg.as_of(graph, datetime.date(2021, 5, 2), candidate="Dianne Morales")
"""

from .api import bundled_dataset, extract, load
from .graph import (
    Action,
    AmbiguousName,
    Endorsement,
    Entity,
    Event,
    EventLog,
    Fact,
    Registry,
    Source,
    Span,
    Status,
    UnknownName,
    build_graph,
    endorsements,
    graph_as_of,
)
from .graph.errors import InputError
from .queries import as_of, compare, entity_profile, resolve, stood_by, timeline, withdrawals

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
