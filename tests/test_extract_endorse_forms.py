"""Endorsement forms of real news copy: passive and noun forms, lists and appositions of targets,
noisy actors ("Members of X", "Co-chair Y") and actors named in a list after being counted.

Short articles of a Harlow school-board and mayoral race written for the tests, with names that
collide with the bundled NYC 2021 sample's (another Garcia, another Jean Kim), extracted with an
empty registry: every name is met for the first time in the article."""

from .extracting import triples_with

triples = triples_with("date 2024-05-10\nrace 2024 Harlow mayor")


def test_members_of_an_organisation_are_the_organisation(tmp_path):
    found = triples(
        tmp_path,
        "Members of Inland Laborers Local 238 voted on Tuesday to rescind the endorsement of Paul Garcia.",
    )
    assert found == {("Inland Laborers Local 238", "withdraw", "Paul Garcia")}


def test_leading_role_words_are_titles(tmp_path):
    found = triples(tmp_path, "Co-chair Jean Kim endorsed Desmond Kaye for mayor on Monday.")
    assert found == {("Jean Kim", "endorse", "Desmond Kaye")}


def test_judicial_titles_are_stripped(tmp_path):
    found = triples(
        tmp_path,
        "Tomas Brevik picked up the endorsement of retired state Supreme Court Justice Jane Roe on Tuesday.",
    )
    assert found == {("Jane Roe", "endorse", "Tomas Brevik")}


def test_passive_endorsements_name_the_endorser_after_by(tmp_path):
    found = triples(
        tmp_path,
        "Dana Garcia was endorsed last month by the Harlow Federation of Labor (HFL). "
        "Garcia is also backed by the Riverside Progressive Caucus.",
    )
    assert found == {
        ("Harlow Federation of Labor", "endorse", "Dana Garcia"),
        ("Riverside Progressive Caucus", "endorse", "Dana Garcia"),
    }


def test_having_the_support_of_is_an_endorsement(tmp_path):
    found = triples(tmp_path, "Dana Garcia has the support of the Harlow Nurses Union.")
    assert found == {("Harlow Nurses Union", "endorse", "Dana Garcia")}


def test_keeping_the_backing_of_two_organisations_is_standing_by(tmp_path):
    found = triples(
        tmp_path,
        "Despite the report, Tomas Brevik keeps the backing of the Harlow Teachers Union and the "
        "Riverside Tenants Alliance.",
    )
    assert found == {
        ("Harlow Teachers Union", "stand_by", "Tomas Brevik"),
        ("Riverside Tenants Alliance", "stand_by", "Tomas Brevik"),
    }


def test_a_list_of_targets_gives_one_endorsement_each(tmp_path):
    found = triples(
        tmp_path,
        "The Harlow Teachers Association endorsed Ana Pell, Victor Osei and incumbent board member Jean Kim.",
    )
    assert found == {
        ("Harlow Teachers Association", "endorse", "Ana Pell"),
        ("Harlow Teachers Association", "endorse", "Victor Osei"),
        ("Harlow Teachers Association", "endorse", "Jean Kim"),
    }


def test_the_rival_endorsed_is_the_person_in_apposition(tmp_path):
    found = triples(
        tmp_path,
        "State Sen. Rob Haskins endorsed one of his rivals, "
        "Pike County Commonwealth's Attorney Maren Oakhurst.",
    )
    assert found == {("Rob Haskins", "endorse", "Maren Oakhurst")}


def test_support_thrown_to_an_opponent_goes_to_the_person_named_after_the_comma(tmp_path):
    found = triples(
        tmp_path,
        "The Harlow Tenants Union threw its support to Garcia's opponent in the District 2 race, "
        "neighborhood council chair Desmond Kaye.",
    )
    assert found == {("Harlow Tenants Union", "endorse", "Desmond Kaye")}


def test_actors_counted_then_listed_among_the_signers_each_endorse(tmp_path):
    found = triples(
        tmp_path,
        "On Monday, 11 mayors endorsed Quentin Vale for governor. Among the signers were Mayors Ann Lutz "
        "of Dover, Bo Keller of Milton and Jean Kim of Salem.",
    )
    assert found == {
        ("Ann Lutz", "endorse", "Quentin Vale"),
        ("Bo Keller", "endorse", "Quentin Vale"),
        ("Jean Kim", "endorse", "Quentin Vale"),
    }


def test_endorsing_or_backing_the_candidate_then_the_name(tmp_path):
    assert triples(
        tmp_path,
        "On Friday, independent councillor Maeve Corr endorsed the Civic Unionist candidate, Jean Kim, at "
        "a rally in Omagh. Former MP Ana Garcia said Thursday she is now backing the New Democratic "
        "candidate, Luis Sheng.",
    ) == {("Maeve Corr", "endorse", "Jean Kim"), ("Ana Garcia", "endorse", "Luis Sheng")}
