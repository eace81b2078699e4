"""`export`: GraphML, GEXF, node-link JSON and neo4j-admin CSV read back with the same nodes, edges
and attributes (dates, ranks, lists of sources), on the bundled sample with third-party sources and
a second race of the tests' own."""

import csv
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph import api
from endorsegraph.cli import cli
from endorsegraph.outputs.exports import decode, export, neo4j_files, portable

PAGE = Path(__file__).parent / "wikipedia" / "2030_Millbrook_mayoral_election.wikitext"
BROOKS = "actor,action,target,date,source_id\nDonald Trump,endorse,Mo Brooks,2021-04-07,trump-brooks-2021\n"
CREDITS = ["Wikipedia, CC BY-SA 4.0", "FiveThirtyEight, CC BY 4.0"]


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    brooks = tmp_path_factory.mktemp("facts") / "brooks.csv"
    brooks.write_text(BROOKS)
    rep = api.fivethirtyeight("2022") / "rep_candidates.csv"
    return eg.load([*api.sample_files(), rep, brooks, PAGE])


def without_none(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None}


def edges(g: nx.MultiDiGraph, drop=()) -> dict:
    return {
        (u, v, k): {a: x for a, x in d.items() if a not in drop}
        for u, v, k, d in g.edges(keys=True, data=True)
    }


def test_the_portable_graph_keeps_everything_a_journalist_checks(graph):
    p = portable(graph)
    assert (p.number_of_nodes(), p.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    assert sorted(p.graph["credits"]) == sorted(CREDITS)
    brooks = next(
        d for u, v, d in p.edges(data=True) if d["action"] == "endorse" and v.startswith("mo-brooks.")
    )
    assert (brooks["valid_from"], brooks["valid_to"], brooks["ended_by"]) == (
        "2021-04-07",
        "2022-03-23",
        "withdraw",
    )
    assert brooks["sources"] == ["trump-brooks-2021", "rep_candidates.csv:490 [FiveThirtyEight, CC BY 4.0]"]
    assert brooks["credits"] == ["FiveThirtyEight, CC BY 4.0"]
    withdrawal = next(
        d for u, v, d in p.edges(data=True) if d["action"] == "withdraw" and v.startswith("mo-brooks.")
    )
    assert (withdrawal["inferred_from"], withdrawal["relationship_type"]) == ("oppose", "WITHDREW")
    ranked = [d["rank"] for *_, d in p.edges(data=True) if d["rank"] is not None]
    assert ranked and all(isinstance(r, int) for r in ranked)


def test_node_link_json_reads_back_the_same(graph, tmp_path):
    counts = export(graph, "json", tmp_path / "g.json")
    back = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text()), edges="links")
    p = portable(graph)
    assert counts == {"nodes": p.number_of_nodes(), "edges": p.number_of_edges()}
    assert dict(back.nodes(data=True)) == dict(p.nodes(data=True))
    assert edges(back) == edges(p) and back.graph["credits"] == p.graph["credits"]


def test_graphml_reads_back_the_same(graph, tmp_path):
    export(graph, "graphml", tmp_path / "g.graphml")
    back = decode(nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True))
    p = portable(graph)
    assert {n: d for n, d in back.nodes(data=True)} == {n: without_none(d) for n, d in p.nodes(data=True)}
    assert edges(back) == {k: without_none(d) for k, d in edges(p).items()}
    assert json.loads(back.graph["credits"]) == p.graph["credits"]
    assert json.loads(back.graph["list_attributes"]) == [
        "roles",
        "aliases",
        "titles",
        "facts",
        "sources",
        "credits",
    ]


def test_gexf_reads_back_the_same_and_plays_the_intervals(graph, tmp_path):
    export(graph, "gexf", tmp_path / "g.gexf")
    text = (tmp_path / "g.gexf").read_text()
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    back = decode(nx.read_gexf(tmp_path / "g.gexf"))
    p = portable(graph)
    nodes = {n: {k: v for k, v in d.items() if k != "label"} for n, d in back.nodes(data=True)}
    assert nodes == {n: without_none(d) for n, d in p.nodes(data=True)}
    assert edges(back, drop=("start", "end")) == {k: without_none(d) for k, d in edges(p).items()}
    brooks = next(
        d for u, v, d in back.edges(data=True) if d["action"] == "endorse" and v.startswith("mo-brooks.")
    )
    assert (brooks["start"], brooks["end"]) == ("2021-04-07", "2022-03-23")
    # A start known only as a bound plays from the day it certainly held: by 2030-02-10.
    lopez = next(d for u, v, d in back.edges(data=True) if u == "maria-lopez-politician")
    assert (lopez["start"], "end" in lopez) == ("2030-02-10", False)
    assert "FiveThirtyEight, CC BY 4.0" in back.graph["name"]


