"""Parties and organisations as actors (issue 9): a party naming, selecting or ratifying its
candidate endorses, one dropping or cutting loose withdraws; an officer in apposition speaks for the
body ("The local's business manager, X, said the board voted to endorse Y"). A second race (a
Manitoba riding and a Welsh seat), with names that collide with the NYC sample's."""

from .extracting import triples_with

triples = triples_with("date 2025-04-17", sample=True)


def test_a_party_drops_and_names_its_candidates(tmp_path):
    assert triples(
        tmp_path,
        "The Conservative Party of Canada said Monday that Pieter Vandermeer, its candidate in Brandon "
        'Souris, "is no longer a candidate for the party". By Tuesday evening it had named Jean Kim, a '
        "Brandon pharmacist, as its new nominee in Brandon Souris. In Elmwood, the Liberals cut loose Dana "
        "Fontaine late Wednesday.",
    ) == {
        ("Conservative Party of Canada", "withdraw", "Pieter Vandermeer"),
        ("Conservative Party of Canada", "endorse", "Jean Kim"),
        ("Liberals", "withdraw", "Dana Fontaine"),
    }


def test_selected_ratified_fielded_and_no_longer_backed(tmp_path):
    assert triples(
        tmp_path,
        "Labour confirmed on Thursday that Gethin Garcia, a councillor who was selected in March, would "
        "no longer be backed by Labour. Councillor Siobhan Murphy was ratified unopposed as Fine Gael's "
        "candidate. The Bharatiya Janata Party (BJP) on Monday dropped sitting MLA Sunil Deshmukh, fielding "
        "Meera Kulkarni instead.",
    ) == {
        ("Labour", "endorse", "Gethin Garcia"),
        ("Labour", "withdraw", "Gethin Garcia"),
        ("Fine Gael", "endorse", "Siobhan Murphy"),
        ("Bharatiya Janata Party", "withdraw", "Sunil Deshmukh"),
        ("Bharatiya Janata Party", "endorse", "Meera Kulkarni"),
    }


def test_an_officer_speaks_for_the_body_and_is_never_the_target(tmp_path):
    found = triples(
        tmp_path,
        "Council candidate Marcus Oyelaran lost two union endorsements this week. "
        "Brandon Sheet Metal Workers Local 9 withdrew its endorsement on Tuesday, citing what its president, "
        'Dale Hruska, called "numbers that do not add up". Prairie Carpenters Local 55 said it was pulling '
        "its support. The local's business manager, Teresa Vigil, said the executive board voted to endorse "
        "Hannah Brooks instead.",
    )
    assert ("Prairie Carpenters Local 55", "endorse", "Hannah Brooks") in found
    assert not {t for t in found if "Dale Hruska" in t or "Teresa Vigil" in t}


def test_a_list_removal_an_approval_and_a_quoted_party_statement(tmp_path):
    assert triples(
        tmp_path,
        "The African National Congress (ANC) has removed Umlazi ward councillor Bongani Garcia from its list "
        "of candidates. The branch put forward Sbu Zulu, and the regional list committee approved him as the "
        "ANC's ward candidate on Tuesday. In Glasgow, \"the SNP has withdrawn its support for Craig Munro as "
        'our candidate," a party spokesperson said on Thursday.',
    ) == {
        ("African National Congress", "withdraw", "Bongani Garcia"),
        ("African National Congress", "endorse", "Sbu Zulu"),
        ("SNP", "withdraw", "Craig Munro"),
    }


def test_a_body_that_can_no_longer_stand_behind_a_candidacy_and_a_rival_who_asks_for_votes(tmp_path):
    assert triples(
        tmp_path,
        "The Prairie Nurses Alliance, which gave Jean Kim its early backing in February, told members on "
        'Thursday that it "can no longer stand behind this candidacy." Cllr Peadar Garcia stepped back and '
        "asked his supporters to vote for Roisin Daly.",
    ) == {
        ("Prairie Nurses Alliance", "endorse", "Jean Kim"),
        ("Prairie Nurses Alliance", "withdraw", "Jean Kim"),
        ("Peadar Garcia", "endorse", "Roisin Daly"),
    }


def test_forums_and_branches_are_organisations_and_who_is_the_person_in_office(tmp_path):
    found = triples(
        tmp_path,
        "Labour dropped councillor Jean Kim on Monday. The allegations were first made on 20 April by Rosa "
        "Garcia, chairwoman of the Linthouse and Govan Tenants Forum, who accused the councillor of "
        "phoning housing staff. But the Clydeside Transport Workers' Branch, whose members include many "
        "bus drivers, said it was standing by her.",
    )
    assert ("Rosa Garcia", "accuse", "Jean Kim") in found
    assert ("Clydeside Transport Workers' Branch", "stand_by", "Jean Kim") in found
    assert not {t for t in found if "Forum" in t[0] or t[0] == "Clydeside Transport Workers"}


def test_a_party_named_short_after_its_full_name_is_the_same_party(tmp_path):
    found = triples(
        tmp_path,
        "The Progressive Conservative Party of Manitoba is in turmoil. A spokesman said in an email that "
        'Jean Garcia "is no longer a candidate for the Progressive Conservative Party".',
    )
    assert found == {("Progressive Conservative Party of Manitoba", "withdraw", "Jean Garcia")}
