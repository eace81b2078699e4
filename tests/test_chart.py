"""Charts: cascade, intervals and in-force, as PNG, SVG and offline HTML, on the bundled Stringer
sample and on the invented Riverton race (tests/races/), checked in data, in the SVG's text and in
headless Chromium."""

import csv
import datetime as dt
import io
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.cli import cli
from endorsegraph.outputs.chart import render
from endorsegraph.outputs.chart_data import Cascade, InForce, Intervals, build_chart, points
from endorsegraph.outputs.window import parse_window

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip
SVG = "{http://www.w3.org/2000/svg}"
SHOTS = Path("/tmp/shots")


def svg_texts(svg: bytes) -> list[str]:
    """Every <text> of an SVG, as the reader sees it (matplotlib writes lines as tspans)."""
    root = ET.fromstring(svg)
    return ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def withdrawn_from(graph, candidate):
    return eg.withdrawals(graph, candidate=candidate)


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def _keep(path: Path) -> None:
    """A copy for people to look at, when /tmp/shots exists (never in git)."""
    if SHOTS.is_dir():
        shutil.copy(path, SHOTS / path.name)


# --- what is plotted ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "candidate", "count"), [("bundled", "Scott Stringer", 18), ("riverton", "Maria Garcia", 21)]
)
def test_cascade_ends_at_the_number_of_withdrawals(request, fixture, candidate, count):
    graph = request.getfixturevalue(fixture)
    chart = build_chart(graph, [candidate])
    (panel,) = chart.panels
    assert isinstance(panel, Cascade) and chart.kind == "cascade"  # the default with a candidate
    assert len(withdrawn_from(graph, candidate)) == count == panel.total == len(panel.withdrawals)
    assert panel.steps[-1][1] == count  # the last point of the certain line
    assert [w.position for w in panel.withdrawals] == list(range(1, count + 1))
    certain = [c for _, c, _ in panel.steps]
    assert certain == sorted(certain)  # a cumulative count never falls
    assert all(c <= p for _, c, p in panel.steps)


def test_cascade_day_zero_is_the_first_accusation_and_others_are_marked(riverton):
    (panel,) = build_chart(riverton, ["Maria Garcia"]).panels
    assert panel.trigger.accuser == "Jean Kim" and panel.day0 == dt.date(2025, 3, 10)
    assert [(a.accuser, offset) for a, offset in panel.others] == [("Pat Lee", 3)]
    (stringer,) = build_chart(eg.load(), ["Scott Stringer"]).panels
    assert [(a.accuser, offset) for a, offset in stringer.others] == [("Teresa Logan", 38)]


def test_bounded_withdrawals_stay_ranges_and_no_date_is_invented(bundled, riverton):
    rows = {r["label"]: r for r in points(build_chart(bundled, ["Stringer"])) if r["series"] == "withdrawal"}
    jewish_vote = rows["The Jewish Vote"]
    assert jewish_vote["date"] is None and jewish_vote["days_after_trigger"] is None
    assert (jewish_vote["not_before"], jewish_vote["not_after"]) == ("2021-04-28", "2021-04-30")
    assert (jewish_vote["days_not_before"], jewish_vote["days_not_after"]) == (1, 3)
    nycc = rows["New York Communities for Change"]
    assert nycc["date"] is None and (nycc["days_not_before"], nycc["days_not_after"]) == (-1, 5)
    (panel,) = build_chart(riverton, ["Maria Garcia"]).panels
    labels = {w.endorser: w.label for w in panel.withdrawals}
    assert labels["Working Families Party"] == "Working Families Party (Mar 11–13)"
    assert labels["Riverton Tenants Alliance"] == "Riverton Tenants Alliance (Mar 8–16)"
    assert labels["Ana Ruiz"] == "Ana Ruiz"
    # may have withdrawn before the accusation: the title does not say "after"
    assert build_chart(riverton, ["Maria Garcia"]).title.startswith(
        "21 endorsers withdrew from Maria Garcia around"
    )


