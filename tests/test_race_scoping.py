"""Entities belong to their race and dataset: a second race (tests/millbrook) whose names collide
with the bundled sample's (another Jean Kim, another Stringer, another Garcia)."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.api import entity_registry
from endorsegraph.cli import cli
from endorsegraph.graph import store
from endorsegraph.graph.errors import InputError

MILLBROOK = Path(__file__).parent / "millbrook"
FACTS = MILLBROOK / "facts.csv"
RACE = "millbrook-mayor-2024"


@pytest.fixture(scope="module")
def millbrook():
    return eg.load([MILLBROOK])


def _ids(graph):
    return set(store.registry(graph).entities)


def test_the_sample_is_not_loaded_beside_the_users_sources(millbrook):
    ids = _ids(millbrook)
    assert not ids & {"scott-stringer", "kathryn-garcia", "working-families-party"}
    # "Garcia" and "Stringer" are this race's people; "Green Party" is the alias table's
    assert {r["candidate"] for r in eg.withdrawals(millbrook)} == {"Dana Stringer"}
    assert eg.resolve(millbrook, "Garcia").name == "Luis Garcia"
    kim = eg.entity_profile(millbrook, "Jean Kim")
    assert [t["title"] for t in kim["titles"]] == ["City Council Member"]  # not the NYC lobbyist's


def test_no_source_or_the_word_sample_loads_the_sample():
    default, asked = eg.load(), eg.load(["sample"])
    assert len(eg.withdrawals(default)) == len(eg.withdrawals(asked)) == 18


def test_surnames_and_aliases_never_cross_races(write):
    # Beside the sample, Millbrook's bare "Stringer" is still Dana, and another race's is nobody known.
    other = write(
        "ridgeford.csv",
        "actor,action,target,date,race\n"
        "Sam Ortiz,endorse,Stringer,2024-05-01,ridgeford-council-2024\n"
        "RTU,endorse,Sam Ortiz,2024-05-01,ridgeford-council-2024\n",
    )
    graph = eg.load(["sample", MILLBROOK, other])
    targets = {(f.race, store.registry(graph)[f.target].name) for f in store.event_log(graph)}
    assert (RACE, "Dana Stringer") in targets
    assert ("ridgeford-council-2024", "Stringer") in targets  # a new entity of that race
    assert (RACE, "Scott Stringer") not in targets
    # The RTU alias belongs to the Ridgeford race's union only.
    assert eg.timeline(graph, race="ridgeford-council-2024", endorser="RTU")[0]["actor"] == (
        "Ridgeford Tenants Union"
    )
    leak = write("leak.csv", f"actor,action,target,race\nRTU,endorse,Dana Stringer,{RACE}\n")
    leaked = eg.load([MILLBROOK, leak])
    assert "Ridgeford Tenants Union" not in {r["endorser"] for r in eg.as_of(leaked, "2024-04-20")}


def test_a_full_name_beside_the_sample_is_one_entity_with_a_warning():
    warnings: list[str] = []
    graph = eg.load(["sample", MILLBROOK], warn=warnings.append)
    (warning,) = [w for w in warnings if "also named in the sample" in w]
    assert "facts.csv:7: 'Jean Kim'" in warning and "(jean-kim)" in warning
    accused = {r["target"] for r in eg.timeline(graph, endorser="Jean Kim") if r["action"] == "accuse"}
    assert accused == {"Scott Stringer", "Dana Stringer"}  # merged, as the warning says
    assert len([e for e in store.registry(graph) if e.name == "Jean Kim"]) == 1


def test_an_entities_file_with_races_splits_a_name(write):
    split = write(
        "split.yaml",
        f"""
        entities:
          - {{id: jean-kim-nyc, name: Jean Kim, kind: person, race: nyc-2021, titles: [lobbyist]}}
          - {{id: jean-kim-millbrook, name: Jean Kim, kind: person, race: {RACE}}}
        """,
    )
    graph = eg.load([split, MILLBROOK])
    (accusation,) = [f for f in store.event_log(graph) if f.action.value == "accuse"]
    assert accusation.actor == "jean-kim-millbrook"
    # A record with no race joins the unique entity of its name, and cannot pick between two.
    raceless = write("raceless.csv", "actor,action,target\nPriya Nair,endorse,Jean Kim\n")
    with pytest.raises(InputError, match="'Jean Kim' could mean 2 entities"):
        eg.load([split, MILLBROOK, raceless])
    unique = write("unique.csv", "actor,action,target\nRTU,endorse,Ridgeford Tenants Union\n")
    assert {f.target for f in store.event_log(eg.load([MILLBROOK, unique]))} >= {"ridgeford-tenants-union"}
    assert store.registry(graph)["jean-kim-millbrook"].titles[0].title == "City Council Member"
    assert store.registry(graph)["jean-kim-nyc"].titles[0].title == "lobbyist"


def test_a_full_name_in_two_races_is_one_endorser(write):
    other = write(
        "other.csv", "actor,action,target,date,race\nAna Ruiz,endorse,Sam Ortiz,2024-05-01,ridgeford\n"
    )
    graph = eg.load([MILLBROOK, other])
    assert {e.id for e in store.registry(graph) if e.name == "Ana Ruiz"} == {"ana-ruiz"}
    assert {r["race"] for r in eg.timeline(graph, endorser="Ana Ruiz")} == {RACE, "ridgeford"}


def test_an_alias_table_may_name_an_entity_of_the_facts(millbrook, write):
    assert eg.resolve(millbrook, "Green Party").name == "Millbrook Green Party"
    (greens,) = [r for r in eg.withdrawals(millbrook) if r["endorser"] == "Millbrook Green Party"]
    assert greens["date"] == "2024-04-04"
    nobody = write("aliases.csv", "alias,entity\nNobody,Nobody Known At All\n")
    with pytest.raises(InputError, match=r"aliases.csv:2: entity: no entity named 'Nobody Known At All'"):
        eg.load([nobody, FACTS])


def test_loading_order_does_not_change_the_graph(tmp_path):
    """Issue 14: a bare surname in B resolves the same whether B comes first or last."""
    a = tmp_path / "a.csv"
    b = tmp_path / "b.csv"
    a.write_text(f"actor,action,target,date,race\nTom Becker,endorse,Luis Garcia,2024-03-10,{RACE}\n")
    b.write_text(f"actor,action,target,date,race\nAna Ruiz,endorse,Garcia,2024-03-11,{RACE}\n")

    def shape(graph):
        return sorted((f.id, f.actor, f.target) for f in store.event_log(graph)), sorted(_ids(graph))

    first, second = eg.load([a, b]), eg.load([b, a])
    assert shape(first) == shape(second)
    assert {f.target for f in store.event_log(first)} == {"luis-garcia"}


def test_an_articles_race_comes_from_its_manifest_or_header_else_its_folder(tmp_path):
    results = dict(
        (a.id, (a, x)) for a, x in eg.extract([MILLBROOK / "articles"], registry=entity_registry([MILLBROOK]))
    )
    gazette, extraction = results["gazette_nurses.txt"]
    assert gazette.race == RACE and gazette.outlet == "Harbor Gazette"
    assert {e.race for e in extraction.events} == {RACE}
    times, extraction = results["ridgeford_times.txt"]
    assert (times.race, times.outlet, times.url) == (
        "ridgeford-council-2024",
        "Ridgeford Times",
        "https://ridgeford-times.example/2024/05/02/rtu-ortiz",
    )
    # The RTU alias is the Ridgeford race's: found there, never in the Millbrook article.
    assert [(e.actor, e.target) for e in extraction.events] == [("Ridgeford Tenants Union", "Sam Ortiz")]
    assert "RTU" in gazette.text and not any(
        "Tenants" in e.actor for e in results["gazette_nurses.txt"][1].events
    )
    folder = tmp_path / "unscoped"
    folder.mkdir()
    shutil.copy(MILLBROOK / "articles" / "gazette_nurses.txt", folder)
    ((article, extraction),) = eg.extract([folder])
    assert article.race is None and article.scope == f"folder {folder}"
    assert {e.scope for e in extraction.events} == {article.scope}


def test_extract_and_eval_use_only_the_tables_given(tmp_path):
    runner = CliRunner()
    article = tmp_path / "a.txt"
    article.write_text(" date 2021-04-30 The WFP withdrew its endorsement of Scott Stringer on Friday.\n")
    bare = runner.invoke(cli, ["extract", str(article)])
    assert bare.exit_code == 0 and "Working Families Party" not in bare.stdout
    with_sample = runner.invoke(cli, ["extract", "--source", "sample", str(article)])
    (event,) = [json.loads(line) for line in with_sample.stdout.splitlines()]
    assert event["actor"] == "Working Families Party"
