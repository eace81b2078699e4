"""Every action an event can record, and everything the tool knows about each: one row per action.

Adding an action is one row here (plus extraction rules, if articles state it): the model, the roles
of the graph's nodes, the Cypher relationship types of the push and the named queries, the GraSS
style sheet and the HTML view's edge styles all read this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "ACTIONS",
    "CLOSING_ACTIONS",
    "PAIR_ACTIONS",
    "TABLE",
    "Action",
    "ActionSpec",
    "spec",
]


@dataclass(frozen=True, slots=True)
class ActionSpec:
    value: str
    # Its part in the endorsement interval of the same endorser-candidate pair: "opens" (endorse),
    # "reaffirms" (in force that day), "closes" (ends it), "ends_all" (the candidate left the race:
    # every endorsement of the candidate ends, none is withdrawn), "closes_open" (ends an endorsement
    # of the pair in force that day as a withdrawal, and implies none when there is none: opposing a
    # candidate is not by itself a withdrawal) or None (not part of an interval).
    interval: str | None
    actor_role: str | None  # the role the actor takes in the graph: endorser, accuser, candidate
    target_role: str | None
    cypher_type: str  # the relationship type in Neo4j
    # Colour in the HTML view, the charts and the GraSS style sheet: Okabe-Ito, safe for colour-blind
    # readers (dashes tell apart the actions that share a hue).
    colour: str
    dashes: bool | tuple[int, ...]  # vis-network dash pattern; False for a solid line
    label: str  # how a person reads it in a legend

    @property
    def closes(self) -> bool:
        return self.interval == "closes"


TABLE: tuple[ActionSpec, ...] = (
    ActionSpec("endorse", "opens", "endorser", "candidate", "ENDORSED", "#009E73", False, "endorsed"),
    ActionSpec("withdraw", "closes", "endorser", "candidate", "WITHDREW", "#D55E00", (8, 6), "withdrew"),
    ActionSpec("supersede", "closes", "endorser", "candidate", "SUPERSEDED", "#999999", (2, 6), "switched from"),
    ActionSpec("oppose", "closes_open", "opponent", "candidate", "OPPOSED", "#8b1a1a", (4, 2, 4, 8), "opposed"),
    ActionSpec("stand_by", "reaffirms", "endorser", "candidate", "STOOD_BY", "#0072B2", (3, 4), "stood by"),
    ActionSpec("accuse", None, "accuser", "candidate", "ACCUSED", "#E69F00", False, "accused"),
    ActionSpec("deny", None, None, None, "DENIED", "#000000", (10, 3, 2, 3), "denied"),
    ActionSpec("call_to_withdraw", None, None, None, "CALLED_TO_WITHDRAW", "#56B4E9", (6, 3), "called to withdraw"),
    ActionSpec("call_to_resign", None, None, None, "CALLED_TO_RESIGN", "#CC79A7", (2, 2), "called to resign"),
    ActionSpec("exit_race", "ends_all", "candidate", None, "EXITED", "#666666", (12, 4), "left the race"),
)  # fmt: skip

# The enum is made from the table, so a new row is a new action everywhere. Its order is the
# order within one day: what opens comes before what reaffirms, then what closes.
Action = StrEnum("Action", {s.value.upper(): s.value for s in TABLE}, module=__name__)
Action.__doc__ = "An event's action; `spec(action)` tells what the tool knows about it."

_BY_VALUE = {s.value: s for s in TABLE}
# An action's text by action: an enum's .value is a property, slow a million times in a loop
VALUE_OF: dict[Action, str] = {a: a.value for a in Action}

ACTIONS: tuple[str, ...] = tuple(s.value for s in TABLE)
# Actions that end an endorsement interval of the same endorser-candidate pair. `supersede`
# (the endorser moved to another candidate) closes it but is not a withdrawal.
CLOSING_ACTIONS = frozenset(Action(s.value) for s in TABLE if s.interval == "closes")
# Actions that belong to an endorsement interval of their endorser-candidate pair.
PAIR_ACTIONS = frozenset(
    Action(s.value) for s in TABLE if s.interval in ("opens", "reaffirms", "closes", "closes_open")
)


def spec(action: str) -> ActionSpec:
    """What the tool knows about an action (an `Action` or its string value)."""
    return _BY_VALUE[str(action)]