def test_a_candidate_never_accused_falls_back_to_in_force_and_says_so(riverton):
    chart = build_chart(riverton, ["Maria Garcia", "Tom Reyes"], "cascade")
    assert [type(p) for p in chart.panels] == [Cascade, InForce]
    assert (
        chart.panels[1].note
        == "No accusation against Tom Reyes on record: endorsements in force shown instead."
    )
    assert chart.panels[1].note in chart.notes


def test_intervals_rows_sorted_by_withdrawal_and_certainty_split(bundled, riverton):
    (panel,) = build_chart(bundled, ["Scott Stringer"], "intervals").panels
    assert isinstance(panel, Intervals)
    assert panel.rows[0] == "Jessica Ramos"  # first to leave
    held = ["United Federation of Teachers", "Teamsters Local 237", "American Federation of Teachers"]
    assert panel.rows[-3:] == held  # never withdrew: after everyone who did, by start
    assert {m.endorser for m in panel.markers if m.action == "stand_by"} == {
        "United Federation of Teachers",
        "American Federation of Teachers",
    }
    (garcia,) = build_chart(riverton, ["Maria Garcia"], "intervals").panels
    assert garcia.rows[-1] == "Riverton Teachers Union"  # stood by, never left
    implied = [b for b in garcia.bars if b.implied]
    assert implied and all(b.start.earliest is None for b in implied)  # start unknown: drawn hatched


def test_in_force_is_a_band_never_one_line(bundled):
    chart = build_chart(bundled, ["Scott Stringer"], "in-force")
    (series,) = chart.panels[0].series
    assert all(c <= p for c, p in zip(series.certain, series.possible, strict=True))
    # the lower bound rises on Apr 29 (endorsements known only from their withdrawal the next day)
    day = series.days.index(dt.date(2021, 4, 29))
    assert series.certain[day] > series.certain[day - 1]
    assert series.possible[day] <= series.possible[day - 1]  # what may be in force only falls
    texts = svg_texts(render(chart, "svg"))
    for entry in (
        "Scott Stringer (band)",
        "lower edge: certainly in force",
        "upper edge: possibly in force",
        "withdrawals that day",
        "a withdrawal known only within dates",
        "accusation",
    ):
        assert entry in texts, entry
    assert any("known only from a later withdrawal" in t for t in texts)  # the note says why


def test_default_without_candidates_is_in_force_for_the_most_endorsed(bundled):
    chart = build_chart(bundled)
    assert chart.kind == "in-force" and chart.panels[0].series[0].candidate == "Scott Stringer"


# --- SVG, PNG and the CSV of points --------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "candidate"), [("bundled", "Scott Stringer"), ("riverton", "Maria Garcia")]
)
def test_every_withdrawal_is_labelled_in_the_svg_as_text(request, fixture, candidate):
    graph = request.getfixturevalue(fixture)
    svg = render(build_chart(graph, [candidate]), "svg")
    texts = svg_texts(svg)
    endorsers = [r["endorser"] for r in withdrawn_from(graph, candidate)]
    assert len(endorsers) >= 18
    for name in endorsers:
        assert any(t == name or t.startswith(f"{name} (") for t in texts), name
    assert f"{len(endorsers)} withdrawn" in texts
    assert any(t.startswith("Source: endorsegraph; facts from") for t in texts)
    assert "<path" in svg.decode() and "font-family" in svg.decode()  # text, not glyph outlines
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.find(f"{SVG}desc").text.startswith(
        build_chart(graph, [candidate]).title
    )
    # hover titles on the marks: every withdrawal has one with its date
    titles = ["".join(t.itertext()) for g in root.iter(f"{SVG}g") for t in g.findall(f"{SVG}title")]
    for row in withdrawn_from(graph, candidate):
        assert any(t.startswith(f"{row['endorser']} withdrew: ") for t in titles), row["endorser"]


