"""Pushing the graph through the session seam: idempotent, prunable, scoped, scriptable."""

import json
from collections import Counter

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.cli import cli
from endorsegraph.cypher.engines import EmbeddedSession, literal, run_script, script_statements
from endorsegraph.cypher.push import REL_TYPES, counts, dry_run_script, plan, push, statements
from endorsegraph.graph import store


def snapshot(session):
    """Everything in the database, order-free, for comparing two databases."""
    nodes = session.read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    rels = session.read(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b"
    )
    as_text = lambda rows: sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)  # noqa: E731
    return as_text(nodes), as_text(rels)


def expected_counts(graph):
    by_action = Counter(d["action"] for _, _, d in graph.edges(data=True))
    sources = {s.id for f in store.event_log(graph) for s in f.sources}
    return {
        "Entity": graph.number_of_nodes(),
        "Article": len(sources),
        **{rel: by_action.get(action, 0) for action, rel in REL_TYPES.items()},
    }


def test_push_writes_the_graph_and_twice_changes_nothing(bundled):
    session = EmbeddedSession()
    first = push(session, bundled, batch_size=7)
    before = snapshot(session)
    second = push(session, bundled, batch_size=1000)
    assert first == second == expected_counts(bundled)
    assert first["WITHDREW"] == 18 and first["ENDORSED"] == 24
    assert snapshot(session) == before


def test_every_node_and_relationship_carries_the_dataset(bundled):
    session = EmbeddedSession()
    push(session, bundled, dataset="nyc")
    assert session.read("MATCH (n) WHERE n.dataset IS NULL OR n.dataset <> 'nyc' RETURN count(n) AS n") == [
        {"n": 0}
    ]
    assert session.read(
        "MATCH ()-[r]->() WHERE r.dataset IS NULL OR r.dataset <> 'nyc' RETURN count(r) AS n"
    ) == [{"n": 0}]
    labels = session.read("MATCH (n:Entity {id: 'scott-stringer'}) RETURN labels(n) AS l")[0]["l"]
    assert set(labels) == {"Entity", "Person", "Candidate"}
    wfp = session.read("MATCH (n:Entity {id: 'working-families-party'}) RETURN labels(n) AS l")[0]["l"]
    assert set(wfp) == {"Entity", "Organization", "Endorser"}


def test_prune_removes_what_the_sources_no_longer_hold_and_nothing_else(write):
    base = (
        "actor,action,target,date\nA,endorse,B,2021-01-01\nA,withdraw,B,2021-02-01\nC,accuse,B,2021-01-20\n"
    )
    session = EmbeddedSession()
    push(session, eg.load([write("other.csv", "actor,action,target\nX,endorse,Y\n")]), dataset="other")
    other = counts(session, "other")
    full = eg.load([write("f.csv", base)])
    push(session, full, dataset="mine")
    changed = eg.load([write("f.csv", base.replace("C,accuse,B,2021-01-20\n", ""))])
    assert push(session, changed, dataset="mine")["ACCUSED"] == 1  # no --prune: the old one stays
    pruned = push(session, changed, dataset="mine", prune=True)
    assert pruned == expected_counts(changed)
    assert pruned["ACCUSED"] == 0 and pruned["Entity"] == 2  # C is gone with its only event
    assert counts(session, "other") == other  # another dataset is never touched


def test_dry_run_script_builds_the_same_graph(bundled):
    pushed, scripted = EmbeddedSession(), EmbeddedSession()
    push(pushed, bundled)
    text = dry_run_script(bundled, batch_size=10)
    statements = script_statements(text)
    assert "$" not in "".join(statements), "self-contained: no parameters left"
    assert len(statements) == sum(line.endswith(";") for line in text.splitlines()) > 20
    run_script(scripted, text)
    assert snapshot(scripted) == snapshot(pushed)


def test_literals_survive_hostile_text():
    session = EmbeddedSession()
    hostile = "it's a \\ back'slash; with\nline\tbreaks and </script> \u2028 `ticks`"
    value = {"weird key`": [hostile, 1, 2.5, True, None]}
    assert session.read(f"RETURN {literal(value)} AS v") == [{"v": value}]


def test_plan_batches_by_statement(bundled):
    # Every batch is rows of one statement only, no larger than the batch size, and together the
    # batches write each planned row exactly once, in statement groups (nodes before relationships).
    p = plan(bundled)
    assert p.size == sum(expected_counts(bundled).values())
    written = [(text, params["rows"]) for text, params, n in statements(p, batch_size=4, schema=False) if n]
    assert all(0 < len(rows) <= 4 for _, rows in written)
    per_statement: dict[str, list] = {}
    for text, rows in written:
        per_statement.setdefault(text, []).extend(rows)
    order = list(dict.fromkeys(text for text, _ in written))
    assert order == list(per_statement), "the batches of one statement are consecutive"
    assert sum(map(len, per_statement.values())) == p.size
    types = [t for t in order if "]->" in t or "MERGE (a)-[" in t]
    assert types and order.index(types[0]) > max(i for i, t in enumerate(order) if t not in types)
    withdrew = next(rows for text, rows in per_statement.items() if ":WITHDREW" in text)
    assert len(withdrew) == 18 and len({r["id"] for r in withdrew}) == 18


@pytest.fixture
def run():
    def _run(*args, code=0, env=None):
        result = CliRunner(env=env).invoke(cli, list(args))
        assert result.exit_code == code, (result.output, result.stderr)
        return result

    return _run


def test_cli_dry_run_contacts_no_server(run, tmp_path):
    out = tmp_path / "push.cypher"
    result = run("push", "--dry-run", "-o", str(out), env={"NEO4J_URI": "bolt://127.0.0.1:9"})
    assert out.read_text().count("MERGE") > 10 and "cypher-shell" in result.stderr
    session = EmbeddedSession()
    run_script(session, out.read_text())
    assert counts(session, "endorsegraph")["WITHDREW"] == 18
    assert run("push", "--dry-run", code=2).stderr.strip().endswith("--dry-run needs -o FILE.cypher")


def test_cli_unreachable_server_is_one_line(run):
    result = run("push", "--uri", "bolt://127.0.0.1:9", code=1, env={"NEO4J_PASSWORD": "secret"})
    (line,) = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]
    assert line.startswith("error: cannot reach Neo4j at bolt://127.0.0.1:9")
    assert "secret" not in result.output


def test_cli_password_never_comes_from_argv(run):
    result = run("push", "--password", "x", code=2)
    assert "No such option '--password'" in result.stderr
    missing = run("push", "--uri", "bolt://127.0.0.1:9", code=1, env={"NEO4J_PASSWORD": None})
    assert "set NEO4J_PASSWORD" in missing.stderr


def test_cli_rejects_unknown_uri_schemes(run):
    result = run("push", "--uri", "http://localhost:7474", code=1, env={"NEO4J_PASSWORD": "x"})
    assert "unsupported Neo4j URI 'http://localhost:7474'" in result.stderr
