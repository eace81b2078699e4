"""Reading article files: date lines, manifests, encodings, binary files, very long texts."""

import codecs
import datetime as dt
import json

import pytest

import endorsegraph as eg
from endorsegraph.graph import store
from endorsegraph.graph.errors import InputError
from endorsegraph.loaders.articles import SkippedFile, read_article, read_manifest

BODY = "The Harbor Workers Union withdrew its endorsement of Tom Becker on Thursday.\n"


def test_date_line_and_caption_on_the_same_line(tmp_path, shared):
    article = read_article(shared / "seeds" / "000_854f7cb433003545.txt")
    assert article.published == dt.date(2021, 4, 28)
    assert article.body.startswith("Jean Kim, center, accused")  # the caption is article text
    undated = read_article(shared / "seeds" / "002_276cec56a5a2cbcf.txt")
    assert undated.published is None and undated.body_start == 0


CURLY = " date 2023-03-10 Köhler’s “caption”\n\n" + BODY


@pytest.mark.parametrize(
    "data",
    [
        CURLY.encode("utf-8"),
        codecs.BOM_UTF8 + CURLY.encode("utf-8"),
        CURLY.encode("utf-16"),  # with a byte order mark
        CURLY.replace("\n", "\r\n").encode("utf-8"),
        CURLY.replace("’", "'").replace("“", '"').replace("”", '"').replace("\n", "\r\n").encode("latin-1"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf8-crlf", "latin1-crlf"],
)
def test_encodings_read_the_same(tmp_path, data):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert article.published == dt.date(2023, 3, 10)
    assert "Köhler" in article.text
    assert "\r" not in article.text and article.body.endswith(BODY)
    ((_, extraction),) = eg.extract([path])
    assert [(e.actor, e.action.value, e.date) for e in extraction.events] == [
        ("Harbor Workers Union", "withdraw", dt.date(2023, 3, 9))
    ]


def test_latin1_text_falls_back(tmp_path):
    path = tmp_path / "l.txt"
    path.write_bytes(" date 2021-09-03 Jürgen Köhler denied it.\n".encode("latin-1"))
    assert "Jürgen Köhler" in read_article(path).text


def test_binary_file_is_reported_and_skipped(tmp_path):
    path = tmp_path / "b.txt"
    path.write_bytes(b"\x00\x01binary\x00")
    with pytest.raises(SkippedFile, match="binary file"):
        read_article(path)
    warnings = []
    graph = eg.load([path], warn=warnings.append)
    assert warnings == [f"{path}: binary file (NUL bytes, no UTF-16 byte order mark): skipped"]
    assert len(store.event_log(graph)) == 0


def test_manifest_gives_metadata_without_editing_articles(tmp_path):
    (tmp_path / "x.txt").write_text(BODY)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,url,outlet,published\nx.txt,https://example.org/x,Example News,2023-03-10\n")
    ((_, extraction),) = eg.extract([tmp_path])
    (event,) = extraction.events
    assert event.source.outlet == "Example News" and event.source.url == "https://example.org/x"
    assert event.date == dt.date(2023, 3, 9)  # Thursday before the manifest's publication date
    json_manifest = tmp_path / "m.json"
    json_manifest.write_text(json.dumps([{"file": "x.txt", "published": "2023-02-30"}]))
    with pytest.raises(InputError, match="published '2023-02-30' is not a real day"):
        read_manifest(json_manifest)


def test_undated_article_gets_no_date_from_weekdays(tmp_path):
    path = tmp_path / "u.txt"
    path.write_text(BODY)
    ((_, extraction),) = eg.extract([path])
    (event,) = extraction.events
    assert (event.date, event.not_before, event.not_after) == (None, None, None)


def test_text_longer_than_spacy_max_length_is_processed_in_pieces(tmp_path):
    """A 1 MB single line is cut into pieces, not refused (its speed is in the benchmark)."""
    sentence = "Polls showed a tight race. The Harbor Workers Union withdrew its endorsement of Tom Becker. "
    path = tmp_path / "long.txt"
    path.write_text(" date 2021-05-01 " + sentence * (1_000_000 // len(sentence)))
    ((article, extraction),) = eg.extract([path])
    assert len(article.text) > 999_000
    assert [(e.actor, e.action.value, e.target) for e in extraction.events] == [
        ("Harbor Workers Union", "withdraw", "Tom Becker")
    ]
