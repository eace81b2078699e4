"""Constructions of real web news met in the second news-shaped set (tests/articles_news2), one
test per class: long and plural titles, a party choosing its candidate, stand-by variants,
gendered pronouns, month-only dates, parties dropping candidates in other words, accusation and
denial variants, participial and listed endorsements, quoted fragments and first names.

Short articles of a 2026 Tamsin Falls county race written for the tests (a second race, not one
of the sets'), with names that collide with the bundled NYC 2021 sample's (another Garcia, another
Jean Kim), extracted with an empty registry: every name is met for the first time here."""

import datetime as dt

import endorsegraph as eg
from endorsegraph.graph.entities import Registry

HEADER = "date 2026-03-13\nrace 2026 Tamsin Falls county\n\n"  # a Friday


def extract(tmp_path, body: str):
    path = tmp_path / "article.txt"
    path.write_text(HEADER + body + "\n")
    ((_, extraction),) = eg.extract([path], registry=Registry())
    return extraction.events


def triples(tmp_path, body: str) -> set[tuple[str, str, str]]:
    return {(e.actor, e.action.value, e.target) for e in extract(tmp_path, body)}


def test_long_and_plural_titles_stay_titles(tmp_path):
    events = extract(
        tmp_path,
        "Tamsin County Sheriff Ray Oduya withdrew his endorsement of Commonwealth's Attorney Jean Kim on "
        "Thursday. Aldermen Rosa Garcia and Piet Lindqvist signed a letter urging Kim to resign.",
    )
    found = {(e.actor, e.action.value, e.target): e for e in events}
    assert set(found) == {
        ("Ray Oduya", "withdraw", "Jean Kim"),
        ("Rosa Garcia", "call_to_resign", "Jean Kim"),
        ("Piet Lindqvist", "call_to_resign", "Jean Kim"),
    }
    assert found[("Ray Oduya", "withdraw", "Jean Kim")].target_title == "Commonwealth's Attorney"


def test_new_begins_an_organisation_name(tmp_path):
    found = triples(tmp_path, "The New Commonwealth Party has dropped Jean Kim as its candidate.")
    assert found == {("New Commonwealth Party", "withdraw", "Jean Kim")}


def test_a_party_choosing_its_candidate_endorses_them(tmp_path):
    found = triples(
        tmp_path,
        "The Tamsin Civic Party met in Harrow Mills on Sunday. Local members picked Rosa Garcia as their "
        "candidate for the county seat, choosing her over two councillors.\n\n"
        "Jean Kim was ratified as the Tamsin Labour Party's candidate at a selection convention on March 3.",
    )
    assert found == {
        ("Tamsin Civic Party", "endorse", "Rosa Garcia"),
        ("Tamsin Labour Party", "endorse", "Jean Kim"),
    }


def test_stand_by_variants(tmp_path):
    found = triples(
        tmp_path,
        "The Tamsin Teachers Union said Tuesday it still backed Rosa Garcia. "
        "The Harrow Tenants Alliance remains firmly behind Garcia. "
        "The Riverside Workers Union, which had endorsed Garcia in January, said it would not withdraw "
        "its support. The leader of the Tamsin Civic Party said she continues to back its Harrow Mills "
        "candidate, Rosa Garcia.",
    )
    assert {
        ("Tamsin Teachers Union", "stand_by", "Rosa Garcia"),
        ("Harrow Tenants Alliance", "stand_by", "Rosa Garcia"),
        ("Riverside Workers Union", "stand_by", "Rosa Garcia"),
        ("Riverside Workers Union", "endorse", "Rosa Garcia"),
    } <= found
    assert not any(action == "withdraw" for _, action, _ in found)


def test_gendered_pronouns_mean_a_person_of_that_gender(tmp_path):
    found = triples(
        tmp_path,
        "Jean Kim, 41, said she would keep campaigning.\n\n"
        "Councillor Grace Yoon, who endorsed Peter Lim in January, said Wednesday she continues to back "
        "him.\n\n"
        "The alderman's allies at the Westside Neighborhood Alliance said they still stand with Lim.",
    )
    assert found == {
        ("Grace Yoon", "endorse", "Peter Lim"),
        ("Grace Yoon", "stand_by", "Peter Lim"),
        ("Westside Neighborhood Alliance", "stand_by", "Peter Lim"),
    }


def test_a_month_without_a_day_bounds_the_event_it_belongs_to(tmp_path):
    events = extract(
        tmp_path,
        "The Harrow Tenants Alliance, which endorsed Jean Kim in February, said on Wednesday it was "
        "withdrawing its endorsement of Kim.",
    )
    by_action = {e.action.value: e for e in events}
    assert by_action["withdraw"].date == dt.date(2026, 3, 11)
    endorsed = by_action["endorse"]
    assert endorsed.date is None
    assert (endorsed.not_before, endorsed.not_after) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))


def test_parties_drop_candidates_in_other_words(tmp_path):
    found = triples(
        tmp_path,
        "The Tamsin Civic Party has cut ties with its candidate in Harrow Mills, Rosa Garcia, after old "
        "posts resurfaced.\n\n"
        "The Tamsin Labour Party has removed Ward 58 candidate Jean Kim from its candidate list.\n\n"
        "The Harrow Ledger editorial board has withdrawn its recommendation of Piet Lindqvist.\n\n"
        "Ana Soto, the Tamsin Labour Party's candidate in Ward 9, was administratively suspended late on "
        "Thursday pending an investigation.",
    )
    assert found == {
        ("Tamsin Civic Party", "withdraw", "Rosa Garcia"),
        ("Tamsin Labour Party", "withdraw", "Jean Kim"),
        ("Harrow Ledger", "withdraw", "Piet Lindqvist"),
        ("Tamsin Labour Party", "withdraw", "Ana Soto"),
    }


