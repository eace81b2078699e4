"""Name shapes of real news that made wrong actors (issue 9): a seat before a title, titles such as
Clerk or Constable, parenthesised divisions and branches of a body, parties named by one word or an
acronym. A second race (Saskatchewan and elsewhere), with names that collide with the NYC sample's."""

import endorsegraph as eg
from endorsegraph.api import entity_registry


def events(tmp_path, text: str, published: str = "2025-04-17"):
    path = tmp_path / "article.txt"
    path.write_text(f"date {published}\n\n{text}")
    ((_, extraction),) = eg.extract([path], registry=entity_registry(["sample"]))
    return extraction.events


def triples(found) -> set[tuple[str, str, str]]:
    return {(e.actor, e.action.value, e.target) for e in found}


def test_a_seat_before_a_title_is_not_the_actor(tmp_path):
    found = events(
        tmp_path,
        "Regina Wascana MP Colette Dubois said Thursday she was withdrawing her endorsement of Bryn "
        "Halvorsen, the candidate in Regina Lewvan.",
    )
    assert triples(found) == {("Colette Dubois", "withdraw", "Bryn Halvorsen")}
    assert found[0].actor_title == "Regina Wascana MP"


def test_clerk_and_constable_are_titles_and_a_post_is_its_authors(tmp_path):
    found = events(
        tmp_path,
        "Regina County Clerk Ana Garcia posted her decision on Wednesday:\n\n"
        "I'm withdrawing my endorsement of Bryn Halvorsen. Voters deserve better.\n"
        "— Ana Garcia (@ClerkAnaGarcia) April 16, 2025\n\n"
        "The Prairie Teachers Union threw its support behind Moose Jaw Constable Jean Kim.",
    )
    assert triples(found) == {
        ("Ana Garcia", "withdraw", "Bryn Halvorsen"),
        ("Prairie Teachers Union", "endorse", "Jean Kim"),
    }
    assert {e.target_title for e in found if e.target == "Jean Kim"} == {"Moose Jaw Constable"}


def test_divisions_and_branches_belong_to_the_body(tmp_path):
    found = events(
        tmp_path,
        "The New Democratic Party of Saskatchewan (Regina Division) has dropped Bryn Halvorsen as its "
        "candidate. But the Lakeview branch of the Prairie Youth League said on Thursday it stood by "
        "Halvorsen.",
    )
    assert triples(found) == {
        ("New Democratic Party of Saskatchewan (Regina Division)", "withdraw", "Bryn Halvorsen"),
        ("Lakeview branch of the Prairie Youth League", "stand_by", "Bryn Halvorsen"),
    }


def test_parties_by_one_word_or_an_acronym(tmp_path):
    found = events(
        tmp_path,
        "Labour has withdrawn its support for Tomasz Nowak. The Greens said they stood by Nowak. "
        "Two Labour councillors said nothing. "
        "The Bharatiya Janata Party (BJP) on Monday dropped Kavita Rao. The BJP later endorsed Sunil Menon.",
    )
    assert triples(found) == {
        ("Labour", "withdraw", "Tomasz Nowak"),
        ("Greens", "stand_by", "Tomasz Nowak"),
        ("Bharatiya Janata Party", "withdraw", "Kavita Rao"),
        ("Bharatiya Janata Party", "endorse", "Sunil Menon"),
    }


def test_a_riding_named_after_candidate_in_is_a_place(tmp_path):
    found = events(
        tmp_path,
        "The Saskatchewan Party said Monday that Dale Kostiuk, its candidate in Regina Pasqua, would stay on "
        "the ballot. Moose Jaw MLA Ken Ostrowski said Thursday he was pulling his endorsement.",
    )
    assert triples(found) == {("Ken Ostrowski", "withdraw", "Dale Kostiuk")}


def test_a_headline_or_caption_does_not_glue_words_to_a_name_the_prose_gives(tmp_path):
    # Headlines capitalise descriptors and captions open with them: "Westbrook Independent Jean Kim",
    # "Challenger Luis Garcia, left,". The prose names the people on their own.
    found = events(
        tmp_path,
        "Nurses revoke support for Westbrook Independent Jean Kim\n\n"
        "Challenger Luis Garcia, left, with volunteers on Main Street. (Photo: Dana Roe for the Ledger)\n\n"
        "The Westbrook Nurses Association on Monday revoked its endorsement of independent candidate "
        "Jean Kim, days after her rival Luis Garcia accused her of misstating her address.",
    )
    assert triples(found) == {
        ("Westbrook Nurses Association", "withdraw", "Jean Kim"),
        ("Luis Garcia", "accuse", "Jean Kim"),
    }


def test_a_mc_or_mac_surname_alone_is_the_person_named_before(tmp_path):
    found = events(
        tmp_path,
        "Labour dropped councillor Derek McAlinden on Monday over claims raised by Jean Kim. "
        "Councillor Ana Garcia said that Cllr McAlinden should resign his seat.",
    )
    assert ("Ana Garcia", "call_to_resign", "Derek McAlinden") in triples(found)


def test_a_place_before_a_lowercase_title_in_a_list_of_officials(tmp_path):
    found = events(
        tmp_path,
        "Jean Kim launched her campaign on April 9. Surf Coast mayor Ana Garcia, Golden Plains mayor "
        "Neil Brabham and former state MP Garry Colquhoun, who all endorsed Ms Kim at the launch, "
        "withdrew their support on Wednesday.",
    )
    actors = {e.actor for e in found if e.action.value == "withdraw" and e.target == "Jean Kim"}
    assert actors == {"Ana Garcia", "Neil Brabham", "Garry Colquhoun"}
    assert {e.actor_title for e in found if e.actor == "Neil Brabham"} == {"Golden Plains mayor"}


def test_the_councillor_is_the_person_with_that_title_among_all_they_had(tmp_path):
    found = events(
        tmp_path,
        "Labour dropped sitting Govan councillor Jean Kim on Monday. Cllr Kim said she was saddened. "
        "Ana Garcia, who accused the councillor of phoning housing staff, said she stood by her account.",
    )
    assert ("Ana Garcia", "accuse", "Jean Kim") in triples(found)
