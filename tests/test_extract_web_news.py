"""Constructions of real web news that the team's own sets lacked, one test per class, met while
reading real pages about rescinded endorsements (the fourth round): long lists of officials with
plural titles, semicolons and "as well as"; backers "lost" in a list; a middle initial; an
apposition after an organisation; a joint statement quoted as "it"; surnames after an office
title; a page's own date line; an organisation's short forms; and precision traps (a calls-for
noun, unnamed "they", a newspaper reporting allegations).

Short articles of a 2027 Harrow Bay mayoral race written for the tests, with names that collide
with the bundled NYC 2021 sample's (another Garcia, another Jean Kim, another Working Families
Party), extracted with an empty registry unless a test says otherwise."""

import datetime as dt

import endorsegraph as eg
from endorsegraph.graph.entities import Registry
from endorsegraph.loaders.articles import read_article

from .extracting import triples_with

HEADER = "date 2027-09-17\nrace 2027 Harrow Bay mayoral"  # a Friday
triples = triples_with(HEADER)


def test_a_list_with_plural_titles_and_as_well_as_gives_each_its_withdrawal(tmp_path):
    found = triples(
        tmp_path,
        "On Friday, Rep. Tomas Garcia, state Sens. Ilse Brandt, Omar Haddad and Priya Nair, as well as the "
        "Harrow Bay Working Families Party and Assembly members Jean Kim and Lena Ortiz all withdrew their "
        "endorsements of Dorian Pike.",
    )
    actors = {"Tomas Garcia", "Ilse Brandt", "Omar Haddad", "Priya Nair", "Harrow Bay Working Families Party",
              "Jean Kim", "Lena Ortiz"}  # fmt: skip
    assert found == {(a, "withdraw", "Dorian Pike") for a in actors}


def test_a_semicolon_list_of_backers_lost_each_withdraws(tmp_path):
    found = triples(
        tmp_path,
        "Dorian Pike, the front-runner, was accused of harassment on Tuesday. On Friday evening, Pike lost "
        "the Harbor Nurses Union; Rep. Tomas Garcia, a Harrow Bay Democrat; State Senators Ilse Brandt, "
        "Omar Haddad, and Priya Nair; Assemblymembers Jean Kim and Lena Ortiz.",
    )
    lost = {a for a, action, t in found if action == "withdraw" and t == "Dorian Pike"}
    assert lost == {"Harbor Nurses Union", "Tomas Garcia", "Ilse Brandt", "Omar Haddad", "Priya Nair",
                    "Jean Kim", "Lena Ortiz"}  # fmt: skip


def test_lost_a_primary_is_no_withdrawal(tmp_path):
    found = triples(tmp_path, "Dorian Pike lost the Democratic primary in 2023 to Ilse Brandt.")
    assert not {t for t in found if t[1] == "withdraw"}


def test_a_middle_initial_names_the_same_person(tmp_path):
    found = triples(
        tmp_path,
        'The Harbor Nurses Union rescinded its endorsement of Dorian K. Pike on Friday. "We are rescinding '
        'our endorsement of Dorian Pike," the union said. Mr. Pike has denied the claims of Jean Kim, who '
        "accused Mr. Pike of harassment.",
    )
    assert ("Harbor Nurses Union", "withdraw", "Dorian K. Pike") in found
    assert ("Jean Kim", "accuse", "Dorian K. Pike") in found
    assert not {t for t in found if "Dorian Pike" in t}  # one person, named as the article first did


def test_an_apposition_after_an_organisation_is_not_the_actor(tmp_path):
    found = triples(
        tmp_path,
        "Minutes later, Harbor Youth Climate, the Harrow Bay chapter of the Tidewater Movement, also "
        "rescinded its endorsement of Dorian Pike.",
    )
    assert found == {("Harbor Youth Climate", "withdraw", "Dorian Pike")}


