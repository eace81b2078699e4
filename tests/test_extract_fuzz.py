"""The extractor takes any text without failing, and whatever it reports points into the text."""

import datetime as dt
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from endorsegraph.api import entity_registry
from endorsegraph.loaders.articles import Article
from endorsegraph.loaders.extract import Extractor

EXTRACTOR = Extractor(entity_registry())
PIECES = [
    "Scott Stringer", "Jean Kim", "WFP", "the union", "he", "she", "they", "Stringer's", "Council Members",
    "withdrew its endorsement of", "endorsed", "accused", "denied the allegations", "called on", "to resign",
    "did not", "on Thursday", "the day prior", "April 28", "yesterday", '"', "“", "”", ",", ".", ";", " who ",
    "after", "Three council members", "ranked", "second", "\n\n", "Gov.", "O'Brien", "José", "’s",
    "on March 3, 2024", "in 2019", "last week", "recently", "Monday",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))))
def test_any_text_extracts_without_failing(text, published):
    article = Article("fuzz.txt", Path("fuzz.txt"), text, 0, published)
    for event in EXTRACTOR.extract(article).events:
        assert event.actor and event.target and event.actor != event.target
        assert 0 <= event.start <= event.end <= len(text)
        # Evidence is the sentence with its white space folded, as every Event text field is.
        assert event.evidence == " ".join(text[event.start : event.end].split())
        if published is None and (event.date or event.not_before or event.not_after):
            # without a publication date only a date written with its year can date an event
            assert re.search(r"\d{4}", event.date_text or ""), event
