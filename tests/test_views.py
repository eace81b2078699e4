"""The HTML graph view and the timeline chart, checked in a real browser (Debian's chromium driven
by Playwright; never `playwright install`)."""

import csv
import datetime as dt
import io
import re
import shutil

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.cli import cli
from endorsegraph.graph import store
from endorsegraph.outputs.chart import timeline_chart
from endorsegraph.outputs.views import MAX_NODES, graph_view_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE_ACTOR = "<img src=x onerror=alert(1)>"
HOSTILE_TARGET = "</script><script>alert(2)</script>"
HOSTILE_NOTE = '"><svg onload=alert(3)>'


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


class Page:
    """A page opened from a file with a fresh context, recording requests, errors and dialogs."""

    def __init__(self, browser, path):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})  # a fresh profile
        self.page = self.context.new_page()
        self.requests, self.errors, self.dialogs = [], [], []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.endorsegraphView && window.endorsegraphView.ready", timeout=30000)

    def __getattr__(self, name):
        return getattr(self.page, name)


@pytest.fixture(scope="module")
def bundled_page(browser, tmp_path_factory, bundled):
    path = tmp_path_factory.mktemp("view") / "view.html"
    path.write_text(graph_view_html(bundled), encoding="utf-8")
    page = Page(browser, path)
    yield page
    page.context.close()


def test_page_is_self_contained(bundled):
    html = graph_view_html(bundled)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html)
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", html)
    assert "bootstrap" not in html.lower()
    assert "<script>" in html and "vis.Network" in html


def test_loads_offline_with_no_errors(bundled_page):
    assert bundled_page.errors == []
    assert bundled_page.requests == [bundled_page.url]  # the file itself, nothing else


def test_drawn_nodes_and_edges_equal_the_graph(bundled_page, bundled):
    counts = bundled_page.evaluate("window.endorsegraphView.counts()")
    assert counts == {
        "nodes": bundled.number_of_nodes(),
        "edges": bundled.number_of_edges(),
        "drawnNodes": bundled.number_of_nodes(),
        "drawnEdges": bundled.number_of_edges(),
    }


def test_slider_shows_what_asof_reports_on_every_day(bundled_page, bundled):
    shown = bundled_page.evaluate(
        """() => window.endorsegraphView.days.map((day, i) => {
            window.endorsegraphView.setDay(i);
            return window.endorsegraphView.visible().filter(e => e.action === "endorse")
                .map(e => [e.from, e.to, e.status]);
        })"""
    )
    days = bundled_page.evaluate("window.endorsegraphView.days")
    assert len(days) == (dt.date.fromisoformat(days[-1]) - dt.date.fromisoformat(days[0])).days + 1
    for day, endorsements in zip(days, shown, strict=True):
        expected = {
            (r["endorser"], r["candidate"], r["status"])
            for r in eg.as_of(bundled, dt.date.fromisoformat(day))
        }
        assert {tuple(e) for e in endorsements} == expected, day


def test_screenshot_shows_a_drawn_graph(bundled_page, tmp_path):
    from PIL import Image

    days = bundled_page.evaluate("window.endorsegraphView.days")
    bundled_page.evaluate(f"window.endorsegraphView.setDay({days.index('2021-04-29')})")
    png = bundled_page.screenshot(path=str(tmp_path / "view.png"))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    graph_area = image.crop((0, 60, image.width - 260, image.height))  # left of the legend
    colours = graph_area.getcolors(maxcolors=1 << 24)
    total = graph_area.width * graph_area.height
    drawn = sum(count for count, colour in colours if colour != (255, 255, 255))
    assert drawn > 0.01 * total  # nodes, edges and labels, not a blank canvas
    assert len(colours) > 50  # many colours: kinds and actions


@pytest.fixture(scope="module")
def hostile_graph(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    facts = folder / "facts.csv"
    with facts.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["actor", "action", "target", "date", "note"])
        writer.writerow([HOSTILE_ACTOR, "endorse", HOSTILE_TARGET, "2021-04-01", HOSTILE_NOTE])
        writer.writerow([HOSTILE_ACTOR, "withdraw", HOSTILE_TARGET, "2021-04-10", ""])
    return eg.load([facts])


def _hover(page, node_id):
    box = page.locator("#graph").bounding_box()
    point = page.evaluate(f"window.endorsegraphView.position({node_id!r})")
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    return page.locator("div.vis-tooltip")


