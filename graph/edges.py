"""What a graph edge carries, read from the model on access.

An edge's attributes are what its endorsement interval or its fact says; a dict per edge would copy
them (and make two lists per edge) for a million edges that reports mostly never read. So each edge
holds a small mapping over the interval or the fact it stands for, with the same keys, in the same
order, and the same values a dict made at build time would hold. Code reading edges
(`data["action"]`, `data.get("rank")`, `"fact" in data`, `data.items()`) cannot tell the
difference; `dict(data)` gives the plain dict; a write makes that dict and goes there. One
difference: the `facts` and `sources` lists are made afresh at each read, so appending to one
changes nothing (assign the key instead).
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING, Any

from .actions import VALUE_OF as _VALUE

if TYPE_CHECKING:
    from .eventlog import Fact
    from .intervals import Endorsement

__all__ = ["FactEdge", "IntervalEdge"]


class _EdgeData(MutableMapping):
    """The attributes of an edge, read from the model; subclasses name the keys and read each.

    Writable as a dict is (users annotate edges, networkx's add_edge updates an existing edge's
    attributes): the first write makes the plain dict and every later read and write goes there."""

    __slots__ = ()
    KEYS: tuple[str, ...] = ()
    _dict: dict[str, Any] | None

    def __iter__(self) -> Iterator[str]:
        written = self._dict
        return iter(self.KEYS if written is None else written)

    def __len__(self) -> int:
        written = self._dict
        return len(self.KEYS if written is None else written)

    def __contains__(self, key: object) -> bool:
        written = self._dict
        return key in (self.KEYS if written is None else written)

    def get(self, key: str, default: Any = None) -> Any:
        written = self._dict
        if written is not None:
            return written.get(key, default)
        return self[key] if key in self.KEYS else default

    def _written(self) -> dict[str, Any]:
        written = self._dict
        if written is None:
            written = self._dict = {key: self[key] for key in self.KEYS}
        return written

    def __setitem__(self, key: str, value: Any) -> None:
        self._written()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._written()[key]

    def copy(self) -> dict[str, Any]:
        """A plain dict of the attributes (what `dict.copy` gives for a dict)."""
        return dict(self)

    def __repr__(self) -> str:
        return repr(dict(self))


class IntervalEdge(_EdgeData):
    """The attributes of an `endorse` edge: one endorsement interval."""

    __slots__ = ("endorsement", "_dict")
    KEYS = ("action", "endorsement", "valid_from", "valid_to", "rank", "implied", "facts", "sources")

    def __init__(self, endorsement: Endorsement):
        self.endorsement, self._dict = endorsement, None

    def __getitem__(self, key: str) -> Any:
        if self._dict is not None:  # written to: a plain dict now (see _EdgeData)
            return self._dict[key]
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

    __slots__ = ("fact", "interval", "action", "_dict")
    KEYS = ("action", "inferred_from", "fact", "endorsement", "span", "rank", "facts", "sources")

    def __init__(self, fact: Fact, interval: Endorsement | None, action: str):
        self.fact, self.interval, self.action, self._dict = fact, interval, action, None

    def __getitem__(self, key: str) -> Any:
        if self._dict is not None:  # written to: a plain dict now (see _EdgeData)
            return self._dict[key]
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
