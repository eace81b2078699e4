"""The model: dated events, entities with aliases, the event log and the graph derived from it."""

from . import store  # noqa: F401 - graph.store is part of the model's API
from .actions import ACTIONS, CLOSING_ACTIONS, Action, ActionSpec, spec
from .dates import Span, parse_day
from .entities import AmbiguousName, Entity, Registry, Title, UnknownName
from .eventlog import EventLog, Fact
from .events import Event, Source
from .intervals import Endorsement, Status, endorsements
from .timeline import build_graph, graph_as_of

__all__ = [
    "ACTIONS",
    "CLOSING_ACTIONS",
    "Action",
    "ActionSpec",
    "AmbiguousName",
    "Endorsement",
    "Entity",
    "Event",
    "EventLog",
    "Fact",
    "Registry",
    "Source",
    "Span",
    "Status",
    "Title",
    "UnknownName",
    "build_graph",
    "endorsements",
    "graph_as_of",
    "parse_day",
    "spec",
]
