"""Events: immutable, dated, sourced records of one actor doing one thing to one target.

Loaders emit `Event`s, one per statement in one source. The event log (eventlog.py) resolves names
and merges the reports of the same fact into a `Fact` with several sources.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from .actions import ACTIONS, Action
from .dates import Span, parse_day

__all__ = ["KINDS", "Event", "Report", "Source"]


KINDS = (
    "person",
    "party",
    "union",
    "advocacy group",
    "newspaper",
    "organization",
    "race",
)


class Source(BaseModel):
    """Where a report comes from: an article, a tracker, a curated file."""

    model_config = ConfigDict(frozen=True)

    id: str
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    # The credit a licence asks for ("FiveThirtyEight, CC BY 4.0"), carried into reports and exports.
    credit: str | None = None


def _text(value: Any, field: str = "") -> str | None:
    if value is None:
        return None
    if isinstance(value, bool | list | tuple | dict):
        # YAML's yes/no become booleans; a list or mapping is never one text.
        if isinstance(value, bool):
            raise ValueError(f"{field} must be text, not yes/no ({value}): quote it".lstrip())
        shown = "a mapping" if isinstance(value, dict) else "a list"
        raise ValueError(f"{field} must be text, not {shown}".lstrip())
    text = " ".join(str(value).split())
    return text or None


class Event(BaseModel):
    """One report of one fact, as a loader read it (names not yet resolved to entities)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    actor: str
    action: Action
    target: str
    date: dt.date | None = None
    not_before: dt.date | None = None
    not_after: dt.date | None = None
    rank: int | None = None
    group: str | None = None
    race: str | None = None
    source: Source
    evidence: str | None = None
    # Character offsets of the evidence in the source text, when a loader knows them.
    start: int | None = None
    end: int | None = None
    date_text: str | None = None
    note: str | None = None
    # The stated cause or trigger ("in light of the allegations"), when the source gives one.
    cause: str | None = None
    # The extraction rule that found the event (articles only), so a reviewer can see why it is there.
    rule: str | None = None
    # Hints that describe the entities named, used when the entities file does not know them.
    actor_kind: str | None = None
    actor_title: str | None = None
    target_kind: str | None = None
    target_title: str | None = None
    aliases: tuple[str, ...] = ()
    # An extracted event's stable id (article, sentence, action, names as extracted): what a
    # corrections file names.
    id: str | None = None
    # "file:line" the event was read from, for error messages; not part of the fact.
    origin: str | None = None
    # Where names are resolved when the record gives no race (an article's folder); not a column.
    scope: str | None = None

    @field_validator("actor", "target", mode="before")
    @classmethod
    def _name(cls, value: Any, info: Any) -> str:
        if isinstance(value, int | float) and not isinstance(value, bool):
            raise ValueError(f"{info.field_name} must be a name, not the number {value}: quote it")
        text = _text(value, info.field_name)
        if not text:
            raise ValueError(f"{info.field_name} is required")
        return text

    @field_validator(
        "group",
        "race",
        "evidence",
        "date_text",
        "note",
        "cause",
        "rule",
        "actor_title",
        "target_title",
        mode="before",
    )
    @classmethod
    def _optional_text(cls, value: Any, info: Any) -> str | None:
        return _text(value, info.field_name)

    @field_validator("actor_kind", "target_kind", mode="before")
    @classmethod
    def _kind(cls, value: Any, info: Any) -> str | None:
        text = _text(value, info.field_name)
        if text is None:
            return None
        text = text.lower()
        if text not in KINDS:
            raise ValueError(f"{info.field_name} '{text}' is not one of: {', '.join(KINDS)}")
        return text

    @field_validator("action", mode="before")
    @classmethod
    def _action(cls, value: Any) -> str:
        text = (_text(value, "action") or "").lower()
        if not text:
            raise ValueError("action is required")
        if text not in ACTIONS:
            raise ValueError(f"action '{text}' is not one of: {', '.join(ACTIONS)}")
        return text

    @field_validator("date", "not_before", "not_after", mode="before")
    @classmethod
    def _day(cls, value: Any, info: Any) -> dt.date | None:
        return parse_day(value, info.field_name)

    @field_validator("rank", "start", "end", mode="before")
    @classmethod
    def _whole(cls, value: Any, info: Any) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        text = str(value).strip()
        if isinstance(value, bool) or not text.isdigit():
            raise ValueError(f"{info.field_name} '{text}' is not a whole number")
        if len(text) > 18:  # the graph stores 64-bit integers (Cypher, Neo4j)
            raise ValueError(f"{info.field_name} '{text[:20]}…' is too large")
        number = int(text)
        if info.field_name == "rank" and number < 1:
            raise ValueError(f"rank '{text}' must be 1 or more")
        return number

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases(cls, value: Any) -> tuple[str, ...]:
        if value is None or value == "":
            return ()
        if not isinstance(value, str | list | tuple):
            raise ValueError("aliases must be text (A|B) or a list of names")
        items = value.split("|") if isinstance(value, str) else value
        return tuple(t for t in (_text(v, "aliases") for v in items) if t)

    @model_validator(mode="after")
    def _dates(self) -> Event:
        if self.date and (self.not_before or self.not_after):
            raise ValueError("give either date or not_before/not_after, not both")
        if self.not_before and self.not_after and self.not_before > self.not_after:
            raise ValueError(f"not_before {self.not_before} is after not_after {self.not_after}")
        return self

    @property
    def span(self) -> Span:
        return Span.of(self.date, self.not_before, self.not_after)