def test_withdrawals_refer_back_to_the_endorsement(tmp_path):
    found = triples(
        tmp_path,
        "The Queens Progressive Democrats, a club that endorsed Peter Lim in February, voted Tuesday to "
        "rescind that endorsement and threw its support to his rival, Jean Kim.\n\n"
        "The Inland Safety PAC, which had backed Rosa Garcia in June, said it would not be supporting her "
        "in the primary.\n\n"
        "Former Mayor Ruth Ames said she will not be supporting anyone this year.",
    )
    assert found == {
        ("Queens Progressive Democrats", "endorse", "Peter Lim"),
        ("Queens Progressive Democrats", "withdraw", "Peter Lim"),
        ("Queens Progressive Democrats", "endorse", "Jean Kim"),
        ("Inland Safety PAC", "endorse", "Rosa Garcia"),
        ("Inland Safety PAC", "withdraw", "Rosa Garcia"),
    }


def test_accusation_and_denial_variants(tmp_path):
    found = triples(
        tmp_path,
        "A former aide accused Sheriff Ray Oduya of falsifying records. The former aide, Kyle Orsini, "
        "made the allegation Tuesday in a sworn statement. Oduya denied it in a video Wednesday.\n\n"
        "Rosa Garcia accused the county chair, Tom Baird, of rigging the ballot. Baird said in a "
        "statement on Thursday that the claim was false.",
    )
    assert found == {
        ("Kyle Orsini", "accuse", "Ray Oduya"),
        ("Ray Oduya", "deny", "Kyle Orsini"),
        ("Rosa Garcia", "accuse", "Tom Baird"),
        ("Tom Baird", "deny", "Rosa Garcia"),
    }


def test_participial_and_listed_endorsements(tmp_path):
    found = triples(
        tmp_path,
        "Just a day after endorsing Jean Kim for county executive, Sen. Rosa Garcia retracted her "
        "endorsement.\n\n"
        "Piet Lindqvist already counted Mayor Ana Soto and Councillor Tom Baird among his backers.",
    )
    assert found == {
        ("Rosa Garcia", "endorse", "Jean Kim"),
        ("Rosa Garcia", "withdraw", "Jean Kim"),
        ("Ana Soto", "endorse", "Piet Lindqvist"),
        ("Tom Baird", "endorse", "Piet Lindqvist"),
    }


def test_quoted_fragments_and_first_names(tmp_path):
    found = triples(
        tmp_path,
        "Garrett Pohl was dropped by the Tamsin Civic Party on Monday.\n\n"
        'Riverside Workers Union president Ana Soto said the union "stands behind Garrett one hundred '
        'per cent".',
    )
    assert found == {
        ("Tamsin Civic Party", "withdraw", "Garrett Pohl"),
        ("Riverside Workers Union", "stand_by", "Garrett Pohl"),
    }


def test_chained_dates_count_from_a_chained_date(tmp_path):
    events = extract(
        tmp_path,
        "The Harrow Tenants Alliance withdrew its endorsement of Rosa Garcia on Tuesday.\n\n"
        "Mayor Ana Soto had pulled her support for Garcia a day earlier. The Riverside Workers Union "
        "endorsed Piet Lindqvist the day before.",
    )
    dates = {(e.actor, e.action.value): e.date for e in events}
    assert dates == {
        ("Harrow Tenants Alliance", "withdraw"): dt.date(2026, 3, 10),
        ("Ana Soto", "withdraw"): dt.date(2026, 3, 9),
        ("Riverside Workers Union", "endorse"): dt.date(2026, 3, 8),
    }


def test_roles_and_unions_named_by_description(tmp_path):
    found = triples(
        tmp_path,
        "Tamsin County Sheriff Ray Oduya withdrew his endorsement of Jean Kim on Thursday. The sheriff had "
        "endorsed Kim in February.\n\n"
        "The Tamsin Education Association said Wednesday it is sticking with Rosa Garcia. The union "
        "endorsed Garcia in April.\n\n"
        "The commissioner had endorsed Piet Lindqvist in January.",
    )
    assert found == {
        ("Ray Oduya", "withdraw", "Jean Kim"),
        ("Ray Oduya", "endorse", "Jean Kim"),
        ("Tamsin Education Association", "stand_by", "Rosa Garcia"),
        ("Tamsin Education Association", "endorse", "Rosa Garcia"),
    }  # no commissioner was named: "the commissioner" means nobody


def test_explain_lists_the_new_vocabulary_it_could_not_read(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(
        HEADER + "Rosa Garcia was accused by Tom Baird on Monday.\n\n"
        'Garcia said on Sunday she "absolutely refutes" the account given by Baird.\n\n'
        '"Ms. Garcia is no longer our candidate," a party spokesperson said late Wednesday.\n'
    )
    ((_, extraction),) = eg.extract([path], registry=Registry())
    skipped = {s.sentence.split()[0]: s.reason for s in extraction.skipped}
    assert skipped == {"Garcia": "unknown construction", '"Ms.': "unknown construction"}
