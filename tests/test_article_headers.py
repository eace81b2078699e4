"""Header lines of scraped article files (date / date unknown, url, race) are metadata, not text."""

import datetime as dt

import pytest

import endorsegraph as eg
from endorsegraph.graph.errors import InputError
from endorsegraph.loaders.articles import read_article

# A second race written for the tests; names collide with the bundled NYC 2021 sample's (Garcia).
RENO = (
    "Reno Teachers Union drops Garcia\n\n"
    "The Reno Teachers Union withdrew its endorsement of mayoral candidate Maria Garcia on Tuesday.\n"
)


def test_headers_are_read_and_kept_out_of_the_text(tmp_path):
    path = tmp_path / "reno.txt"
    path.write_text("date 2024-05-10\nurl https://example.org/reno\nrace 2024 Reno mayor\n\n" + RENO)
    article = read_article(path)
    assert article.published == dt.date(2024, 5, 10)
    assert article.url == "https://example.org/reno"
    assert article.race == "2024 Reno mayor"
    assert article.body.lstrip().startswith("Reno Teachers Union drops Garcia")


def test_date_unknown_is_no_date_and_no_text(tmp_path):
    path = tmp_path / "reno.txt"
    path.write_text("date unknown\nurl https://example.org/reno\n\n" + RENO)
    article = read_article(path)
    assert article.published is None and article.url == "https://example.org/reno"
    assert "unknown" not in article.body and "example.org" not in article.body


def test_extracted_events_carry_the_headers(tmp_path):
    path = tmp_path / "reno.txt"
    path.write_text("date 2024-05-10\nurl https://example.org/reno\nrace 2024 Reno mayor\n\n" + RENO)
    ((_, extraction),) = eg.extract([path])
    (event,) = [e for e in extraction.events if e.action.value == "withdraw"]
    assert (event.actor, event.target) == ("Reno Teachers Union", "Maria Garcia")
    assert event.race == "2024 Reno mayor" and event.source.url == "https://example.org/reno"
    assert event.date == dt.date(2024, 5, 7)  # "on Tuesday" before the Friday it was published


def test_a_bad_date_line_names_file_and_line(tmp_path):
    path = tmp_path / "reno.txt"
    path.write_text("url https://example.org/reno\ndate 2024-13-40\n\n" + RENO)
    with pytest.raises(InputError, match=r"reno.txt:2:"):
        read_article(path)


def test_a_url_word_in_the_text_is_not_a_header(tmp_path):
    path = tmp_path / "reno.txt"
    path.write_text("Race to the bottom in Reno\n\n" + RENO)
    article = read_article(path)
    assert article.race is None and article.body_start == 0
