"""Events built from values the extractor made: the checks and clean-ups Event's validators would
make, done directly, then a copy of one validated event with those values (validating each event
field by field was a twentieth of the extractor's time; `model_construct` is slower still).
Values the validators would change or refuse go through the validators, so the event, or the
error, is the one `Event(...)` gives."""

from __future__ import annotations

import datetime as dt

from ..graph.actions import ACTIONS, Action
from ..graph.dates import FIRST_YEAR, LAST_YEAR
from ..graph.events import Event, Source

__all__ = ["trusted_event"]

_TEXTS = ("race", "evidence", "date_text", "cause", "rule", "actor_title", "target_title")
_PLAIN_TEXTS = ("origin", "id", "scope")  # no validator: any text, as it is
_DAYS = ("date", "not_before", "not_after")
_WHOLES = ("rank", "start", "end")
_VALIDATED = Event(actor="-", action=ACTIONS[0], target="-", source=Source(id="-"))


def trusted_event(actor: str, action: str, target: str, source: Source, **fields: object) -> Event:
    """The Event `Event(actor=..., action=..., target=..., source=..., **fields)` would give."""
    values = _checked(actor, action, target, source, fields)
    if values is None:
        return Event(actor=actor, action=action, target=target, source=source, **fields)
    return _VALIDATED.model_copy(update=values)  # every field it was made with is replaced


def _checked(actor: str, action: str, target: str, source: Source, fields: dict) -> dict[str, object] | None:
    """The event's values as the validators leave them, or None when they would change them in
    another way than a text's clean-up, or refuse them."""
    names = (actor, target)
    if (
        not all(type(n) is str and _clean(n) for n in names)
        or type(source) is not Source
        or action not in ACTIONS
    ):
        return None
    values: dict[str, object] = {"actor": _clean(actor), "action": Action(action), "target": _clean(target)}
    values["source"] = source
    for name, value in fields.items():
        if name in _TEXTS and type(value) is str:
            values[name] = _clean(value)
        elif value is None or _kept(name, value):
            values[name] = value
        else:
            return None  # a value to convert, one to refuse, or a field not checked here
    date, not_before, not_after = (values.get(name) for name in _DAYS)
    if date and (not_before or not_after):
        return None
    if not_before and not_after and not_before > not_after:  # type: ignore[operator]
        return None
    return values


def _kept(name: str, value: object) -> bool:
    """Would the validators keep this value of field `name` as it is?"""
    if name in _PLAIN_TEXTS:
        return type(value) is str
    if name in _DAYS:
        return type(value) is dt.date and FIRST_YEAR <= value.year <= LAST_YEAR
    if name in _WHOLES:
        return type(value) is int and (1 if name == "rank" else 0) <= value < 10**18
    return False


def _clean(text: str | None) -> str | None:
    """Event's clean-up of a text: white space folded, empty is none."""
    return " ".join(text.split()) or None if text is not None else None
