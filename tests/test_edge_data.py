"""An edge's attributes are read from its interval or fact on access (graph/edges.py): the same keys,
in the same order, with the same values a dict made at build time held, on the second race
(tests/races) whose names collide with the sample's."""

from __future__ import annotations

from endorsegraph.graph.store import event_log

INTERVAL_KEYS = ["action", "endorsement", "valid_from", "valid_to", "rank", "implied", "facts", "sources"]
FACT_KEYS = ["action", "inferred_from", "fact", "endorsement", "span", "rank", "facts", "sources"]


def test_every_edge_has_the_keys_and_values_of_its_interval_or_fact(riverton):
    edges = list(riverton.edges(keys=True, data=True))
    assert len(edges) > 30
    for _, _, key, data in edges:
        plain = dict(data)
        assert list(data) == list(plain) == list(data.keys())
        assert len(data) == len(plain) and data == plain and plain == data.copy()
        assert type(data.copy()) is dict and data.get("no such key") is None
        if data["action"] == "endorse":
            e = data["endorsement"]
            assert list(plain) == INTERVAL_KEYS and "fact" not in data and "span" not in data
            assert key == f"endorse/{e.id}"
            assert (data["valid_from"], data["valid_to"], data["rank"]) == (e.start, e.end, e.rank)
            assert data["facts"] == [f.id for f in e.facts] and data["sources"] == e.source_ids
        else:
            fact = data["fact"]
            assert list(plain) == FACT_KEYS and "valid_from" not in data
            assert key == f"{data['action']}/{fact.id}" and data["span"] is fact.span
            assert data["facts"] == [fact.id] and data["sources"] == fact.source_ids
            assert data["inferred_from"] is None  # no opposition in this race
            interval = data["endorsement"]
            expected = interval.rank if interval is not None and fact.rank is None else fact.rank
            assert data["rank"] == expected


def test_an_interval_edge_lists_every_fact_behind_it(riverton):
    """The teachers' union endorsed Maria Garcia and stood by her: one edge, both facts."""
    union = next(n for n, d in riverton.nodes(data=True) if d["name"] == "Riverton Teachers Union")
    garcia = next(n for n, d in riverton.nodes(data=True) if d["name"] == "Maria Garcia")
    (data,) = [d for d in riverton.get_edge_data(union, garcia).values() if d["action"] == "endorse"]
    by_id = {f.id: f for f in event_log(riverton)}
    assert [by_id[f].action.value for f in data["facts"]] == ["endorse", "stand_by"]
    assert data["sources"] == ["riverton-ledger-jan", "riverton-ledger"]


def test_edge_data_takes_writes_as_a_dict_does(facts):
    """Users annotate edges and networkx's add_edge updates an existing edge's attributes."""
    graph = facts(
        """
        Riverton Teachers Union,endorse,Maria Garcia,2025-01-20,,,
        Riverton Teachers Union,withdraw,Maria Garcia,2025-03-12,,,
        """
    )
    (u, v, key, data), (_, _, other_key, other) = sorted(graph.edges(keys=True, data=True))
    before = dict(data)
    data["weight"] = 2.5
    graph.add_edge(u, v, key=key, rank=9)
    del data["implied"]
    assert graph.edges[u, v, key] is data
    assert dict(data) == {**{k: x for k, x in before.items() if k != "implied"}, "rank": 9, "weight": 2.5}
    assert list(data)[-1] == "weight" and data.get("implied", "gone") == "gone"
    assert other["rank"] is None and "weight" not in other  # the other edge is untouched
    copied = graph.copy()
    assert type(copied.edges[u, v, key]) is dict and copied.edges[u, v, key] == dict(data)
    assert copied.edges[u, v, other_key] == dict(other)


def test_opposition_that_ended_an_endorsement_is_its_withdrawal(facts):
    graph = facts(
        """
        Riverton Teachers Union,endorse,Maria Garcia,2025-01-20,,,
        Riverton Teachers Union,oppose,Maria Garcia,2025-03-12,,,
        Jean Kim,oppose,Maria Garcia,2025-03-13,,,
        """
    )
    rows = {
        (graph.nodes[u]["name"], d["action"], d["inferred_from"])
        for u, _, d in graph.edges(data=True)
        if d["action"] != "endorse"
    }
    assert rows == {("Riverton Teachers Union", "withdraw", "oppose"), ("Jean Kim", "oppose", None)}
