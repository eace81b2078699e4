"""Name resolution: case, accents, punctuation, aliases, surnames; ambiguity is an error."""

import pytest

import endorsegraph as eg
from endorsegraph.graph import store
from endorsegraph.graph.entities import Entity, Registry, Title
from endorsegraph.graph.errors import InputError


def test_aliases_and_normalization_resolve_on_the_bundled_data(bundled):
    assert eg.resolve(bundled, "WFP").id == "working-families-party"
    assert eg.resolve(bundled, "new york working families party").name == "Working Families Party"
    assert eg.resolve(bundled, "  SCOTT   stringer ").id == "scott-stringer"
    assert eg.resolve(bundled, "José Serrano").id == "jose-serrano"  # accent-insensitive
    assert eg.resolve(bundled, "Andrew Como").id == "andrew-cuomo"  # the alias table
    assert eg.resolve(bundled, "Stringer").id == "scott-stringer"  # a unique surname
    assert eg.resolve(bundled, "working-families-party").id == "working-families-party"  # an id


def test_unknown_name_lists_close_matches(bundled):
    with pytest.raises(eg.UnknownName) as info:
        eg.resolve(bundled, "Scot Stringr")
    assert info.value.suggestions[0] == "Scott Stringer"
    assert "did you mean: Scott Stringer" in str(info.value)


def _two_serranos() -> Registry:
    registry = Registry()
    registry.add(Entity("jose-m-serrano", "José M. Serrano", "person", [Title("State Senator")]))
    registry.add(Entity("jose-e-serrano", "José E. Serrano", "person", [Title("U.S. Representative")]))
    registry.add_alias("Jose Serrano", "jose-m-serrano")
    registry.add_alias("Jose Serrano", "jose-e-serrano")
    return registry


def test_ambiguous_name_and_surname_list_the_candidates():
    registry = _two_serranos()
    for name in ("Jose Serrano", "Serrano", "serrano"):
        with pytest.raises(eg.AmbiguousName) as info:
            registry.resolve(name)
        assert [e.id for e in info.value.candidates] == ["jose-e-serrano", "jose-m-serrano"]
        assert "State Senator" in str(info.value) and "use the id" in str(info.value)
    assert registry.resolve("jose-e-serrano").name == "José E. Serrano"


def test_ambiguous_name_in_a_facts_file_is_an_error_not_a_merge(write):
    entities = write(
        "entities.yaml",
        """
        entities:
          - {id: jose-m-serrano, name: Jose M. Serrano, kind: person, aliases: [Jose Serrano]}
          - {id: jose-e-serrano, name: Jose E. Serrano, kind: person, aliases: [Jose Serrano]}
        """,
    )
    facts = write("f.csv", "actor,action,target\nJose Serrano,endorse,Scott Stringer\n")
    with pytest.raises(InputError) as info:
        eg.load([eg.bundled_dataset() / "entities.yaml", entities, facts])
    (problem,) = info.value.problems
    # The bundled entity table knows a third: the State Senator of the 2021 joint statement.
    assert problem.startswith(f"{facts}:2: actor: 'Jose Serrano' could mean 3 entities")
    for entity_id in ("jose-e-serrano", "jose-m-serrano", "jose-serrano"):
        assert entity_id in problem
    by_id = write("g.csv", "actor,action,target\njose-e-serrano,endorse,Scott Stringer\n")
    graph = eg.load([eg.bundled_dataset() / "entities.yaml", entities, by_id])
    assert eg.withdrawals(graph) == [] and "jose-e-serrano" in graph


def test_kind_from_facts_must_agree_with_the_entities_file(write):
    facts = write("f.csv", "actor,actor_kind,action,target\nWFP,union,endorse,Scott Stringer\n")
    with pytest.raises(InputError, match=r"f.csv:2: actor: 'WFP' is a party, not a union"):
        eg.load(["sample", facts])


def test_titles_with_dates(bundled):
    stringer = store.registry(bundled)["scott-stringer"]
    import datetime as dt

    assert stringer.title_on(dt.date(2010, 1, 1)) == "Manhattan Borough President"
    assert stringer.title_on(dt.date(2021, 4, 28)) == "NYC Comptroller"


def test_roles_follow_from_events(bundled):
    assert bundled.nodes["scott-stringer"]["roles"] == ["candidate"]
    assert bundled.nodes["jean-kim"]["roles"] == ["accuser"]
    assert bundled.nodes["working-families-party"]["roles"] == ["endorser"]
