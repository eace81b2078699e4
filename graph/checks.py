"""Semantic problems in a loaded graph: things the data says that are probably mistakes.

None of them stops a load: each becomes a warning line "FILE:LINE: problem" for the user. A
withdrawal with no endorsement on record is normal in real data (the `implied` column shows it),
so those are summed up in one line unless `every` asks for each.
"""

from __future__ import annotations

import networkx as nx

from . import store
from .actions import spec
from .confusables import confusable_pairs, foreign_letters
from .eventlog import Fact

__all__ = ["load_warnings"]


def _where(fact: Fact) -> str:
    report = fact.reports[0]
    return report.origin or report.source.id


def load_warnings(graph: nx.MultiDiGraph, every: bool = False) -> list[str]:
    """Warnings about the graph's data, each starting with the file and line it comes from."""
    log, registry = store.event_log(graph), store.registry(graph)
    warnings: list[str] = []
    conflicted: set[tuple] = set()
    for fact in log:
        name = registry[fact.actor].name
        if fact.actor == fact.target and spec(fact.action).interval is not None:
            warnings.append(f"{_where(fact)}: {fact.action.value} with {name} as both actor and target")
        # One statement its sources date differently: one fact listing every claim (eventlog);
        # an endorsement or stand-by stated again stays two facts, warned about once.
        if fact.conflicts and (fact.actor, fact.action, fact.target) not in conflicted:
            conflicted.add((fact.actor, fact.action, fact.target))
            again = spec(fact.action).interval in ("opens", "reaffirms")
            kept = "each kept as a statement of its own" if again else f"kept as one fact, {fact.span}"
            warnings.append(
                f"{_where(fact)}: {name} {fact.action.value} {registry[fact.target].name}: conflicting "
                f"dates {'; '.join(fact.conflicts)} ({kept})"
            )
    implied = [
        (e, e.closed_by)
        for e in store.endorsement_intervals(graph)
        if e.implied and e.closed_by is not None and spec(e.closed_by.action).closes
    ]
    if every:
        warnings += [
            f"{_where(closing)}: {registry[e.endorser].name} ({closing.action.value}) "
            f"{registry[e.candidate].name}: no endorsement on record (implied)"
            for e, closing in implied
        ]
    elif implied:
        warnings.append(
            f"{len(implied)} withdrawals have no endorsement on record: shown as implied "
            "(--strict lists each)"
        )
    first_seen: dict[str, str] = {}
    for fact in log:
        for entity_id in (fact.actor, fact.target):
            first_seen.setdefault(registry[entity_id].name, _where(fact))
    for known, lookalike in confusable_pairs(first_seen):
        odd = lookalike if foreign_letters(lookalike) else known
        letters = ", ".join(foreign_letters(odd))
        warnings.append(
            f"{first_seen[lookalike]}: '{lookalike}' looks like '{known}' ({first_seen[known]}) but is "
            f"spelled differently ({letters} in '{odd}'): they are kept as two entities"
        )
    return warnings
