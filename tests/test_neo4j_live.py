"""Against a real Neo4j: run when NEO4J_URI is set (with NEO4J_PASSWORD), skipped otherwise.

Uses its own dataset marker and removes it afterwards, so it never touches other data.
"""

import datetime as dt
import json
import os
import uuid

import pytest

import endorsegraph as eg
from endorsegraph.cypher.engines import Neo4jSession, Neo4jSettings
from endorsegraph.cypher.push import counts, push
from endorsegraph.queries.named import named_queries
from tests.test_cypher_queries import cypher_columns

pytestmark = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="NEO4J_URI is not set: no Neo4j server to test against (set NEO4J_URI and NEO4J_PASSWORD)",
)


@pytest.fixture(scope="module")
def neo4j_session():
    settings = Neo4jSettings.from_environment()
    with Neo4jSession(settings) as session:
        yield session


@pytest.fixture
def dataset(neo4j_session):
    name = f"endorsegraph-test-{uuid.uuid4().hex[:8]}"
    yield name
    neo4j_session.write("MATCH (n) WHERE n.dataset = $d DETACH DELETE n", {"d": name})


def test_push_twice_and_prune(neo4j_session, dataset, bundled, write):
    first = push(neo4j_session, bundled, dataset=dataset, batch_size=10)
    assert push(neo4j_session, bundled, dataset=dataset) == first
    assert first["WITHDREW"] == 18
    smaller = eg.load([write("f.csv", "actor,action,target,date\nA,withdraw,B,2021-02-01\n")])
    pruned = push(neo4j_session, smaller, dataset=dataset, prune=True)
    assert pruned["WITHDREW"] == 1 and pruned["Entity"] == 2
    assert counts(neo4j_session, dataset) == pruned


def test_named_queries_equal_the_reports(neo4j_session, dataset, bundled):
    push(neo4j_session, bundled, dataset=dataset)
    queries = named_queries()
    rows = neo4j_session.read(queries["who_withdrew_when"].text, {"candidate": "Scott Stringer"})
    assert json.loads(json.dumps(rows, default=str)) == cypher_columns(
        eg.withdrawals(bundled, candidate="Scott Stringer")
    )
    on = dt.date(2021, 5, 2)
    rows = neo4j_session.read(queries["endorsements_as_of"].text, {"on": on, "candidate": "Dianne Morales"})
    assert json.loads(json.dumps(rows, default=str)) == cypher_columns(
        eg.as_of(bundled, on, candidate="Dianne Morales")
    )
