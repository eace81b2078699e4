"""What `build_graph` keeps on `graph.graph`, and the typed functions that read it.

The derived NetworkX graph carries, besides its nodes and edges, the model it was built from. Code
outside graph/ reads it only through these functions (networkx style: functions over the graph),
so the dependency shows in its imports:

- `registry(graph)`: the entities, with names, aliases, kinds and titles;
- `event_log(graph)`: every fact with its reports, in time order;
- `endorsement_intervals(graph)`: every endorsement interval, in order of start;
- `intervals_by_candidate(graph)`: candidate id -> its endorsement intervals;
- `intervals_of(graph, candidate_id)`: the endorsement intervals of one candidate (a lookup);
- `intervals_given_by(graph, endorser_id)`: the endorsement intervals of one endorser (a lookup);
- `accusations_of(graph, candidate_id)`: the accusations against one candidate, in time order.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import networkx as nx

if TYPE_CHECKING:
    from .entities import Registry
    from .eventlog import EventLog, Fact
    from .intervals import Endorsement

__all__ = [
    "endorsement_intervals",
    "event_log",
    "intervals_by_candidate",
    "intervals_of",
    "accusations_of",
    "intervals_given_by",
    "keep",
    "registry",
    "narrow",
    "only_about",
]

_REGISTRY, _LOG, _INTERVALS, _BY_CANDIDATE = "registry", "log", "endorsements", "endorsements_by_candidate"
_BY_ENDORSER, _ACCUSATIONS = "endorsements_by_endorser", "accusations_by_candidate"
_ONLY_ABOUT = "only_about"


def keep(
    graph: nx.MultiDiGraph, log: EventLog, intervals: list[Endorsement], accusations: dict[str, list[Fact]]
) -> None:
    """Store the model on a graph being built (for build_graph only); `accusations` are the
    accusations against each candidate, in time order."""
    by_candidate: dict[str, list[Endorsement]] = defaultdict(list)
    by_endorser: dict[str, list[Endorsement]] = defaultdict(list)
    for e in intervals:
        by_candidate[e.candidate].append(e)
        by_endorser[e.endorser].append(e)
    graph.graph.update(
        {
            _REGISTRY: log.registry,
            _LOG: log,
            _INTERVALS: intervals,
            _BY_CANDIDATE: dict(by_candidate),
            _BY_ENDORSER: dict(by_endorser),
            _ACCUSATIONS: accusations,
        }
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


def intervals_given_by(graph: nx.MultiDiGraph, endorser: str) -> list[Endorsement]:
    """The endorsement intervals whose endorser is the entity id `endorser`, in order of start."""
    return graph.graph[_BY_ENDORSER].get(endorser, [])


def accusations_of(graph: nx.MultiDiGraph, candidate: str) -> list[Fact]:
    """The accusations against the entity id `candidate`, in time order."""
    return graph.graph[_ACCUSATIONS].get(candidate, [])


def narrow(graph: nx.MultiDiGraph, candidates: frozenset[str]) -> None:
    """Mark a graph that holds only what reports about `candidates` need (a load from the cache
    with `candidates=`), so a report about anyone else fails instead of giving too few rows."""
    graph.graph[_ONLY_ABOUT] = candidates


def only_about(graph: nx.MultiDiGraph) -> frozenset[str] | None:
    """The candidates a narrowed graph was loaded for; None for a whole graph."""
    return graph.graph.get(_ONLY_ABOUT)