def test_a_joint_statement_quoted_as_it_is_each_signers(tmp_path):
    found = triples(
        tmp_path,
        "Representative Tomas Garcia, a Harrow Bay Democrat; State Senators Ilse Brandt and Omar Haddad and "
        "Assemblywoman Jean Kim issued a joint statement.\n\n"
        '"We are rescinding our endorsement of Dorian Pike\'s campaign," it said simply.',
    )
    assert found == {(a, "withdraw", "Dorian Pike") for a in ("Tomas Garcia", "Ilse Brandt", "Omar Haddad",
                                                               "Jean Kim")}  # fmt: skip


def test_a_name_before_and_is_not_part_of_the_next_ones_title(tmp_path):
    found = triples(
        tmp_path,
        "Sen. Ilse Brandt withdrew her endorsement of Dorian Pike on Friday. Brandt and Sen. Omar Haddad, "
        "R-Harrow, both said Friday they would no longer endorse Pike.",
    )
    assert ("Omar Haddad", "withdraw", "Dorian Pike") in found
    assert ("Ilse Brandt", "withdraw", "Dorian Pike") in found


def test_surnames_after_an_office_title_are_people(tmp_path):
    found = triples(
        tmp_path,
        "Three lawmakers who had endorsed Dorian Pike - state Sens. Ilse Brandt and Omar Haddad and Assembly "
        "Member Jean Kim - said on Wednesday that they believe survivors.\n\n"
        "Minutes later on Friday, Rep. Tomas Garcia, Sens. Brandt, Haddad and Priya Nair, and Assembly "
        "Members Kim and Lena Ortiz said in a joint statement that they were rescinding their endorsements.",
    )
    withdrawn = {a for a, action, _ in found if action == "withdraw"}
    assert withdrawn == {"Tomas Garcia", "Ilse Brandt", "Omar Haddad", "Priya Nair", "Jean Kim", "Lena Ortiz"}
    assert not {t for t in found if "Assembly" in t[0]}  # "Assembly Member" names an office, not a body


def test_a_titled_surname_in_a_headline_is_the_person_named_later(tmp_path):
    found = triples(
        tmp_path,
        "Aldermen Ilse Brandt and Omar Haddad urge Alderman Pike to resign\n\n"
        "Dorian Pike, the Ward 3 alderman, has refused to step down over the contract.",
    )
    assert found == {(a, "call_to_resign", "Dorian Pike") for a in ("Ilse Brandt", "Omar Haddad")}


def test_a_page_s_own_date_line_dates_an_article_without_a_header(tmp_path):
    path = tmp_path / "scraped.txt"
    path.write_text(
        "Pike Losing Support Amid Allegations\n\n| 18 Sep 2027 | 11:31\n\n"
        "On Saturday, the Harbor Nurses Union rescinded its endorsement of Dorian Pike.\n"
    )
    assert read_article(path).published == dt.date(2027, 9, 18)
    ((_, extraction),) = eg.extract([path], registry=Registry())
    (event,) = extraction.events
    assert event.date == dt.date(2027, 9, 18)  # the Saturday of the page's own date
    updated = tmp_path / "updated.txt"
    updated.write_text(
        "Published Monday, September 13, 2027 7:05AM ADT\nUpdated 6:14 PM EDT, Wed September 15, 2027\n\n"
        "The union rescinded its endorsement on Monday.\n"
    )
    assert read_article(updated).published == dt.date(2027, 9, 13)  # published, not updated
    prose = tmp_path / "prose.txt"
    prose.write_text("The union endorsed Dorian Pike on September 13, 2027 at its convention.\n")
    assert read_article(prose).published is None  # a date in a sentence is no date line


def test_an_organisation_keeps_the_name_it_was_first_given(tmp_path):
    found = triples(
        tmp_path,
        "The Harrow Bay Working Families Party has withdrawn its endorsement of Dorian Pike. "
        "The Working Families Party issued a statement late on Friday.\n\n"
        "WFP reiterated its previous support for Lena Ortiz. Pike had been on a winning streak after picking "
        "up endorsements from WFP and the Harbor Federation of Teachers.",
    )
    assert found >= {
        ("Harrow Bay Working Families Party", "withdraw", "Dorian Pike"),
        ("Harrow Bay Working Families Party", "endorse", "Dorian Pike"),
        ("Harbor Federation of Teachers", "endorse", "Dorian Pike"),
    }
    assert {a for a, _, _ in found} == {"Harrow Bay Working Families Party", "Harbor Federation of Teachers"}


