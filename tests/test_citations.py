"""Report rows cite their sources as a reporter does: outlet, date, URL, evidence (tests/millbrook)."""

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.cli import cli

MILLBROOK = Path(__file__).parent / "millbrook"


@pytest.fixture(scope="module")
def graph():
    return eg.load([MILLBROOK])


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--source", str(MILLBROOK)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_rows_carry_outlet_date_url_and_evidence(graph):
    (greens,) = eg.withdrawals(graph, endorser="Millbrook Green Party")
    assert greens["citations"] == [
        {
            "outlet": "Millbrook Ledger",
            "published": "2024-04-04",
            "url": "https://millbrook-ledger.example/2024/04/04/greens-withdraw",
            "evidence": "The Green Party withdrew its endorsement of Stringer in light of the allegations.",
            "source": "ledger-0404",
        }
    ]
    for report in (eg.timeline(graph), eg.stood_by(graph), eg.as_of(graph, "2024-03-20")):
        assert all(row["citations"] and row["citations"][0]["outlet"] for row in report)


def test_an_article_is_cited_by_its_manifest_and_one_url_is_one_citation(graph):
    (nurses,) = eg.withdrawals(graph, endorser="Harbor Nurses Union")
    # The facts row and the article share a URL: one citation, the article's evidence kept.
    assert [(c["outlet"], c["published"]) for c in nurses["citations"]] == [
        ("Harbor Gazette", "2024-04-05"),
        ("Millbrook Ledger", "2024-04-09"),
    ]
    assert nurses["sources"] == ["gazette-0405", "gazette_nurses.txt", "ledger-0409"]


def test_an_articles_url_line_gives_its_citation(graph):
    (row,) = eg.timeline(graph, race="ridgeford-council-2024")
    assert row["citations"][0]["outlet"] == "Ridgeford Times"
    assert row["citations"][0]["url"] == "https://ridgeford-times.example/2024/05/02/rtu-ortiz"
    assert row["citations"][0]["evidence"] == "The RTU endorsed council candidate Sam Ortiz on Wednesday."


def test_each_format_cites_in_its_own_way():
    as_json = json.loads(_run("withdrawals", "--json"))
    assert all(isinstance(c, dict) for row in as_json for c in row["citations"])
    rows = list(csv.DictReader(io.StringIO(_run("withdrawals", "--csv"))))
    nurses = next(r for r in rows if r["endorser"] == "Harbor Nurses Union")
    assert (nurses["citation1_outlet"], nurses["citation1_published"]) == ("Harbor Gazette", "2024-04-05")
    assert nurses["citation2_url"] == "https://millbrook-ledger.example/2024/04/09/nurses"
    assert "citations" not in rows[0]
    markdown = _run("withdrawals", "--markdown")
    assert "[^1]" in markdown.split("\n\n")[0]  # marks in the table
    assert (
        "[^1]: [Millbrook Ledger, 2024-04-04](https://millbrook-ledger.example/2024/04/04/greens-withdraw)"
        in markdown
    )
    table = _run("withdrawals")
    assert "Harbor Gazette, 2024-04-05; Millbrook Ledger, 2024-04-09" in table
    assert "ledger-0404" not in table  # ids are not citations
