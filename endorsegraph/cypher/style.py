"""The Neo4j Browser style sheet (GraSS) for pushed graphs: colours by kind and role, and one
relationship style per row of the actions table (`queries/endorsegraph.grass` is this, written out)."""

from __future__ import annotations

from ..graph.actions import TABLE, ActionSpec

__all__ = ["grass"]

_NODES = """\
node {
  diameter: 50px;
  color: #A5ABB6;
  border-color: #9AA1AC;
  border-width: 2px;
  text-color-internal: #FFFFFF;
  font-size: 10px;
  caption: '{name}';
}
relationship {
  color: #A5ABB6;
  shaft-width: 1px;
  font-size: 8px;
  padding: 3px;
  text-color-external: #000000;
  text-color-internal: #FFFFFF;
  caption: '<type>';
}
node.Person {
  color: #68BDF6;
  border-color: #5CA8DB;
  caption: '{name}';
}
node.Organization {
  color: #6DCE9E;
  border-color: #60B58B;
  caption: '{name}';
}
node.Race {
  color: #DE9BF9;
  border-color: #BF85D6;
  caption: '{name}';
}
node.Accuser {
  color: #FFD86E;
  border-color: #EDBA39;
  text-color-internal: #604A0E;
  caption: '{name}';
}
node.Candidate {
  diameter: 80px;
  color: #FB95AF;
  border-color: #E0849B;
  caption: '{name}';
}
node.Article {
  diameter: 30px;
  color: #DDDDDD;
  border-color: #BBBBBB;
  text-color-internal: #333333;
  caption: '{id}';
}
"""


def _relationship(action: ActionSpec) -> str:
    # The endorsement edge carries its interval; every other edge its date.
    caption = "{valid_from}" if action.interval == "opens" else "{date}"
    heavy = action.interval in ("opens", "closes") or action.actor_role == "accuser"
    return (
        f"relationship.{action.cypher_type} {{\n"
        f"  color: {action.colour};\n"
        f"  shaft-width: {3 if heavy else 2}px;\n"
        f"  caption: '{caption}';\n"
        "}\n"
    )


def grass() -> str:
    """The whole style sheet."""
    return _NODES + "".join(_relationship(a) for a in TABLE)


if __name__ == "__main__":  # python -m endorsegraph.cypher.style > queries/endorsegraph.grass
    print(grass(), end="")