def test_a_party_keeps_its_full_name_in_its_short_forms(tmp_path):
    found = triples(
        tmp_path,
        "The Conservatives dropped Dorian Pike as their candidate on Friday. A Conservative Party spokesman "
        "said the party had also withdrawn its support from Ilse Brandt.",
    )
    assert {a for a, _, _ in found} == {"Conservative Party"}


def test_a_calls_for_noun_names_no_caller(tmp_path):
    found = triples(
        tmp_path,
        "Premier Tomas Garcia is standing by his hand-picked candidate for Harrow West, Jean Kim, following "
        "calls for her to be disendorsed over her comments.",
    )
    assert found == {("Tomas Garcia", "stand_by", "Jean Kim")}


def test_unnamed_sayers_are_not_the_clause_before_them(tmp_path):
    found = triples(
        tmp_path,
        "After the Harrow Bay Ledger published a recording of Dorian Pike, some Republican leaders said they "
        "would no longer support Pike, and a few have called on Pike to quit the race.",
    )
    assert found == set()


def test_a_newspaper_reporting_allegations_is_no_accuser(tmp_path):
    found = triples(
        tmp_path,
        "The Harrow Bay Ledger released a story on Thursday alleging that Dorian Pike harassed two aides. "
        "Jean Kim, one of the aides, accused Pike of harassment on Friday.",
    )
    assert {t for t in found if t[1] == "accuse"} == {("Jean Kim", "accuse", "Dorian Pike")}


def test_an_affiliation_is_not_a_person(tmp_path):
    found = triples(
        tmp_path,
        "Representative Tomas Garcia, a New York Democrat, withdrew his endorsement of Dorian Pike on "
        "Friday.",
    )
    assert found == {("Tomas Garcia", "withdraw", "Dorian Pike")}


def test_a_surname_in_a_deck_line_is_the_person_the_story_names_later(tmp_path):
    found = triples(
        tmp_path,
        "High-profile Pike backers urge Garcia to quit\n\n"
        "Brandt says she thinks Garcia should drop out.\n\n"
        "Sen. Ilse Brandt, a backer of Mayor Dorian Pike, said on Friday that Councilwoman Rosa Garcia "
        "had every right to stay in the race.",
    )
    assert ("Ilse Brandt", "call_to_withdraw", "Rosa Garcia") in found
    assert not {t for t in found if "High-profile" in t[0] or "High-profile" in t[2]}


def test_a_passive_allegation_accuses_its_agent_and_an_earlier_denial_answers_it(tmp_path):
    found = triples(
        tmp_path,
        'Council hopeful Dorian Pike has called an allegation he groped a woman "baseless" as he '
        '"categorically" denied any wrongdoing.\n\n'
        'Writer Jean Kim alleged in an essay on Thursday that she was "groped" by Mr Pike a decade ago.',
    )
    assert found == {("Jean Kim", "accuse", "Dorian Pike"), ("Dorian Pike", "deny", "Jean Kim")}


def test_an_unanswered_denial_is_explained_and_an_answered_one_is_not(tmp_path):
    path = tmp_path / "denial.txt"
    path.write_text(
        f"{HEADER}\n\nDorian Pike on Friday denied the allegation, calling it baseless.\n\n"
        "Lena Ortiz accused Pike of misusing campaign funds on Thursday.\n"
    )
    ((_, extraction),) = eg.extract([path], registry=Registry())
    assert {(e.actor, e.action.value, e.target) for e in extraction.events} == {
        ("Lena Ortiz", "accuse", "Dorian Pike"),
        ("Dorian Pike", "deny", "Lena Ortiz"),
    }
    assert not [s for s in extraction.skipped if "denied" in s.sentence]
    alone = tmp_path / "alone.txt"
    alone.write_text(f"{HEADER}\n\nDorian Pike on Friday denied the allegation, calling it baseless.\n")
    ((_, extraction),) = eg.extract([alone], registry=Registry())
    assert extraction.events == []
    assert [s.reason for s in extraction.skipped] == ["no target found"]


