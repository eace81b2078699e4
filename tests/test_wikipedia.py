"""Wikipedia endorsement lists: a page the tests wrote in the shape of real endorsement sections
(an invented 2030 race whose names collide with the NYC sample's), as wikitext and as XML."""

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import endorsegraph as eg
from endorsegraph import api
from endorsegraph.graph import store
from endorsegraph.graph.errors import InputError
from endorsegraph.loaders import detect
from endorsegraph.loaders.wikipedia import read_wikipedia

PAGE = Path(__file__).parent / "wikipedia" / "2030_Millbrook_mayoral_election.wikitext"
GARCIA = "ana-garcia-millbrook-politician"


@pytest.fixture(scope="module")
def events():
    return read_wikipedia(PAGE)[0]


def by(events, actor, action=None):
    return [e for e in events if e.actor == actor and (action is None or e.action == action)]


def test_links_are_entity_keys_categories_kinds_and_titles(events):
    _, entities = read_wikipedia(PAGE)
    names = {e.id: (e.name, e.kind, [t.title for t in e.titles]) for e in entities}
    assert names["maria-lopez-politician"] == (
        "Maria Lopez",
        "person",
        ["U.S. Representative for (2025–present)"],
    )
    assert names["millbrook-nurses-union"] == ("Millbrook Nurses Union", "union", ["Labor unions"])
    assert names["the-millbrook-ledger"] == (
        "The Millbrook Ledger",
        "newspaper",
        ["Newspapers"],
    )  # in italics
    # A link after a leading word is still the endorser; a category's head noun gives the kind.
    assert names["eric-adams-millbrook"] == ("Eric Adams", "person", ["(retired)"])
    # Plain text is keyed within the page; the box title is the candidate.
    assert names["rosa-delgado.2030-millbrook-mayoral-election"][0] == "Rosa Delgado"
    assert {e.target for e in events if e.action == "endorse"} == {GARCIA, "jean-kim-activist"}


def test_citation_dates_are_bounds_unless_the_citation_is_the_act(events):
    (lopez,) = by(events, "maria-lopez-politician")
    assert (lopez.date, str(lopez.not_after), lopez.source.url) == (
        None,
        "2030-02-10",
        "https://news.example.org/lopez-garcia",
    )
    assert "by the cited piece's date (it may postdate the act)" in lopez.note
    assert lopez.source.credit == "Wikipedia, CC BY-SA 4.0" and lopez.source.outlet == "Millbrook Ledger"
    # A tweet is the act itself; the reused named ref <ref name="ledger-lopez"/> is a second report.
    tweet, reused = by(events, "paul-chen", "endorse")
    assert (str(tweet.date), tweet.source.url) == ("2030-02-08", "https://twitter.com/RepPaulChen/status/1")
    assert (str(reused.not_after), reused.source.url) == (
        "2030-02-10",
        "https://news.example.org/lopez-garcia",
    )
    (clerk,) = by(events, "kathryn-garcia-millbrook")
    assert str(clerk.not_after) == "2030-03-01" and "access date" in clerk.note
    (ledger,) = by(events, "the-millbrook-ledger")
    assert str(ledger.not_after) == "2030-04-30"  # "April 2030": by the end of the month
    # Nested templates inside a citation ({{lang|...}}) and around the list ({{div col}}) are read.
    (nurses,) = by(events, "millbrook-nurses-union")
    assert (str(nurses.not_after), nurses.source.outlet) == ("2030-01-20", "Millbrook Ledger")
    # An entry without a reference is undated, cited by the page.
    (delgado,) = by(events, "rosa-delgado.2030-millbrook-mayoral-election")
    assert delgado.span.known is False and delgado.source.url.startswith(
        "https://en.wikipedia.org/wiki/2030_"
    )


def test_stance_headings(events):
    withdrawn = sorted((e.actor, str(e.not_after)) for e in events if e.action == "withdraw")
    assert withdrawn == [("millbrook-teachers-federation", "2030-04-02"), ("paul-chen", "2030-04-05")]
    # "Declined to endorse" is neither an endorsement nor a withdrawal.
    assert by(events, "lee-park") == []
    # The Withdrawn *section* lists candidates who left the race, not endorsers.
    (reyes,) = by(events, "tomas-reyes")
    assert (reyes.action, reyes.target, str(reyes.not_after)) == (
        "exit_race",
        "2030 Millbrook mayoral election",
        "2030-03-03",
    )
    assert reyes.origin.endswith(".wikitext:11")


