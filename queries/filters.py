"""What every report can be narrowed to: candidates, endorsers, races, kinds and a date window.

Names resolve as everywhere (ids, names, aliases, unique surnames). A row is kept when its date
may fall inside [since, until] (a withdrawal known only as "2021-04-26..2021-05-02" is kept for a
window that overlaps it), its race is one of `races`, and so on; an empty filter keeps everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..graph.dates import Span, parse_day
from ..graph.entities import ANY, Registry

__all__ = ["BadFilter", "Filters", "as_day"]


class BadFilter(ValueError):
    """A filter or date parameter that is not what it should be; the message names it."""


def as_day(value: object, parameter: str) -> dt.date | None:
    """A date, or an ISO date string; anything else is a BadFilter naming the parameter."""
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    if isinstance(value, str):
        try:
            return parse_day(value, parameter)
        except ValueError as err:
            raise BadFilter(str(err)) from None
    raise BadFilter(f"{parameter}: {value!r} is not a date (a datetime.date or 'YYYY-MM-DD')")


def _names(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class Filters:
    candidates: tuple[str, ...] = ()
    endorsers: tuple[str, ...] = ()
    races: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    _ids: dict[str, frozenset[str] | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(
        cls,
        candidate: str | Iterable[str] | None = None,
        endorser: str | Iterable[str] | None = None,
        race: str | Iterable[str] | None = None,
        kind: str | Iterable[str] | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
    ) -> Filters:
        since_day, until_day = as_day(since, "since"), as_day(until, "until")
        if since_day and until_day and since_day > until_day:
            raise BadFilter(f"since {since_day} is after until {until_day}")
        return cls(
            _names(candidate),
            _names(endorser),
            _names(race),
            tuple(k.casefold() for k in _names(kind)),
            since_day,
            until_day,
        )

    def resolve(self, registry: Registry) -> Filters:
        """Check every name now, so an unknown one fails before any work ("did you mean"). With
        one race, names resolve in it (a bare surname means that race's person)."""
        scope = self.races[0] if len(self.races) == 1 else ANY
        self._ids["candidates"] = (
            frozenset(registry.resolve(n, scope).id for n in self.candidates) if self.candidates else None
        )
        self._ids["endorsers"] = (
            frozenset(registry.resolve(n, scope).id for n in self.endorsers) if self.endorsers else None
        )
        return self

    def candidate_ids(self) -> frozenset[str] | None:
        return self._ids.get("candidates")

    def keeps(
        self,
        endorser: str | None,
        candidate: str | None,
        span: Span | None,
        race: str | None,
        kind: str | None,
    ) -> bool:
        candidates, endorsers = self._ids.get("candidates"), self._ids.get("endorsers")
        if candidates is not None and candidate not in candidates:
            return False
        if endorsers is not None and endorser not in endorsers:
            return False
        if self.races and (race or "").casefold() not in {r.casefold() for r in self.races}:
            return False
        if self.kinds and (kind or "").casefold() not in self.kinds:
            return False
        span = span or Span()
        if self.since and span.latest is not None and span.latest < self.since:
            return False
        return not (self.until and span.earliest is not None and span.earliest > self.until)
