"""The extractor's faster paths give what the plain ones gave: sentences drawn on the tokenizer's
arrays (loaders/sentencizer.py) are spaCy's sentencizer's, the hint words a shape holds are the
ones a substring test per hint finds, and events built without field-by-field validation
(loaders/trusted_events.py) are the validated ones, or the same error.

On a second race written for these tests (the Harlow Falls school board, March 2024) whose names
collide with the NYC sample's: another Garcia (Marisol), another Jean Kim, and a Daniel Kim.
"""

import datetime as dt
from pathlib import Path

import pydantic
import pytest
import spacy

from endorsegraph.api import entity_registry
from endorsegraph.graph.events import Event, Source
from endorsegraph.loaders.articles import Article
from endorsegraph.loaders.extract import Extractor
from endorsegraph.loaders.matching import Matcher
from endorsegraph.loaders.rules import RULE_SET
from endorsegraph.loaders.sentencizer import Sentencizer
from endorsegraph.loaders.trusted_events import trusted_event

HARLOW = """ date 2024-03-08 Harlow Falls school board: Garcia loses a union's backing

By Staff Reporter

The Harlow Falls Teachers Union withdrew its endorsement of Marisol Garcia on Tuesday, after Jean Kim
accused Garcia of misusing board funds. Garcia denied the allegations!  "It is simply untrue," she said.

Sen. Daniel Kim (D-Harlow) said he was standing by Garcia... for now?! The Riverside Tenants Alliance
did not withdraw its support; its chair, Ana Ruiz, called on Garcia to step aside.

U.S. Rep. Tom Hale, who had endorsed Garcia in 2023, withdrew his endorsement. (Photo: J. Doe/Harlow Post)
"""


def article(text: str = HARLOW) -> Article:
    return Article("harlow.txt", Path("harlow.txt"), text, text.index("Harlow"), dt.date(2024, 3, 8))


def test_sentences_are_spacys_sentencizers():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    split = Sentencizer(nlp)
    texts = [
        HARLOW,
        *HARLOW.split("\n\n"),
        "Garcia said.  Kim agreed",
        '"No." "Yes!" he said.',
        "...",
        "Hi。Bye",
    ]
    for text in texts:
        assert split(text) == [(s.start_char, s.end_char) for s in nlp(text).sents], text


def test_extraction_equals_the_one_spacys_sentencizer_splits():
    fast = Extractor(entity_registry(["sample"]))
    plain = Extractor(entity_registry(["sample"]))
    plain.sentencizer = None  # sentences from the pipeline's docs, as for a trained pipeline
    ours, theirs = fast.extract(article()), plain.extract(article())
    assert ours == theirs
    assert {(e.actor, e.action.value, e.target) for e in ours.events} >= {
        ("Harlow Falls Teachers Union", "withdraw", "Marisol Garcia"),
        ("Tom Hale", "withdraw", "Marisol Garcia"),
    }
    assert all(e.target != "Kathryn Garcia" for e in ours.events)  # never the sample's Garcia


def test_hints_found_are_the_substrings_held():
    matcher = Matcher(RULE_SET)
    shapes = [HARLOW.lower(), "⟦0⟧ withdrew its endorsement of ⟦1⟧", "", "'s backers to", "dendorsement"]
    for shape in shapes:
        held = frozenset(h for h in RULE_SET.hints if h in shape)
        assert matcher._worth_trying(shape) == tuple(r for r in RULE_SET.rules if held & set(r.hints))


def test_trusted_events_are_the_validated_ones():
    events = Extractor(entity_registry()).extract(article()).events
    assert events
    for event in events:
        fields = event.model_dump(exclude={"group", "note", "actor_kind", "target_kind", "aliases"})
        fields["source"] = event.source
        fields["evidence"] = " Garcia\n  denied   it. "  # white space folded as the validator folds it
        built, validated = trusted_event(**fields), Event(**fields)
        assert built == validated and built.model_fields_set == validated.model_fields_set
        assert built.evidence == "Garcia denied it."


def test_what_validation_refuses_is_still_refused():
    source = Source(id="harlow.txt")
    with pytest.raises(pydantic.ValidationError, match="is after not_after"):
        trusted_event("Jean Kim", "accuse", "Marisol Garcia", source,
                      not_before=dt.date(2024, 3, 8), not_after=dt.date(2024, 3, 1))  # fmt: skip
    with pytest.raises(pydantic.ValidationError, match="actor is required"):
        trusted_event("  ", "accuse", "Marisol Garcia", source)
    # a value the validators convert is converted as they do
    assert trusted_event("Jean Kim", "accuse", "Marisol Garcia", source, rank="2").rank == 2