def test_hostile_names_run_nothing(browser, hostile_graph, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(graph_view_html(hostile_graph, candidate=HOSTILE_TARGET), encoding="utf-8")
    page = Page(browser, path)
    try:
        assert page.dialogs == [] and page.errors == []
        assert page.title() == f"Endorsements around {HOSTILE_TARGET}"  # unchanged, literal
        assert page.evaluate("document.querySelectorAll('img, svg, iframe').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") == 2  # vis-network and ours
        labels = page.evaluate("window.endorsegraphView.labels()")
        assert sorted(labels) == sorted([HOSTILE_ACTOR, HOSTILE_TARGET])
        registry = store.registry(hostile_graph)
        for name in (HOSTILE_ACTOR, HOSTILE_TARGET):
            tooltip = _hover(page, registry.resolve(name).id)
            assert tooltip.text_content().startswith(name)  # shown literally
            # text: the only elements are the line breaks innerText makes of newlines
            assert tooltip.evaluate("t => [...t.children].map(c => c.tagName)") in ([], ["BR"], ["BR", "BR"])
        assert page.dialogs == []
        assert page.evaluate("document.querySelectorAll('img, svg, iframe').length") == 0
    finally:
        page.context.close()


def test_chart_formats(bundled, tmp_path):
    from PIL import Image

    png = timeline_chart(bundled, ["Scott Stringer", "Dianne Morales"], "png")
    image = Image.open(io.BytesIO(png))
    assert image.size == (1100, 550)
    svg = timeline_chart(bundled, ["Scott Stringer"], "svg").decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    html = timeline_chart(bundled, ["Scott Stringer"], "html").decode()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html)
    assert "<title>Endorsements over time: Scott Stringer</title>" in html


def test_chart_escapes_hostile_names(hostile_graph, browser, tmp_path):
    path = tmp_path / "chart.html"
    path.write_bytes(timeline_chart(hostile_graph, [HOSTILE_TARGET], "html"))
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    assert dialogs == [] and page.title() == f"Endorsements over time: {HOSTILE_TARGET}"
    assert page.evaluate("document.querySelectorAll('img, script').length") == 0
    context.close()


def test_cli_view_and_chart(tmp_path):
    runner = CliRunner()
    out = tmp_path / "view.html"
    result = runner.invoke(
        cli, ["view", "-o", str(out), "--candidate", "Dianne Morales", "--as-of", "2021-05-02"]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "Endorsements around Dianne Morales" in html and '"2021-05-02"' in html
    for suffix in ("html", "png", "svg"):
        target = tmp_path / f"chart.{suffix}"
        assert runner.invoke(cli, ["chart", "-o", str(target), "--candidate", "Stringer"]).exit_code == 0
        assert target.stat().st_size > 10_000
    bad = runner.invoke(cli, ["chart", "-o", str(tmp_path / "c.pdf")])
    assert bad.exit_code == 2 and "must end in .html, .png or .svg" in bad.stderr


def test_too_large_a_view_suggests_narrowing(tmp_path):
    facts = tmp_path / "big.csv"
    rows = [f"Endorser {i},endorse,Candidate {i % 50},2021-01-{1 + i % 20:02d}" for i in range(MAX_NODES)]
    facts.write_text("actor,action,target,date\n" + "\n".join(rows) + "\n")
    result = CliRunner().invoke(cli, ["view", "-o", str(tmp_path / "v.html"), "--source", str(facts)])
    assert result.exit_code == 1
    assert "narrow it with --candidate NAME or --as-of DATE" in result.stderr
    assert not (tmp_path / "v.html").exists()
    narrowed = CliRunner().invoke(
        cli, ["view", "-o", str(tmp_path / "v.html"), "--source", str(facts), "--candidate", "Candidate 7"]
    )
    assert narrowed.exit_code == 0, narrowed.output
    earlier = CliRunner().invoke(
        cli, ["view", "-o", str(tmp_path / "e.html"), "--source", str(facts), "--as-of", "2021-01-02"]
    )
    assert earlier.exit_code == 0, earlier.output  # only the endorsements made by Jan. 2 are shown


def test_as_of_view_shows_what_may_hold_that_day(bundled):
    view_html = graph_view_html(bundled, candidate="Scott Stringer", as_of=dt.date(2021, 4, 20))
    assert "Jean Kim" not in view_html  # accused him on 2021-04-27, after that day
    assert "Working Families Party" in view_html and "Teamsters Local 237" not in view_html