def test_a_link_card_glued_to_a_name_is_not_read(tmp_path):
    found = triples(
        tmp_path,
        "The Harbor Trades Council announced its endorsement of Sen. Dorian PikeDorian Kale PikeOvernight "
        "Energy — Presented by Acme — Jean Kim The Memo: Kim wins on trade MORE (D-Harrow) for mayor "
        "Thursday.",
    )
    assert found == {("Harbor Trades Council", "endorse", "Dorian Pike")}


def test_a_place_before_an_office_in_an_apposition_is_no_actor(tmp_path):
    found = triples(
        tmp_path,
        "Cllr Lena Ortiz, a Harrow West councillor who endorsed Mr Pike at his launch on 2 September, said "
        "on Thursday that she was withdrawing her support.",
    )
    assert ("Lena Ortiz", "withdraw", "Pike") in found
    assert not {t for t in found if t[0] == "Harrow West"}


def test_the_object_of_wrote_to_is_whom_the_writers_urge(tmp_path):
    found = triples(
        tmp_path,
        "Four members of the Tory group - Cllr Ilse Brandt, Cllr Omar Haddad and Cllr Jean Kim - wrote to "
        "Labour's Cllr Dorian Pike on Monday, urging him to stand down from the cabinet.",
    )
    assert found == {(a, "call_to_resign", "Dorian Pike") for a in ("Ilse Brandt", "Omar Haddad", "Jean Kim")}


def test_a_shortened_first_name_is_the_same_person(tmp_path):
    found = triples(
        tmp_path,
        "Rosalind Fenn joined Dorian Pike's campaign as an aide in 2024. Ros Fenn accused Pike of bullying "
        "on Tuesday. Pike denied Fenn's account on Wednesday.",
    )
    assert found == {("Rosalind Fenn", "accuse", "Dorian Pike"), ("Dorian Pike", "deny", "Rosalind Fenn")}


def test_an_unnamed_group_before_and_is_not_a_named_backer(tmp_path):
    found = triples(
        tmp_path,
        "Dorian Pike was accused of harassment on Monday. Pike still has the endorsement of several other "
        "labor groups, and the Harbor Chamber of Commerce, which has not endorsed in the race, said it may "
        "endorse a candidate next week.",
    )
    assert found == set()  # neither the unnamed groups nor the chamber, which has not endorsed


def test_a_group_named_in_the_next_sentence_each_withdraws(tmp_path):
    found = triples(
        tmp_path,
        "On Saturday, Dorian Pike lost the support of the Harbor Nurses Union and a group of lawmakers whose "
        "early backing had lifted his campaign. The group included: state Sens. Ilse Brandt, Omar Haddad, "
        "and Priya Nair; Assembly Members Jean Kim and Lena Ortiz; and Rep. Tomas Garcia.",
    )
    backers = ("Harbor Nurses Union", "Ilse Brandt", "Omar Haddad", "Priya Nair", "Jean Kim", "Lena Ortiz",
               "Tomas Garcia")  # fmt: skip
    assert found == {(a, "withdraw", "Dorian Pike") for a in backers}


def test_quoted_calls_by_the_speaker(tmp_path):
    found = triples(
        tmp_path,
        'Rep. Dorian Pike faces calls to go. "Dorian Pike does not have the ability to serve here and should '
        'resign," Jean Kim said on Friday. "I believe our only option is to formally ask Mr. Pike to resign '
        'and allow the party to move on," said Tomas Garcia, appearing with Lena Ortiz Saturday.',
    )
    assert found == {
        ("Jean Kim", "call_to_resign", "Dorian Pike"),
        ("Tomas Garcia", "call_to_resign", "Dorian Pike"),
    }


