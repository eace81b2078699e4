"""The cache of loaded sources and of extracted articles: keyed by content, never stale, bypassed
by --no-cache, the same graph as a load without it. On a second race (Springfield 2024) whose
names collide with the bundled NYC sample's: another Garcia, another Jean Kim."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.cli import cli
from endorsegraph.loaders import extract as extract_module
from endorsegraph.queries.filters import BadFilter

from .canonical import canonical_dump

RACE = """\
actor,actor_kind,action,target,target_kind,date,not_before,not_after,rank,source_id
Springfield Teachers Union,union,endorse,Ana Garcia,person,2024-03-01,,,1,sj-1
Springfield Teachers Union,union,endorse,Leo Garcia,person,2024-03-01,,,2,sj-1
Jean Kim,person,accuse,Ana Garcia,person,2024-03-28,,,,sj-2
Springfield Teachers Union,union,withdraw,Ana Garcia,person,2024-04-02,,,,sj-3
Riverside Nurses,union,stand_by,Ana Garcia,person,,2024-04-03,2024-04-05,,sj-4
"""


@pytest.fixture
def race(tmp_path: Path) -> Path:
    folder = tmp_path / "springfield"
    folder.mkdir()
    (folder / "facts.csv").write_text(RACE, encoding="utf-8")
    return folder


def _withdrawal_day(graph) -> str:
    (row,) = eg.withdrawals(graph, candidate="Ana Garcia")
    return row["date"]


def _entries(private_cache: Path) -> list[Path]:
    return sorted((private_cache / "endorsegraph" / "graphs").glob("*.sqlite"))


def test_a_changed_file_is_never_served_stale(race: Path, private_cache: Path):
    facts = race / "facts.csv"
    first = eg.load([race])
    assert _withdrawal_day(first) == "2024-04-02"
    assert _withdrawal_day(eg.load([race])) == "2024-04-02"  # read back from the cache
    stat = facts.stat()
    # Same length, same modification time: only the content tells the change.
    facts.write_text(RACE.replace("2024-04-02", "2024-04-09"), encoding="utf-8")
    os.utime(facts, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert facts.stat().st_size == stat.st_size
    assert _withdrawal_day(eg.load([race])) == "2024-04-09"
    facts.write_text(RACE, encoding="utf-8")
    assert _withdrawal_day(eg.load([race])) == "2024-04-02"


def test_an_added_file_is_read(race: Path):
    before = eg.load([race])
    assert len(eg.withdrawals(before)) == 1
    (race / "more.csv").write_text(
        "actor,action,target,date,source_id\n"
        "Springfield Teachers Union,withdraw,Leo Garcia,2024-04-20,sj-5\n",
        encoding="utf-8",
    )
    after = eg.load([race])
    assert [r["candidate"] for r in eg.withdrawals(after)] == ["Ana Garcia", "Leo Garcia"]


def test_the_cached_graph_is_the_graph(race: Path, private_cache: Path):
    uncached = canonical_dump(eg.load([race], cache=False))
    cold = canonical_dump(eg.load([race]))
    entries = _entries(private_cache)
    assert entries, "the load wrote a cache entry"
    warm = canonical_dump(eg.load([race]))
    assert uncached == cold == warm
    # The bundled dataset too: entities with titles and aliases, bounded dates, merged reports.
    assert canonical_dump(eg.load(cache=False)) == canonical_dump(eg.load()) == canonical_dump(eg.load())


def test_cache_is_sqlite_columns_not_a_pickle(race: Path, private_cache: Path):
    import sqlite3

    shutil.rmtree(private_cache / "endorsegraph" / "graphs", ignore_errors=True)
    eg.load([race])
    (entry,) = _entries(private_cache)
    db = sqlite3.connect(entry)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"entities", "sources", "facts", "reports"} <= tables
    assert db.execute("SELECT count(*) FROM reports WHERE target = 'Ana Garcia'").fetchone()[0] == 4


def test_no_cache_reads_the_sources_and_writes_nothing(race: Path, private_cache: Path, tmp_path: Path):
    folder = private_cache / "endorsegraph" / "graphs"
    shutil.rmtree(folder, ignore_errors=True)
    runner = CliRunner()
    result = runner.invoke(cli, ["withdrawals", "--source", str(race), "--no-cache", "--csv"])
    assert result.exit_code == 0, result.output
    assert "Ana Garcia" in result.output
    assert not list(folder.glob("*.sqlite"))
    result = runner.invoke(cli, ["withdrawals", "--source", str(race), "--csv"])
    assert result.exit_code == 0 and len(list(folder.glob("*.sqlite"))) == 1


def test_adding_one_article_extracts_that_one(tmp_path: Path, monkeypatch):
    articles = tmp_path / "articles"
    shutil.copytree(Path(__file__).parent / "articles", articles, ignore=shutil.ignore_patterns("*.jsonl"))
    calls: list[str] = []
    original = extract_module.Extractor.extract

    def counting(self, article):
        calls.append(article.id)
        return original(self, article)

    monkeypatch.setattr(extract_module.Extractor, "extract", counting)
    first = eg.extract([articles], jobs=1)
    assert len(calls) == len(first) > 5
    calls.clear()
    again = eg.extract([articles], jobs=1)
    assert calls == [] and [x.events for _, x in again] == [x.events for _, x in first]
    (articles / "z_new.txt").write_text(
        "date 2024-04-10\n\nThe Springfield Teachers Union endorsed Ana Garcia on Tuesday.\n",
        encoding="utf-8",
    )
    eg.extract([articles], jobs=1)
    assert calls == ["z_new.txt"]
    calls.clear()
    eg.extract([articles], jobs=1, cache=False)
    assert len(calls) == len(first) + 1


def test_race_scoped_names_survive_the_cache(tmp_path: Path, private_cache: Path):
    """Issue 10's scoping is in the registry the cache stores: entities' races, aliases per race,
    who is named in full where. Read back, a surname and an alias still resolve in their race only."""
    millbrook = Path(__file__).parent / "millbrook"
    ridgeford = tmp_path / "ridgeford.csv"
    ridgeford.write_text(
        "actor,action,target,date,race\n"
        "Sam Ortiz,endorse,Stringer,2024-05-01,ridgeford-council-2024\n"
        "RTU,endorse,Sam Ortiz,2024-05-01,ridgeford-council-2024\n",
        encoding="utf-8",
    )
    shutil.rmtree(private_cache / "endorsegraph" / "graphs", ignore_errors=True)
    sources = ["sample", millbrook, ridgeford]
    fresh = eg.load(sources, cache=False)
    eg.load(sources)  # cold: built, then cached
    assert len(_entries(private_cache)) == 1
    warm = eg.load(sources)  # read back
    assert canonical_dump(warm) == canonical_dump(fresh)
    registry = warm.graph["registry"]
    assert registry.resolve("RTU", "ridgeford-council-2024").name == "Ridgeford Tenants Union"
    assert registry.resolve("Stringer", "millbrook-mayor-2024").name == "Dana Stringer"
    assert registry.resolve("Stringer", "ridgeford-council-2024").race == "ridgeford-council-2024"
    with pytest.raises(LookupError):
        registry.resolve("RTU", "millbrook-mayor-2024")


SPRINGFIELD_MORE = """\
actor,actor_kind,action,target,target_kind,date,not_before,not_after,rank,group,source_id
Springfield Teachers Union,union,endorse,Ada Park,person,2024-03-05,,,3,,sj-5
Harbor Workers,union,endorse,Leo Garcia,person,2024-03-02,,,1,slate-1,sj-6
Harbor Workers,union,endorse,Ana Garcia,person,2024-03-02,,,2,slate-1,sj-6
Harbor Workers,union,oppose,Leo Garcia,person,2024-04-06,,,,,sj-7
Jean Kim,person,endorse,Leo Garcia,person,,2024-02-01,2024-02-20,,,sj-8
Leo Garcia,person,exit_race,Springfield Mayor,race,2024-04-20,,,,,sj-9
Leo Garcia,person,endorse,Ada Park,person,2024-04-21,,,,,sj-9
Ada Park,person,exit_race,Springfield Mayor,race,2024-05-01,,,,,sj-10
Jean Kim,person,accuse,Leo Garcia,person,2024-04-01,,,,,sj-11
"""


def test_reports_about_candidates_read_back_only_what_they_need(race: Path, private_cache: Path):
    """A load about some candidates, served from the cache, reads only their facts, their
    endorsers' facts and the exits those name; every report narrowed to them gives the rows of
    the full graph (with the sample and another race whose names collide)."""
    (race / "more.csv").write_text(SPRINGFIELD_MORE, encoding="utf-8")
    sources = ["sample", race, Path(__file__).parent / "races" / "riverton2025.csv"]
    full = eg.load(sources, cache=False)
    eg.load(sources)  # cold: built, then cached
    days = ("2021-05-01", "2024-03-10", "2024-04-10", "2024-04-25", "2025-03-12")
    for names in (["Ana Garcia"], ["Leo Garcia"], ["Ada Park", "Maria Garcia"], ["Scott Stringer"]):
        about = eg.load(sources, candidates=names)
        assert 0 < about.number_of_edges() < full.number_of_edges(), names  # only what they need
        for report in (eg.withdrawals, eg.stood_by, eg.timeline):
            assert report(about, candidate=names) == report(full, candidate=names), (report, names)
        for day in days:
            assert eg.as_of(about, day, candidate=names) == eg.as_of(full, day, candidate=names)
            assert eg.compare(about, "2021-01-01", day, candidate=names) == eg.compare(
                full, "2021-01-01", day, candidate=names
            )
        assert eg.entity_profile(about, names[0]) == eg.entity_profile(full, names[0])
    assert eg.withdrawals(full, candidate="Leo Garcia")  # the opposition that ended an endorsement
    # A name that means two entities fails the same way on either graph.
    about = eg.load(sources, candidates=["Garcia"])
    errors = []
    for graph in (full, about):
        with pytest.raises(LookupError) as caught:
            eg.withdrawals(graph, candidate="Garcia")
        errors.append(str(caught.value))
    assert errors[0] == errors[1] and "could mean" in errors[0]


def test_a_graph_loaded_for_some_candidates_refuses_reports_about_others(race: Path, private_cache: Path):
    """Too few rows would be a silent lie: a report about anyone else, or about everyone, on a graph
    loaded for some candidates only is an error naming them; a whole graph is never marked."""
    (race / "more.csv").write_text(SPRINGFIELD_MORE, encoding="utf-8")
    sources = ["sample", race]
    eg.load(sources)  # cold: built, then cached
    about = eg.load(sources, candidates=["Ana Garcia"])
    assert eg.withdrawals(about, candidate="Ana Garcia")
    for report in (
        lambda g: eg.withdrawals(g, candidate="Scott Stringer"),
        lambda g: eg.withdrawals(g),
        lambda g: eg.timeline(g, candidate=["Ana Garcia", "Ada Park"]),
        lambda g: eg.as_of(g, "2024-04-10"),
    ):
        with pytest.raises(BadFilter, match="loaded only for reports about Ana Garcia"):
            report(about)
    whole = eg.load(sources)
    assert eg.withdrawals(whole, candidate="Scott Stringer") and eg.as_of(whole, "2024-04-10")


def test_cli_report_about_a_candidate_warm_is_cold(race: Path, private_cache: Path):
    """The command line: the second call, from the cache, prints what the first printed, warnings
    about the whole graph included."""
    (race / "more.csv").write_text(SPRINGFIELD_MORE, encoding="utf-8")
    shutil.rmtree(private_cache / "endorsegraph" / "graphs", ignore_errors=True)
    runner = CliRunner()
    for command in (["withdrawals"], ["stood-by"], ["timeline"], ["asof", "2024-04-10"]):
        args = [*command, "--candidate", "Ana Garcia", "--source", str(race), "--source", "sample", "--csv"]
        outputs = []
        for extra in ([], [], ["--no-cache"]):
            result = runner.invoke(cli, args + extra)
            assert result.exit_code == 0, result.output
            outputs.append((result.stdout, result.stderr))
        assert outputs[0] == outputs[1] == outputs[2], command
        assert "Ana Garcia" in outputs[0][0]
    assert "also named in the sample" in outputs[0][1]


def test_a_changed_or_added_file_is_never_served_stale_about_a_candidate(race: Path, private_cache: Path):
    """The reads about a candidate are keyed like whole loads: a changed byte or an added file
    is read again, never answered from the old entry."""
    facts = race / "facts.csv"
    assert _withdrawal_day(eg.load([race])) == "2024-04-02"  # cold: cached
    assert _withdrawal_day(eg.load([race], candidates=["Ana Garcia"])) == "2024-04-02"
    stat = facts.stat()
    facts.write_text(RACE.replace("2024-04-02", "2024-04-09"), encoding="utf-8")
    os.utime(facts, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert _withdrawal_day(eg.load([race], candidates=["Ana Garcia"])) == "2024-04-09"
    (race / "more.csv").write_text(
        "actor,action,target,date,source_id\nRiverside Nurses,withdraw,Ana Garcia,2024-04-20,sj-5\n",
        encoding="utf-8",
    )
    rows = eg.withdrawals(eg.load([race], candidates=["Ana Garcia"]), candidate="Ana Garcia")
    assert [r["date"] for r in rows] == ["2024-04-09", "2024-04-20"]
