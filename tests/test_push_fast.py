"""The embedded engine's fast push (CREATE in large batches, for a dataset not yet in the graph)
writes what the MERGE push writes: the same nodes, relationships and properties, and every named
query gives the same rows. Checked on the tests' own races (Riverton 2025 and Millbrook 2024, whose
names collide with the bundled sample's), loaded together."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import endorsegraph as eg
from endorsegraph.cypher.engines import EmbeddedSession
from endorsegraph.cypher.push import counts, push
from endorsegraph.graph import store
from endorsegraph.queries.named import named_queries

from .test_push import snapshot

TESTS = Path(__file__).parent


class MergingSession(EmbeddedSession):
    """The embedded engine as Neo4j is written to: MERGE batches, even for a new dataset."""

    creates_new_datasets = False


@pytest.fixture(scope="module")
def races():
    return eg.load([TESTS / "races" / "riverton2025.csv", TESTS / "millbrook"], cache=False)


@pytest.fixture(scope="module")
def sessions(races):
    fast, merged = EmbeddedSession(), MergingSession()
    statements: dict[str, list[str]] = {"fast": [], "merged": []}
    for name, session in (("fast", fast), ("merged", merged)):
        write = session.write
        session.write = lambda query, params=None, w=write, n=name: (
            statements[n].append(query) or w(query, params)
        )
        push(session, races, dataset="races")
        del session.write
    return fast, merged, statements


def test_a_new_dataset_is_created_and_an_existing_one_merged(sessions, races):
    fast, merged, statements = sessions
    assert any(s.startswith("UNWIND $rows AS row\nCREATE") for s in statements["fast"])
    assert not any("MERGE" in s for s in statements["fast"])
    assert not any("CREATE (" in s for s in statements["merged"])
    # Pushing again onto a dataset the fast push wrote merges: nothing is written twice.
    session = EmbeddedSession()
    push(session, races, dataset="races")
    before = snapshot(session)
    assert push(session, races, dataset="races") == counts(merged, "races")
    assert snapshot(session) == before


def test_the_fast_push_writes_what_the_merge_push_writes(sessions, races):
    fast, merged, _ = sessions
    assert counts(fast, "races") == counts(merged, "races")
    assert counts(fast, "races")["WITHDREW"] >= 21
    assert snapshot(fast) == snapshot(merged)


def _params(query, races) -> list[dict]:
    """Parameters worth running each named query with on these races."""
    registry = store.registry(races)
    candidates = [registry.resolve("Maria Garcia").id, registry.resolve("Dana Stringer").id]
    names = {p.name for p in query.params}
    if "event_id" in names:
        return [{"event_id": f.id} for f in list(store.event_log(races))[:5]]
    if "on" in names:
        return [{"on": dt.date(2025, 3, 1)}, {"on": dt.date(2024, 4, 1), "candidate": candidates[1]}]
    if "name" in names:
        return [{"name": c} for c in candidates]
    if "candidate" in names:
        optional = next(p.optional for p in query.params if p.name == "candidate")
        return [{"candidate": c} for c in candidates] + ([{}] if optional else [])
    return [{}]


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_gives_the_same_rows(sessions, races, name):
    fast, merged, _ = sessions
    query = named_queries()[name]
    rows = 0
    for given in _params(query, races):
        params = query.bind(given)
        got = [json.dumps(r, sort_keys=True, default=str) for r in fast.read(query.text, params)]
        want = [json.dumps(r, sort_keys=True, default=str) for r in merged.read(query.text, params)]
        assert got == want, (name, given)
        rows += len(got)
    assert rows, f"{name} gave no rows on the test races: the comparison would prove nothing"