class Report:
    """The compact form of an Event the event log keeps: validated, slotted, its span computed
    once; names, dates, spans and sources are shared objects, not copies per row. Attributes are
    the Event's, so code reading either works on both."""

    __slots__ = (
        "actor", "action", "target", "date", "not_before", "not_after", "span", "rank", "group", "race",
        "source", "evidence", "start", "end", "date_text", "note", "actor_kind", "actor_title",
        "target_kind", "target_title", "aliases", "id", "_where", "_line", "scope", "cause", "rule",
    )  # fmt: skip
    # The fields, in the order of the constructor's arguments (origin as "file:line").
    FIELDS = (
        "actor", "action", "target", "span", "source", "date", "not_before", "not_after", "rank", "group",
        "race", "evidence", "start", "end", "date_text", "note", "actor_kind", "actor_title", "target_kind",
        "target_title", "aliases", "origin", "id", "scope", "cause", "rule",
    )  # fmt: skip

    def __init__(
        self,
        actor: str,
        action: Action,
        target: str,
        span: Span,
        source: Source,
        date: dt.date | None = None,
        not_before: dt.date | None = None,
        not_after: dt.date | None = None,
        rank: int | None = None,
        group: str | None = None,
        race: str | None = None,
        evidence: str | None = None,
        start: int | None = None,
        end: int | None = None,
        date_text: str | None = None,
        note: str | None = None,
        actor_kind: str | None = None,
        actor_title: str | None = None,
        target_kind: str | None = None,
        target_title: str | None = None,
        aliases: tuple[str, ...] = (),
        origin: str | None = None,
        id: str | None = None,
        scope: str | None = None,
        cause: str | None = None,
        rule: str | None = None,
        line: int | None = None,
    ) -> None:
        self.actor, self.action, self.target, self.span, self.source = actor, action, target, span, source
        self.date, self.not_before, self.not_after = date, not_before, not_after
        self.rank, self.group, self.race, self.evidence = rank, group, race, evidence
        self.start, self.end, self.date_text, self.note = start, end, date_text, note
        self.actor_kind, self.actor_title = actor_kind, actor_title
        self.target_kind, self.target_title = target_kind, target_title
        # With `line`, `origin` is the file's prefix ("file:") shared by its rows: a million rows
        # keep a million small numbers, not a million strings.
        self.aliases, self._where, self._line, self.id, self.scope = aliases, origin, line, id, scope
        self.cause, self.rule = cause, rule

    @property
    def origin(self) -> str | None:
        """ "file:line" the report was read from, for messages."""
        return self._where if self._line is None else f"{self._where}{self._line}"

    @classmethod
    def of(cls, event: Event | Report) -> Report:
        if isinstance(event, Report):
            return event
        return cls(
            event.actor, event.action, event.target, event.span, event.source, event.date, event.not_before,
            event.not_after, event.rank, event.group, event.race, event.evidence, event.start, event.end,
            event.date_text, event.note, event.actor_kind, event.actor_title, event.target_kind,
            event.target_title, event.aliases, event.origin, event.id, event.scope, event.cause, event.rule,
        )  # fmt: skip

    def event(self) -> Event:
        """The validated public Event with the same content."""
        return Event.model_validate({name: getattr(self, name) for name in Event.model_fields})
