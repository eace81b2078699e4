"""The NetworkX graph derived from the event log.

Nodes are entity ids. Each endorsement interval is one `endorse` edge carrying valid_from/valid_to;
every other fact is one edge of its action (opposition that ended an endorsement is that withdrawal,
with `inferred_from="oppose"`). Every edge lists its facts and sources, read from its interval or
fact on access (graph/edges.py). Per-candidate questions are adjacency lookups
(`graph.in_edges(candidate)`), not scans.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Mapping

import networkx as nx

from . import store
from .actions import PAIR_ACTIONS, Action, spec
from .actions import VALUE_OF as _VALUE
from .dates import parse_day
from .edges import FactEdge, IntervalEdge
from .eventlog import EventLog, Fact
from .intervals import Endorsement, Status, endorsements

__all__ = ["build_graph", "graph_as_of", "roles"]


def roles(log: EventLog) -> dict[str, set[str]]:
    """Roles follow from the events: endorsed, withdrawn from or accused means candidate."""
    return {entity: found for entity, found in _roles(log).items() if found}


_PLAYED = {a: (spec(a).actor_role, spec(a).target_role) for a in Action}


def _roles(log: EventLog, accusations: dict[str, list[Fact]] | None = None) -> dict[str, set[str]]:
    """Every entity a fact names, with its roles (none, for some); with `accusations`, fills it
    with the accusations against each candidate, in log order (the same walk over the facts)."""
    out: dict[str, set[str]] = {}
    get = out.get
    accused = _ACCUSE if accusations is not None else None
    for fact in log:
        action = fact.action
        actor_role, target_role = _PLAYED[action]
        found = get(fact.actor)
        if found is None:
            found = out[fact.actor] = set()
        if actor_role:
            found.add(actor_role)
        target = fact.target
        found = get(target)
        if found is None:
            found = out[target] = set()
        if target_role:
            found.add(target_role)
        if action is accused:
            found = accusations.get(target)  # type: ignore[union-attr]
            if found is None:
                accusations[target] = [fact]  # type: ignore[index]
            else:
                found.append(fact)
    return out


_ACCUSE = Action("accuse")


def build_graph(log: EventLog) -> nx.MultiDiGraph:
    """The graph of the log, with the indexes per-entity reports look up instead of scanning (see
    graph.store): endorsements by candidate and by endorser, accusations by candidate."""
    graph = nx.MultiDiGraph()
    accusations: dict[str, list[Fact]] = {}
    entity_roles = _roles(log, accusations)
    _add_nodes(graph, log, entity_roles)
    intervals = endorsements(log)
    interval_of: dict[str, Endorsement] = {}  # the interval each withdrawal or stand-by belongs to
    # Made as they are inserted, never all held in one list (a million 4-tuples at 1M events).
    _insert(graph, itertools.chain(_interval_edges(intervals, interval_of), _fact_edges(log, interval_of)))
    store.keep(graph, log, intervals, accusations)
    return graph


def _interval_edges(intervals: list[Endorsement], interval_of: dict[str, Endorsement]) -> Iterator[tuple]:
    """One `endorse` edge per endorsement interval; fills `interval_of` for the facts' edges."""
    for e in intervals:
        opened = e.opened_by
        if opened is None or e.closed_by is not None or e.reaffirmed_by:
            # The withdrawals and stand-bys of an interval belong to it. (Most intervals hold one
            # endorsement, still open, whose fact has no edge of its own: nothing to note.)
            for f in e.facts:
                if f.action in PAIR_ACTIONS:
                    interval_of[f.id] = e
        yield e.endorser, e.candidate, f"endorse/{e.id}", IntervalEdge(e)


_OPENS = frozenset(a for a in Action if spec(a).interval == "opens")  # the intervals carry them


def _fact_edges(log: EventLog, interval_of: dict[str, Endorsement]) -> Iterator[tuple]:
    """One edge per fact that opens no interval, with the interval it belongs to."""
    for fact in log:
        action = fact.action
        if action in _OPENS:
            continue
        interval = interval_of.get(fact.id)
        value = _VALUE[action]
        # Opposition that ended an endorsement on record is, in the graph, that withdrawal: every
        # report and query of withdrawals finds it, and the edge says what it was read from.
        if interval is not None and interval.closed_by is fact and value != interval.ended_by:
            value = interval.ended_by
        yield fact.actor, fact.target, f"{value}/{fact.id}", FactEdge(fact, interval, value)


def _add_nodes(graph: nx.MultiDiGraph, log: EventLog, entity_roles: dict[str, set[str]]) -> None:
    """Every entity a fact names, in the registry's order, with its name, kind and roles: what
    `graph.add_nodes_from((id, data), ...)` makes, written as `_insert` writes edges (networkx
    tries each (id, data) pair as a node first and catches the TypeError, for every node)."""
    nodes, succ, pred = graph._node, graph._succ, graph._pred
    for entity in log.registry:
        roles = entity_roles.get(entity.id)
        if roles is not None:
            entity_id = entity.id
            nodes[entity_id] = {"name": entity.name, "kind": entity.kind, "roles": sorted(roles)}
            succ[entity_id] = {}
            pred[entity_id] = {}
    nx._clear_cache(graph)


def _insert(graph: nx.MultiDiGraph, edges: Iterable[tuple[str, str, str, Mapping]]) -> None:
    """`graph.add_edges_from(edges)` for a graph being built whose nodes are all there and whose
    edge keys are unique: written straight into networkx's documented adjacency structure
    (successors and predecessors share each pair's key dictionary, as add_edge makes them), which
    skips add_edge's checks and the copy of every attribute mapping: a third of the build."""
    succ, pred = graph._succ, graph._pred
    for u, v, key, data in edges:
        keys = succ[u].get(v)
        if keys is None:
            keys = succ[u][v] = pred[v][u] = {}
        keys[key] = data
    nx._clear_cache(graph)


def graph_as_of(graph: nx.MultiDiGraph, day: dt.date | str) -> nx.MultiDiGraph:
    """A read-only view of the graph on `day` (a date or an ISO string): endorsements in force or
    uncertain, and every other fact that may have happened by then."""
    if not isinstance(day, dt.date):
        try:
            day = parse_day(day, "day")  # type: ignore[assignment]
        except ValueError as err:
            raise ValueError(str(err)) from None
        if day is None:
            raise ValueError("graph_as_of: day is required")

    def keep(u: str, v: str, key: str) -> bool:
        data = graph.edges[u, v, key]
        if data["action"] == "endorse":
            return data["endorsement"].status_on(day) != Status.NOT_IN_FORCE
        span = data["span"]
        return span.earliest is None or span.earliest <= day

    return nx.subgraph_view(graph, filter_edge=keep)
