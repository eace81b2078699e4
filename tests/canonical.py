"""A canonical text of a loaded graph: every node, edge, fact and endorsement with what the reports
print, in a fixed order. Two loads that give the same text are the same graph to every report."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import networkx as nx


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


_WITHDRAWAL = ("endorser", "candidate", "rank", "implied", "trigger", "days_after_trigger", "sources")
_ASOF = ("endorser", "candidate", "rank", "effective_rank", "status", "implied", "sources")


def _pick(row: dict[str, Any], columns: tuple[str, ...]) -> list[Any]:
    return [row[c] for c in columns]


def canonical_dump(graph: nx.MultiDiGraph) -> str:
    from endorsegraph.queries.reports import as_of, timeline, withdrawals

    registry = graph.graph["registry"]
    nodes = []
    for node, data in sorted(graph.nodes(data=True)):
        entity = registry[node]
        nodes.append([node, entity.name, entity.kind, list(data["roles"]), sorted(entity.aliases)])
    edges = []
    for u, v, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        edges.append([u, v, key, *(_plain(data.get(k)) for k in ("action", "rank", "facts", "sources"))])
        edges[-1] += [_plain(data.get(k)) for k in ("valid_from", "valid_to", "span", "implied")]
    facts = [
        [f.id, f.actor, f.action.value, f.target, str(f.span), f.rank, f.group, f.conflicts, f.source_ids]
        + [f.evidence, f.race, f.note, len(f.reports)]
        for f in graph.graph["log"]
    ]
    intervals = [
        [e.id, e.endorser, e.candidate, e.rank, str(e.start), str(e.end), e.ended_by, e.implied, e.source_ids]
        for e in graph.graph["endorsements"]
    ]
    # What the per-candidate indexes compute, over the whole graph and for the busiest candidates
    # (the columns only: how reports print dates is not this digest's business).
    day = dt.date(2023, 6, 1)
    busiest = sorted(graph.in_degree(), key=lambda pair: (-pair[1], pair[0]))[:3]
    reports = {
        "withdrawals": [_pick(r, _WITHDRAWAL) for r in withdrawals(graph)],
        "as_of": [_pick(r, _ASOF) for r in as_of(graph, day)],
        "timeline": [
            _pick(r, ("actor", "action", "target", "rank", "id", "sources")) for r in timeline(graph)
        ],
        "by_candidate": [
            [_pick(r, _WITHDRAWAL) for r in withdrawals(graph, candidate=c)]
            + [_pick(r, _ASOF) for r in as_of(graph, day, candidate=c)]
            for c, _ in busiest
        ],
    }
    document = {"nodes": nodes, "edges": edges, "facts": facts, "endorsements": intervals, "reports": reports}
    return json.dumps(document, sort_keys=True, ensure_ascii=False, default=str)


def digest(graph: nx.MultiDiGraph) -> str:
    return hashlib.sha256(canonical_dump(graph).encode()).hexdigest()