@pytest.mark.parametrize("kind", ["cascade", "intervals", "in-force"])
def test_png_carries_alt_text_and_svg_is_reproducible(riverton, kind):
    from PIL import Image

    chart = build_chart(riverton, ["Maria Garcia"], kind)
    image = Image.open(io.BytesIO(render(chart, "png")))
    assert image.width == 1100 and image.height > 400
    assert image.text["Description"] == chart.alt_text and chart.credit in chart.alt_text
    assert render(chart, "svg") == render(build_chart(riverton, ["Maria Garcia"], kind), "svg")


def test_alt_text_reads_the_cascade(bundled):
    alt = build_chart(bundled, ["Scott Stringer"]).alt_text
    assert "18 withdrawals after Jean Kim's accusation, 2021-04-27" in alt
    assert "3 days after (Apr 30): 8" in alt and "The Jewish Vote (Apr 28–30)" in alt


def test_cli_writes_chart_and_plotted_points(tmp_path):
    runner = CliRunner()
    out, data = tmp_path / "cascade.svg", tmp_path / "points.csv"
    source = Path(__file__).parent / "races" / "riverton2025.csv"
    result = runner.invoke(
        cli,
        [
            "chart",
            "-o",
            str(out),
            "--candidate",
            "Maria Garcia",
            "--data",
            str(data),
            "--source",
            str(source),
        ],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(data.open()))
    certain = [r for r in rows if r["series"] == "certainly withdrawn"]
    assert certain[-1]["value"] == "21"
    assert sum(r["series"] == "withdrawal" for r in rows) == 21
    assert "Sara Cole" in svg_texts(out.read_bytes())
    for kind in ("intervals", "in-force"):
        target = tmp_path / f"{kind}.png"
        args = ["chart", "-o", str(target), "--kind", kind, "--window", "2025-03-01..2025-03-31"]
        assert runner.invoke(cli, [*args, "--source", str(source)]).exit_code == 0
        assert target.stat().st_size > 20_000
    bad = runner.invoke(cli, ["chart", "-o", str(tmp_path / "c.png"), "--window", "2025-03-31..2025-03-01"])
    assert bad.exit_code == 2 and "is after its end" in bad.stderr
    assert runner.invoke(cli, ["chart", "-o", str(tmp_path / "c.pdf")]).exit_code == 2


def test_window_text():
    window = parse_window("2021-04-20..2021-05-16")
    assert (len(window.days()), str(window)) == (27, "2021-04-20..2021-05-16")
    with pytest.raises(ValueError, match="not START..END"):
        parse_window("2021-04-20")


def _hover(page, mark) -> None:
    """Move the mouse over the centre of a mark's drawn shape (not its <defs>)."""
    point = mark.evaluate(
        """g => { const t = [...g.querySelectorAll("use, path")].find(e => !e.closest("defs"));
                  const r = t.getBoundingClientRect();
                  return {x: r.x + r.width / 2, y: r.y + r.height / 2}; }"""
    )
    page.mouse.move(point["x"], point["y"])


