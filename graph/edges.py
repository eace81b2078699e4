"""What a graph edge carries, read from the model on access.

An edge's attributes are what its endorsement interval or its fact says; a dict per edge would copy
them (and make two lists per edge) for a million edges that reports mostly never read. So each edge
holds a small read-only mapping over the interval or the fact it stands for, with the same keys, in
the same order, and the same values a dict made at build time would hold. Code reading edges
(`data["action"]`, `data.get("rank")`, `"fact" in data`, `data.items()`) cannot tell the
difference; `dict(data)` gives the plain dict.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .actions import Action

if TYPE_CHECKING:
    from .eventlog import Fact
    from .intervals import Endorsement

__all__ = ["FactEdge", "IntervalEdge"]

_VALUE = {a: a.value for a in Action}


class _EdgeData(Mapping):
    """A read-only mapping of an edge's attributes; subclasses name the keys and read each."""

    __slots__ = ()
    KEYS: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[str]:
        return iter(self.KEYS)

    def __len__(self) -> int:
        return len(self.KEYS)

    def __contains__(self, key: object) -> bool:
        return key in self.KEYS

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self.KEYS else default

    def copy(self) -> dict[str, Any]:
        """A plain dict of the attributes (what `dict.copy` gives for a dict)."""
        return dict(self)

    def __repr__(self) -> str:
        return repr(dict(self))


class IntervalEdge(_EdgeData):
    """The attributes of an `endorse` edge: one endorsement interval."""

    __slots__ = ("endorsement",)
    KEYS = ("action", "endorsement", "valid_from", "valid_to", "rank", "implied", "facts", "sources")

    def __init__(self, endorsement: Endorsement):
        self.endorsement = endorsement

    def __getitem__(self, key: str) -> Any:
        e = self.endorsement
        if key == "action":
            return "endorse"
        if key == "endorsement":
            return e
        if key == "valid_from":
            return e.start
        if key == "valid_to":
            return e.end
        if key == "rank":
            return e.rank
        if key == "implied":
            return e.implied
        if key == "facts":
            return [f.id for f in e.facts]
        if key == "sources":
            return e.source_ids
        raise KeyError(key)


class FactEdge(_EdgeData):
    """The attributes of the edge of one fact that opens no interval, with the interval it belongs
    to (if any) and its action in the graph (opposition that ended an endorsement is that
    withdrawal: `inferred_from` names what it was read from)."""

    __slots__ = ("fact", "interval", "action")
    KEYS = ("action", "inferred_from", "fact", "endorsement", "span", "rank", "facts", "sources")

    def __init__(self, fact: Fact, interval: Endorsement | None, action: str):
        self.fact, self.interval, self.action = fact, interval, action

    def __getitem__(self, key: str) -> Any:
        fact = self.fact
        if key == "action":
            return self.action
        if key == "inferred_from":
            value = _VALUE[fact.action]
            return value if value != self.action else None
        if key == "fact":
            return fact
        if key == "endorsement":
            return self.interval
        if key == "span":
            return fact.span
        if key == "rank":
            interval = self.interval
            return interval.rank if interval and fact.rank is None else fact.rank
        if key == "facts":
            return [fact.id]
        if key == "sources":
            return fact.source_ids
        raise KeyError(key)