# neo4j-admin database import: "name:type" with the types of the documented CSV header format.
_TYPES = (
    "int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime"
    "|duration"
)
_FIELD = re.compile(
    rf"^(?:(?P<key>[^:]+):ID(?:\((?P<space>\w+)\))?|:LABEL|:TYPE|:(?:START|END)_ID(?:\((?P<ref>\w+)\))?"
    rf"|(?P<prop>[^:]+):(?P<type>{_TYPES})(?P<array>\[\])?)$"
)


def test_neo4j_csv_has_the_documented_headers_and_reads_back(graph, tmp_path):
    out = tmp_path / "neo4j"
    export(graph, "neo4j-csv", out)
    files = sorted(p.name for p in out.iterdir())
    assert files[:3] == ["articles.csv", "entities.csv", "import.sh"]
    script = (out / "import.sh").read_text()
    assert "neo4j-admin database import full --array-delimiter=U+003B --nodes=import/entities.csv" in script
    assert "FiveThirtyEight, CC BY 4.0" in script
    tables = {}
    for name in files:
        if name.endswith(".csv"):
            with open(out / name, newline="", encoding="utf-8") as handle:
                header, *rows = list(csv.reader(handle))
            for field in header:
                assert _FIELD.match(field), f"{name}: {field!r} is not a neo4j-admin header field"
            tables[name] = [dict(zip(header, row, strict=True)) for row in rows]
    entities = tables["entities.csv"]
    assert {r["id:ID(Entity)"] for r in entities} == set(graph.nodes)
    trump = next(r for r in entities if r["id:ID(Entity)"] == "donald-trump")
    assert (
        trump[":LABEL"].split(";") == ["Entity", "Person", "Endorser"]
        and trump["roles:string[]"] == "endorser;opponent"
    )
    rebuilt = {
        (r[":START_ID(Entity)"], r[":END_ID(Entity)"], r[":TYPE"], r["id:string"]): r
        for name, rows in tables.items()
        if name.startswith("relationships_")
        for r in rows
    }
    p = portable(graph)
    assert set(rebuilt) == {(u, v, d["relationship_type"], d["id"]) for u, v, d in p.edges(data=True)}
    for u, v, d in p.edges(data=True):
        row = rebuilt[(u, v, d["relationship_type"], d["id"])]
        assert row["source_ids:string[]"].split(";") == d["sources"]
        assert row["rank:long"] == ("" if d["rank"] is None else str(d["rank"]))
        day = d.get("valid_from", d.get("date"))
        assert row.get("valid_from:date", row.get("date:date")) == (day or "")


def test_cli_export_and_its_errors(tmp_path, bundled):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--format", "graphml", "-o", str(tmp_path / "nyc.graphml")])
    assert result.exit_code == 0 and f"wrote {bundled.number_of_nodes()} nodes" in result.stderr
    back = nx.read_graphml(tmp_path / "nyc.graphml", force_multigraph=True)
    assert back.number_of_edges() == bundled.number_of_edges()
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("mine")
    result = runner.invoke(cli, ["export", "--format", "neo4j-csv", "-o", str(tmp_path / "full")])
    assert result.exit_code == 2 and "is not an empty folder" in result.stderr
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["keep.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".full.")]  # nothing half-written
    bad = tmp_path / "bad.csv"
    bad.write_text("actor,action,target,date\nA,endorse,B,2030-02-30\n")
    result = runner.invoke(
        cli, ["export", "--format", "json", "-o", str(tmp_path / "x.json"), "--source", str(bad)]
    )
    assert result.exit_code == 1 and f"error: {bad}:2: date '2030-02-30' is not a real day" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_a_list_value_holding_the_delimiter_moves_the_delimiter(write):
    facts = write(
        "facts.csv",
        "actor,action,target,date,source_id\nAna Garcia,endorse,Jean Kim,2030-01-01,a;b\n",
    )
    files = neo4j_files(eg.load([facts]))
    assert "--array-delimiter=U+007C" in files["import.sh"]
    assert "a;b" in files["relationships_ENDORSED.csv"]


def test_a_credit_column_in_a_facts_file_travels_into_exports(write, tmp_path):
    facts = write(
        "facts.csv",
        "actor,action,target,date,source_id,credit\nAna Garcia,endorse,Jean Kim,2030-01-01,tracker-row-7,"
        "Millbrook Data Desk (CC BY 4.0)\n",
    )
    export(eg.load([facts]), "json", tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text())
    assert data["graph"]["credits"] == ["Millbrook Data Desk (CC BY 4.0)"]
    assert [link["credits"] for link in data["links"]] == [["Millbrook Data Desk (CC BY 4.0)"]]
