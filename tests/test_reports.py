"""The Stringer case on the bundled data: withdrawals, as-of, compare, timeline, entity."""

import endorsegraph as eg

from .conftest import day

EXPECTED_ORDER = [
    ("Jessica Ramos", "2021-04-28"),
    ("Jabari Brisport", "2021-04-29"),
    ("UFCW Local 1500", "2021-04-29"),
    ("Alessandra Biaggi", "2021-04-30"),
    ("Catalina Cruz", "2021-04-30"),
    ("Gustavo Rivera", "2021-04-30"),
    ("Jamaal Bowman", "2021-04-30"),
    ("Julia Salazar", "2021-04-30"),
    ("Sunrise NYC", "2021-04-30"),
    ("Working Families Party", "2021-04-30"),
    ("Yuh-Line Niou", "2021-04-30"),
    ("The Jewish Vote", None),
    ("Adriano Espaillat", "2021-05-01"),
    ("Carmen De La Rosa", "2021-05-01"),
    ("Diana Ayala", "2021-05-01"),
    ("Jose Serrano", "2021-05-01"),
    ("Mark Levine", "2021-05-01"),
    ("New York Communities for Change", None),
]


def test_stringer_withdrawals_in_order(bundled):
    rows = eg.withdrawals(bundled, candidate="Scott Stringer")
    assert [(r["endorser"], r["date"]) for r in rows] == EXPECTED_ORDER
    assert list(rows[0]) == list(eg.queries.WITHDRAWAL_COLUMNS)
    by = {r["endorser"]: r for r in rows}
    assert (by["The Jewish Vote"]["not_before"], by["The Jewish Vote"]["not_after"]) == (
        "2021-04-28",
        "2021-04-30",
    )
    assert by["Jabari Brisport"]["rank"] == 2
    assert by["Working Families Party"]["trigger"] == "Jean Kim (2021-04-27)"
    days = {name: by[name]["days_after_trigger"] for name in by}
    assert days["Working Families Party"] == 3 and days["Jessica Ramos"] == 1
    assert days["Mark Levine"] == 4 and days["Jose Serrano"] == 4
    assert days["The Jewish Vote"] is None and days["New York Communities for Change"] is None
    assert by["Jamaal Bowman"]["group"] == "joint-statement-2021-04-30"
    assert by["Jamaal Bowman"]["endorser_title"] == "U.S. Representative"
    assert by["Jessica Ramos"]["endorsed_not_before"] == "2019-06-01"
    assert by["Working Families Party"]["endorsed_on"] == "2021-04-13"
    assert by["Sunrise NYC"]["implied"] is True and by["Working Families Party"]["implied"] is False
    assert by["Working Families Party"]["sources"] == [
        "nymag-2021-04-wfp-withdraws",
        "001_1c178abdee64c5d4.txt",
    ]


def test_withdrawals_for_an_alias_equal_the_full_name(bundled):
    assert eg.withdrawals(bundled, candidate="stringer") == eg.withdrawals(
        bundled, candidate="Scott Stringer"
    )
    assert len(eg.withdrawals(bundled)) == 18  # nobody else lost an endorsement


def test_as_of_morales_keeps_wfp_with_effective_rank_one(bundled):
    rows = eg.as_of(bundled, day("2021-05-02"), candidate="Dianne Morales")
    wfp = next(r for r in rows if r["endorser"] == "Working Families Party")
    assert (wfp["status"], wfp["rank"], wfp["effective_rank"]) == ("in force", 2, 1)
    before = eg.as_of(bundled, day("2021-04-29"), candidate="Dianne Morales")
    assert next(r for r in before if r["endorser"] == "Working Families Party")["effective_rank"] == 2


def test_as_of_stringer_after_the_withdrawals(bundled):
    rows = eg.as_of(bundled, day("2021-05-02"), candidate="Scott Stringer")
    assert {r["endorser"]: r["status"] for r in rows} == {
        "United Federation of Teachers": "in force",
        "American Federation of Teachers": "uncertain",
    }
    later = eg.as_of(bundled, day("2021-06-30"), candidate="Scott Stringer")
    assert later == []  # his exit on 2021-06-29 ended the rest


def test_compare_lists_certain_and_uncertain_losses(bundled):
    rows = eg.compare(bundled, day("2021-04-27"), day("2021-05-02"), candidate="Scott Stringer")
    certain = {r["endorser"] for r in rows if r["change"] == "lost" and r["certain"]}
    uncertain = {r["endorser"] for r in rows if r["change"] == "lost" and not r["certain"]}
    assert certain == {"Working Families Party", "Jessica Ramos"}
    withdrawn = {name for name, _ in EXPECTED_ORDER}
    assert uncertain == withdrawn - certain
    assert all(r["why"].startswith("start uncertain") for r in rows if not r["certain"])
    assert not any(r["change"] == "gained" for r in rows)


def test_compare_gains(bundled):
    rows = eg.compare(bundled, day("2021-05-02"), day("2021-05-10"), candidate="Scott Stringer")
    assert [(r["change"], r["certain"], r["endorser"]) for r in rows] == [
        ("gained", True, "Teamsters Local 237")
    ]


def test_timeline_is_ordered_and_sourced(bundled):
    rows = eg.timeline(bundled, candidate="Jean Kim")
    assert rows[0]["actor"] == "Jean Kim" and rows[0]["action"] == "accuse"
    assert {r["action"] for r in rows} == {"accuse", "deny", "call_to_withdraw", "call_to_resign"}
    assert all(r["sources"] for r in rows)
    everything = eg.timeline(bundled)
    keys = [(r["date"] or r["not_after"] or "9999") for r in everything]
    assert keys == sorted(keys)


def test_entity_profile(bundled):
    profile = eg.entity_profile(bundled, "UFT")
    assert profile["name"] == "United Federation of Teachers" and profile["aliases"] == ["UFT"]
    (interval,) = profile["endorsements"]
    assert (interval["started_on"], interval["ended_on"], interval["ended_by"]) == (
        "2021-04-19",
        "2021-06-29",
        "exit_race",
    )
    assert [e["action"] for e in profile["events"]] == ["endorse", "stand_by"]