def test_they_after_including_a_list_is_the_list(tmp_path):
    found = triples(
        tmp_path,
        "After the Harrow Bay Ledger published the recording on Friday, top Republicans, including Sen. Ilse "
        "Brandt and Rep. Omar Haddad of Harrow, said they could no longer support Dorian Pike.",
    )
    assert found == {("Ilse Brandt", "withdraw", "Dorian Pike"), ("Omar Haddad", "withdraw", "Dorian Pike")}


def test_a_statement_after_a_qualifier_dates_the_speaker_s_events(tmp_path):
    path = tmp_path / "deck.txt"
    path.write_text(
        "September 17th, 2027\n\nBackers urge Garcia to quit\n\n"
        "Brandt says she thinks Garcia should drop out.\n\n"
        "Sen. Ilse Brandt, D-Harrow, issued the bluntest statement Friday, saying Rosa Garcia had no path "
        "left.\n"
    )
    ((_, extraction),) = eg.extract([path], registry=Registry())
    (event,) = [e for e in extraction.events if e.action.value == "call_to_withdraw"]
    assert (event.actor, event.target, event.date) == ("Ilse Brandt", "Rosa Garcia", dt.date(2027, 9, 17))


def test_those_who_join_a_dated_call_are_bounded_by_it(tmp_path):
    path = tmp_path / "joined.txt"
    path.write_text(
        f"{HEADER}\n\nFive aldermen called on Alderman Dorian Pike to resign Wednesday.\n\n"
        "Aldermen Ilse Brandt of Ward 2 and Omar Haddad of Ward 4 also joined in the call for Pike to "
        "resign.\n"
    )
    ((_, extraction),) = eg.extract([path], registry=Registry())
    # joined on the call's day or later, by publication
    assert {(e.actor, e.not_before, e.not_after) for e in extraction.events} == {
        ("Ilse Brandt", dt.date(2027, 9, 15), dt.date(2027, 9, 17)),
        ("Omar Haddad", dt.date(2027, 9, 15), dt.date(2027, 9, 17)),
    }


def test_a_party_drops_its_candidate_named_with_the_seat(tmp_path):
    found = triples(
        tmp_path,
        "The Harrow Liberal Party dropped its Harrow West candidate Dorian Pike on Monday over old "
        "posts.\n\n"
        "Labour has withdrawn support from its Harrow East by-election candidate Jean Kim, leaving it "
        "without a candidate.\n\n"
        '"The Green Party has cancelled Lena Ortiz\' endorsement as its candidate for Harrow North," a party '
        "spokesman confirmed.",
    )
    assert found == {
        ("Harrow Liberal Party", "withdraw", "Dorian Pike"),
        ("Labour", "withdraw", "Jean Kim"),
        ("Green Party", "withdraw", "Lena Ortiz"),
    }


def test_support_withdrawn_from_unnamed_candidates_names_no_one(tmp_path):
    found = triples(
        tmp_path,
        "Dorian Pike is the Labour candidate in Harrow West. Labour has been forced to withdraw support for "
        "candidates during the campaign after comments made online.",
    )
    assert found == set()


def test_a_first_name_with_an_inner_capital_is_a_name(tmp_path):
    found = triples(
        tmp_path,
        "The sanitation workers' union said Wednesday it is cutting ties with City Councilmember LaShawn "
        "Pettiford. The Harbor Equality Democrats, a political club, rescinded its endorsement of Pettiford "
        "late Tuesday.",
    )
    assert ("Harbor Equality Democrats", "withdraw", "LaShawn Pettiford") in found


def test_a_withdrawal_s_target_is_not_a_name_past_until(tmp_path):
    found = triples(
        tmp_path,
        "Jean Kim accused Dorian Pike of groping her. On Thursday, the Harbor Grocers Union, which "
        "represents 20,000 workers, withdrew its endorsement until Kim's account could be independently "
        "reviewed.",
    )
    assert ("Harbor Grocers Union", "withdraw", "Dorian Pike") in found
    assert not {t for t in found if t[1] == "withdraw" and t[2] == "Jean Kim"}


