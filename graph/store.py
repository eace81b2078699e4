"""What `build_graph` keeps on `graph.graph`, and the typed functions that read it.

The derived NetworkX graph carries, besides its nodes and edges, the model it was built from. Code
outside graph/ reads it only through these functions (networkx style: functions over the graph),
so the dependency shows in its imports:

- `registry(graph)`: the entities, with names, aliases, kinds and titles;
- `event_log(graph)`: every fact with its reports, in time order;
- `endorsement_intervals(graph)`: every endorsement interval, in order of start;
- `intervals_by_candidate(graph)`: candidate id -> its endorsement intervals;
- `intervals_of(graph, candidate_id)`: the endorsement intervals of one candidate (a lookup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from .entities import Registry
    from .eventlog import EventLog
    from .intervals import Endorsement

__all__ = [
    "endorsement_intervals",
    "event_log",
    "intervals_by_candidate",
    "intervals_of",
    "keep",
    "registry",
]

_REGISTRY, _LOG, _INTERVALS, _BY_CANDIDATE = "registry", "log", "endorsements", "endorsements_by_candidate"


def keep(graph: nx.MultiDiGraph, log: EventLog, intervals: list[Endorsement]) -> None:
    """Store the model on a graph being built (for build_graph only)."""
    by_candidate: dict[str, list[Endorsement]] = {}
    for e in intervals:
        by_candidate.setdefault(e.candidate, []).append(e)
    graph.graph.update(
        {_REGISTRY: log.registry, _LOG: log, _INTERVALS: intervals, _BY_CANDIDATE: by_candidate}
    )


def registry(graph: nx.MultiDiGraph) -> Registry:
    return graph.graph[_REGISTRY]


def event_log(graph: nx.MultiDiGraph) -> EventLog:
    return graph.graph[_LOG]


def endorsement_intervals(graph: nx.MultiDiGraph) -> list[Endorsement]:
    return graph.graph[_INTERVALS]


def intervals_by_candidate(graph: nx.MultiDiGraph) -> dict[str, list[Endorsement]]:
    """Candidate id -> its endorsement intervals (read-only by convention)."""
    return graph.graph[_BY_CANDIDATE]


def intervals_of(graph: nx.MultiDiGraph, candidate: str) -> list[Endorsement]:
    """The endorsement intervals whose candidate is the entity id `candidate`."""
    return graph.graph[_BY_CANDIDATE].get(candidate, [])