# --- in the browser ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "candidate", "kind"),
    [
        ("bundled", "Scott Stringer", "cascade"),
        ("bundled", "Scott Stringer", "intervals"),
        ("bundled", "Scott Stringer", "in-force"),
        ("riverton", "Maria Garcia", "cascade"),
        ("riverton", "Maria Garcia", "intervals"),
    ],
)
def test_html_chart_offline_with_tooltips(browser, request, tmp_path, fixture, candidate, kind):
    from PIL import Image

    graph = request.getfixturevalue(fixture)
    chart = build_chart(graph, [candidate], kind)
    page_html = render(chart, "html").decode()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page_html)
    path = tmp_path / f"chart-{fixture}-{kind}.html"
    path.write_text(page_html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(path.as_uri())
        assert requests == [path.as_uri()] and errors == []
        assert page.title() == chart.title
        shot = tmp_path / f"chart-{fixture}-{kind}.png"
        page.screenshot(path=str(shot), full_page=True)
        _keep(shot)
        image = Image.open(shot).convert("RGB")
        colours = image.getcolors(maxcolors=1 << 24)
        assert len(colours) > 100  # drawn, anti-aliased, in several colours
        # hover the first mark with a tooltip: the page's own tooltip shows its text
        if kind == "in-force":
            selector = "[data-tip*='withdrew on']"
        elif kind == "intervals":
            selector = "[data-tip*=' withdrew: ']"
        else:
            selector = "[data-tip*=' withdrew: ']"
        mark = page.locator(selector).first
        expected = mark.get_attribute("data-tip")
        _hover(page, mark)
        tooltip = page.locator("#eg-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        assert tooltip.text_content() == expected
        if kind == "cascade":
            totals = page.evaluate("JSON.parse(document.getElementById('eg-chart').textContent).totals")
            assert totals == [len(withdrawn_from(graph, candidate))]
    finally:
        context.close()


HOSTILE = "</script><script>alert(2)</script>"


def test_chart_escapes_hostile_names(browser, tmp_path):
    facts = tmp_path / "facts.csv"
    facts.write_text(
        "actor,action,target,date\n"
        f'"<img src=x onerror=alert(1)>",endorse,"{HOSTILE}",2021-04-01\n'
        f'"<img src=x onerror=alert(1)>",withdraw,"{HOSTILE}",2021-04-10\n'
        f'Jean Kim,accuse,"{HOSTILE}",2021-04-08\n'
    )
    graph = eg.load([facts])
    path = tmp_path / "chart.html"
    path.write_bytes(render(build_chart(graph, [HOSTILE]), "html"))
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(path.as_uri())
        _hover(page, page.locator("[data-tip]").first)
        assert dialogs == [] and HOSTILE in page.title()
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") == 2  # tooltips and the data
    finally:
        context.close()


def test_titles_count_in_words(facts):
    graph = facts(
        """
        Ana Ruiz,endorse,Maria Garcia,2025-02-01,,,
        Jean Kim,accuse,Maria Garcia,2025-03-10,,,
        Ana Ruiz,withdraw,Maria Garcia,2025-03-12,,,
        Ben Okafor,endorse,Tom Reyes,2025-02-01,,,
        Jean Kim,accuse,Tom Reyes,2025-03-10,,,
        """
    )
    assert (
        build_chart(graph, ["Maria Garcia"]).title
        == "1 endorser withdrew from Maria Garcia after Jean Kim's accusation"
    )
    assert (
        build_chart(graph, ["Tom Reyes"]).title
        == "No endorser withdrew from Tom Reyes after Jean Kim's accusation"
    )
    assert "Tom Reyes: 0 withdrawals" in svg_texts(render(build_chart(graph, ["Tom Reyes"]), "svg"))


def test_credit_names_outlets_and_the_credit_a_licence_asks_for(write):
    graph = eg.load(
        [
            write(
                "race.csv",
                """
                actor,action,target,date,source_id,source_url,credit
                Ana Ruiz,endorse,Maria Garcia,2025-02-01,ledger,https://www.riverton-ledger.example/a,
                Jean Kim,accuse,Maria Garcia,2025-03-10,tracker,,"Riverton Tracker, CC BY 4.0"
                Ana Ruiz,withdraw,Maria Garcia,2025-03-12,tracker,,"Riverton Tracker, CC BY 4.0"
                """,
            )
        ]
    )
    chart = build_chart(graph, ["Maria Garcia"])
    assert chart.credit == (
        "Source: endorsegraph; facts from riverton-ledger.example and 1 other source (tracker); "
        "Riverton Tracker, CC BY 4.0"
    )
    assert chart.credit in svg_texts(render(chart, "svg"))