def test_standing_by_its_man_is_the_one_the_article_is_about(tmp_path):
    found = triples(
        tmp_path,
        "Senate hopeful Dorian Pike admitted to sending the messages on Friday.\n\n"
        "The Harbor Senatorial Campaign Committee made clear on Saturday that it's standing by its man.\n\n"
        "Citing Pike's apology, committee chair Jean Kim said the race was about issues.",
    )
    assert found == {("Harbor Senatorial Campaign Committee", "stand_by", "Dorian Pike")}


def test_an_allegation_with_an_adverb_is_an_accusation_the_earlier_denial_answers(tmp_path):
    found = triples(
        tmp_path,
        "Pike has strongly denied these allegations.\n\n"
        "Dorian Pike's former girlfriend Jean Kim alleges that Pike mentally abused her during their "
        "relationship.",
    )
    assert found == {("Jean Kim", "accuse", "Dorian Pike"), ("Dorian Pike", "deny", "Jean Kim")}


def test_an_organisation_inside_a_title_is_the_title_s(tmp_path):
    found = triples(
        tmp_path,
        "The Harrow Bay Ledger went another way, endorsing Harbor Borough President and former HBPD captain "
        "Dorian Pike on Monday.",
    )
    assert found == {("Harrow Bay Ledger", "endorse", "Dorian Pike")}


def test_a_numbered_union_acronym_is_an_organisation(tmp_path):
    found = triples(
        tmp_path,
        "Councilman Dorian Pike lost the endorsement of the 32HB SEIU labor union on Wednesday.",
    )
    assert found == {("32HB SEIU", "withdraw", "Dorian Pike")}


def test_review_counter_examples_make_no_wrong_event(tmp_path):
    """Sentences a reviewer wrote against this round's rules: each made a wrong event once."""
    cases = {
        "Sen. Ilse Brandt Friday called on Dorian Pike to resign.": {
            ("Ilse Brandt", "call_to_resign", "Dorian Pike")
        },
        "Eric Adams endorsed Dorian Pike. Erica Adams, a nurse, called on Pike to resign.": {
            ("Eric Adams", "endorse", "Dorian Pike"),
            ("Erica Adams", "call_to_resign", "Dorian Pike"),
        },
        "Heidi Cruz endorsed Dorian Pike in May. Ted Cruz withdrew his endorsement of Pike on Friday.": {
            ("Heidi Cruz", "endorse", "Dorian Pike"),
            ("Ted Cruz", "withdraw", "Dorian Pike"),
        },
        "Jean Kim withdrew support for Dorian Pike's housing bill on Friday.": set(),
        "Pike and Ortiz quit the staff. Within a week Jean Kim lost Pike and Ortiz.": set(),
        '"We endorsed Dorian Pike as he promised a full term, and should he step down, we will back '
        'Lena Ortiz," Jean Kim said.': set(),
        '"My constituents ask Dorian Pike to resign every day, but I will not," Jean Kim said.': set(),
        "Jean Kim, Dorian Pike's wife, said she stood by her man.": set(),
    }
    for body, expected in cases.items():
        assert triples(tmp_path, body) == expected, body


def test_an_earlier_denial_of_something_else_is_not_answered(tmp_path):
    found = triples(
        tmp_path,
        "Dorian Pike on Monday denied wrongdoing in the zoning probe.\n\n"
        "On Thursday, Lena Ortiz accused Pike of harassment.",
    )
    assert found == {("Lena Ortiz", "accuse", "Dorian Pike")}


def test_an_answered_denial_keeps_its_own_day(tmp_path):
    path = tmp_path / "denial_day.txt"
    path.write_text(
        f"{HEADER}\n\nDorian Pike on Wednesday denied the allegation, calling it baseless.\n\n"
        "Lena Ortiz accused Pike of misusing campaign funds on Tuesday.\n"
    )
    ((_, extraction),) = eg.extract([path], registry=Registry())
    (denial,) = [e for e in extraction.events if e.action.value == "deny"]
    assert (denial.target, denial.date) == ("Lena Ortiz", dt.date(2027, 9, 15))
