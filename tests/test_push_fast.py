"""The embedded engine's fast pushes write what the MERGE push writes: kglite's bulk loader (for a
graph that holds nothing yet) and CREATE in large batches (for a dataset not yet in the graph) give
the same nodes, labels, relationships and properties (dates as dates), and every named query gives
the same rows. Checked on the tests' own races (Riverton 2025 and Millbrook 2024, whose names
collide with the bundled sample's), loaded together."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import endorsegraph as eg
from endorsegraph.cypher import push as push_module
from endorsegraph.cypher.engines import EmbeddedSession
from endorsegraph.cypher.push import counts, push
from endorsegraph.graph import store
from endorsegraph.queries.named import named_queries

from .test_push import snapshot

TESTS = Path(__file__).parent


class CreatingSession(EmbeddedSession):
    """The embedded engine as it writes a new dataset next to others: CREATE batches."""

    def empty(self) -> bool:
        return False


class MergingSession(CreatingSession):
    """The embedded engine as Neo4j is written to: MERGE batches, even for a new dataset."""

    creates_new_datasets = False


@pytest.fixture(scope="module")
def races():
    return eg.load([TESTS / "races" / "riverton2025.csv", TESTS / "millbrook"], cache=False)


def _recording(session: EmbeddedSession, statements: list[str]) -> EmbeddedSession:
    write = session.write
    session.write = lambda query, params=None: statements.append(query) or write(query, params)
    return session


@pytest.fixture(scope="module")
def sessions(races):
    """The races pushed each way, with the statements each push ran."""
    made = {"bulk": EmbeddedSession(), "create": CreatingSession(), "merge": MergingSession()}
    statements: dict[str, list[str]] = {name: [] for name in made}
    for name, session in made.items():
        push(_recording(session, statements[name]), races, dataset="races")
        del session.write
    return made, statements


def test_each_push_takes_its_own_path(sessions):
    made, statements = sessions
    assert not any(s.startswith("UNWIND") for s in statements["bulk"]), "the bulk loader writes the rows"
    assert any(s.startswith("UNWIND $rows AS row\nCREATE") for s in statements["create"])
    assert not any("MERGE" in s for s in statements["create"] + statements["bulk"])
    assert not any("CREATE (" in s for s in statements["merge"])


@pytest.mark.parametrize("path", ["bulk", "create"])
def test_the_fast_push_writes_what_the_merge_push_writes(sessions, path):
    made, _ = sessions
    assert counts(made[path], "races") == counts(made["merge"], "races")
    assert counts(made[path], "races")["WITHDREW"] >= 21
    assert snapshot(made[path]) == snapshot(made["merge"])


def test_the_bulk_load_keeps_labels_and_value_types(sessions, bundled):
    bulk = sessions[0]["bulk"]
    rows = bulk.read(
        "MATCH (a:Entity)-[e:ENDORSED]->(c:Entity:Person:Candidate) WHERE e.valid_from IS NOT NULL "
        "RETURN labels(a) AS labels, e.valid_from AS day, e.source_ids AS sources ORDER BY day LIMIT 1"
    )
    assert rows and isinstance(rows[0]["day"], dt.date) and "Entity" in rows[0]["labels"]
    assert isinstance(rows[0]["sources"], list) and rows[0]["sources"]
    after = "MATCH ()-[e:ENDORSED]->() WHERE e.valid_from > date('2000-01-01') RETURN count(e) AS n"
    assert bulk.read(after)[0]["n"] > 0, "dates compare as Cypher dates, not text"
    assert bulk.read("MATCH (s:Article) WHERE s.published IS NOT NULL RETURN count(s) AS n")[0]["n"] > 0
    # The bundled sample has ranked endorsements and unranked ones: ranks stay whole numbers.
    nyc = EmbeddedSession()
    push(nyc, bundled, dataset="nyc")
    ranks = nyc.read("MATCH ()-[e:ENDORSED]->() RETURN e.rank AS rank")
    assert {type(r["rank"]) for r in ranks} == {int, type(None)}


def test_pushing_again_merges_and_another_dataset_is_created_beside(races, bundled):
    session = EmbeddedSession()
    first = push(session, races, dataset="races")
    before = snapshot(session)
    statements: list[str] = []
    assert push(_recording(session, statements), races, dataset="races") == first
    assert any("MERGE" in s for s in statements) and snapshot(session) == before
    # The bundled sample beside it: its Garcia and Jean Kim are other nodes than the races' own.
    statements.clear()
    nyc = push(session, bundled, dataset="nyc")
    assert any(s.startswith("UNWIND $rows AS row\nCREATE") for s in statements)
    assert nyc == push(EmbeddedSession(), bundled, dataset="nyc")
    assert counts(session, "races") == first
    garcias = session.read("MATCH (n:Entity) WHERE n.name CONTAINS 'Garcia' RETURN DISTINCT n.dataset AS d")
    assert {row["d"] for row in garcias} == {"races", "nyc"}


def test_a_failed_bulk_load_leaves_the_graph_empty(races, sessions, monkeypatch):
    real = push_module.tables

    def broken(p):
        nodes, relationships = real(p)
        relationships[-1].columns["actor"][-1] = None  # kglite refuses a relationship with no end
        return nodes, relationships

    monkeypatch.setattr(push_module, "tables", broken)
    session = EmbeddedSession()
    with pytest.raises(Exception, match="actor"):
        push(session, races, dataset="races")
    assert session.empty()
    monkeypatch.undo()
    assert push(session, races, dataset="races") == counts(sessions[0]["merge"], "races")


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


@pytest.mark.parametrize("path", ["bulk", "create"])
@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_gives_the_same_rows(sessions, races, name, path):
    made, _ = sessions
    query = named_queries()[name]
    rows = 0
    for given in _params(query, races):
        params = query.bind(given)
        got = [json.dumps(r, sort_keys=True, default=str) for r in made[path].read(query.text, params)]
        want = [json.dumps(r, sort_keys=True, default=str) for r in made["merge"].read(query.text, params)]
        assert got == want, (name, given)
        rows += len(got)
    assert rows, f"{name} gave no rows on the test races: the comparison would prove nothing"