def test_the_page_through_every_report(bundled):
    graph = eg.load([*api.entity_tables(), PAGE])  # the sample's entity tables, not its facts
    rows = eg.withdrawals(graph)
    assert [(r["endorser"], r["not_after"], r["endorsed_on"], r["implied"]) for r in rows] == [
        ("Millbrook Teachers Federation", "2030-04-02", None, True),
        ("Paul Chen", "2030-04-05", "2030-02-08", False),
    ]
    assert rows[1]["sources"] == [
        "https://news.example.org/chen-pulls [via Wikipedia: 2030 Millbrook mayoral election, CC BY-SA 4.0]"
    ]
    # Another Kathryn Garcia and another Jean Kim: separate from the NYC sample's, whose names keep
    # meaning the NYC entities.
    registry = store.registry(graph)
    assert registry["kathryn-garcia-millbrook"].name == registry["kathryn-garcia"].name
    assert eg.resolve(graph, "Jean Kim").id == "jean-kim"
    assert [r["endorser"] for r in eg.as_of(graph, dt.date(2030, 3, 2), "jean-kim-activist")] == [
        "Millbrook Tenants Alliance",
        "Eric Adams",
    ]
    both = eg.load([*api.sample_files(), PAGE])
    assert eg.withdrawals(both, "Scott Stringer") == eg.withdrawals(bundled, "Scott Stringer")


def test_special_export_xml_reads_the_same(tmp_path, events):
    xml = tmp_path / "export.xml"
    xml.write_text(
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n'
        "<page><title>2030 Millbrook mayoral election</title><ns>0</ns><id>1</id>\n"
        "<revision><id>2</id><timestamp>2030-05-01T00:00:00Z</timestamp>"
        f'<text bytes="1" xml:space="preserve">{escape(PAGE.read_text())}</text></revision></page>\n'
        "</mediawiki>\n",
        encoding="utf-8",
    )
    assert [f.kind for f in detect(xml)] == ["wikipedia"]
    again, _ = read_wikipedia(xml)
    strip = lambda es: [e.model_dump(exclude={"origin"}) for e in es]  # noqa: E731
    assert strip(again) == strip(events)


def test_bad_xml_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<mediawiki>\n<page><title>x</title>\n</mediawiki>\n")
    with pytest.raises(InputError) as err:
        eg.load([bad])
    assert err.value.problems[0].startswith(f"{bad}:3: not valid XML")
    other = tmp_path / "other.xml"
    other.write_text("<svg></svg>")
    with pytest.raises(InputError, match="no reader for the format 'xml'"):
        detect(other)


def test_boxes_wrapped_in_templates_refs_across_lines_and_other_heading_forms(write):
    page = write(
        "2030_Millbrook_council_election.wikitext",
        """
        ==== Withdrawn ====
        * [[Lena Ortiz]], former council member<ref>{{cite news
          |url=https://x.example/out |date=2030-03-09}}</ref>
        {{Div col|content=
        {{Endorsements box |title=[[Lena Ortiz]] |list=
        ;Local officials
        * [[Jean Kim (activist)|Jean Kim]], organizer<ref>{{cite news |url=https://x.example/1
          |date=2030-01-02}}</ref>
        '''Rescinded endorsement'''
        * [[Scott Stringer (Millbrook)|Scott Stringer]]<ref>{{cite press release
          |url=https://x.example/2 |date=2030-02-03}}</ref>
        }}
        }}
        """,
    )
    events, _ = read_wikipedia(page)
    assert sorted((e.actor, e.action, e.target, str(e.span)) for e in events) == [
        ("jean-kim-activist", "endorse", "lena-ortiz", "by 2030-01-02"),
        ("lena-ortiz", "exit_race", "2030 Millbrook council election", "by 2030-03-09"),
        ("scott-stringer-millbrook", "withdraw", "lena-ortiz", "2030-02-03"),  # a press release is the act
    ]
    graph = eg.load([page])
    (kim,) = [e for e in store.endorsement_intervals(graph) if e.endorser == "jean-kim-activist"]
    assert kim.ended_by == "exit_race"  # the candidate left: not a withdrawal
    assert [r["endorser"] for r in eg.withdrawals(graph)] == ["Scott Stringer"]
