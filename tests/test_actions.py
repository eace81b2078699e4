"""The actions table is the one place an action is described: everything else follows it."""

from importlib import resources

import pytest

import endorsegraph as eg
from endorsegraph.cypher.push import REL_TYPES, plan
from endorsegraph.cypher.style import grass
from endorsegraph.graph.actions import TABLE, Action, spec
from endorsegraph.outputs.views import ACTION_STYLES
from endorsegraph.queries.named import named_queries


def test_every_row_is_an_action_with_a_type_a_style_and_a_style_sheet_entry():
    assert [a.value for a in Action] == [s.value for s in TABLE]
    sheet = grass()
    for row in TABLE:
        assert REL_TYPES[row.value] == row.cypher_type
        assert ACTION_STYLES[row.value][0] == row.colour
        assert f"relationship.{row.cypher_type} {{\n  color: {row.colour};" in sheet


def test_the_committed_style_sheet_is_the_generated_one():
    committed = resources.files("endorsegraph.queries").joinpath("endorsegraph.grass").read_text()
    assert committed == grass(), (
        "regenerate queries/endorsegraph.grass from endorsegraph.cypher.style.grass()"
    )


def test_relationships_carry_their_action_so_queries_need_no_list_of_types(bundled):
    # timeline.cypher reads r.action and r.action_order: no relationship type is spelled out there.
    text = named_queries()["timeline"].text
    assert not any(row.cypher_type in text for row in TABLE if row.value != "endorse")
    p = plan(bundled, "t")
    for rel, rows in p.relationships.items():
        (row,) = [r for r in TABLE if r.cypher_type == rel]
        assert {(r["props"]["action"], r["props"]["action_order"]) for r in rows} == {
            (row.value, TABLE.index(row))
        }


@pytest.mark.parametrize("row", TABLE, ids=lambda r: r.value)
def test_each_action_pushes_as_its_type_with_roles_from_the_table(tmp_path, row):
    # A second race of the tests' own: every action once, between two people of that race.
    # A candidate's exit is from a race, not from a person.
    actor, target = (
        ("Jean Kim", "2030 Millbrook mayoral primary")
        if row.interval == "ends_all"
        else ("Ana Garcia", "Jean Kim")
    )
    facts = tmp_path / "facts.csv"
    facts.write_text(
        f"actor,action,target,date,source_id\n{actor},{row.value},{target},2030-02-01,test-race\n"
    )
    graph = eg.load([facts])
    p = plan(graph, "t")
    types = set(p.relationships)
    if row.interval == "closes" or row.interval == "reaffirms":
        # a withdrawal or stand-by implies the endorsement it belongs to
        assert types == {row.cypher_type, spec("endorse").cypher_type}
    else:
        assert row.cypher_type in types
    roles = {n: set(d["roles"]) for n, d in graph.nodes(data=True)}
    ids = {d["name"]: n for n, d in graph.nodes(data=True)}
    if row.actor_role:
        assert row.actor_role in roles[ids[actor]]
    if row.target_role:
        assert row.target_role in roles[ids[target]]
