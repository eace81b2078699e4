"""The HTML graph view, checked in a real browser (Debian's chromium driven by Playwright; never
`playwright install`), on the bundled sample and on the invented Riverton race (tests/races/)."""

import csv
import datetime as dt
import io
import re
import shutil
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.cli import cli
from endorsegraph.graph import store
from endorsegraph.outputs.views import MAX_NODES, graph_view_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip
SHOTS = Path("/tmp/shots")
HOSTILE_ACTOR = "<img src=x onerror=alert(1)>"
HOSTILE_TARGET = "</script><script>alert(2)</script>"
HOSTILE_NOTE = '"><svg onload=alert(3)>'


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
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
        assert HOSTILE_TARGET in labels and set(labels) <= {" ", HOSTILE_ACTOR, HOSTILE_TARGET}
        assert sorted(page.evaluate("window.endorsegraphView.names()")) == sorted(
            [HOSTILE_ACTOR, HOSTILE_TARGET]
        )
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


def test_cli_view_and_chart(tmp_path):
    runner = CliRunner()
    out = tmp_path / "view.html"
    result = runner.invoke(
        cli, ["view", "-o", str(out), "--candidate", "Dianne Morales", "--as-of", "2021-05-02"]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "Endorsements around Dianne Morales" in html and '"2021-05-02"' in html
    bad = runner.invoke(cli, ["chart", "-o", str(tmp_path / "c.pdf")])
    assert bad.exit_code == 2 and "must end in .html, .png or .svg" in bad.stderr
    windowed = tmp_path / "w.html"
    result = runner.invoke(cli, ["view", "-o", str(windowed), "--window", "2021-04-25..2021-05-05"])
    assert result.exit_code == 0, result.output
    assert '"2021-04-25"' in windowed.read_text() and '"2021-05-06"' not in windowed.read_text()


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


# --- the window, the labels, the layout, the frame ----------------------------------------------


@pytest.fixture(scope="module")
def riverton_page(browser, tmp_path_factory, riverton):
    path = tmp_path_factory.mktemp("view") / "riverton.html"
    path.write_text(graph_view_html(riverton, candidate="Maria Garcia"), encoding="utf-8")
    page = Page(browser, path)
    yield page
    page.context.close()


@pytest.fixture(scope="module")
def stringer_page(browser, tmp_path_factory, bundled):
    path = tmp_path_factory.mktemp("view") / "stringer.html"
    path.write_text(graph_view_html(bundled, candidate="Scott Stringer"), encoding="utf-8")
    page = Page(browser, path)
    yield page
    page.context.close()


@pytest.mark.parametrize(
    ("page_fixture", "first", "last", "trigger"),
    [
        ("stringer_page", "2021-04-20", "2021-05-16", "2021-04-27"),
        ("riverton_page", "2025-03-03", "2025-03-31", "2025-03-10"),
    ],
)
def test_slider_covers_the_story_and_opens_on_the_accusation(request, page_fixture, first, last, trigger):
    page = request.getfixturevalue(page_fixture)
    assert page.errors == []
    view = page.evaluate(
        "({days: endorsegraphView.days, day: endorsegraphView.day(), ms: endorsegraphView.playMs})"
    )
    assert (view["days"][0], view["days"][-1], view["day"]) == (first, last, trigger)
    assert len(view["days"]) <= 31  # about a month, not 760 days
    assert view["ms"] * len(view["days"]) <= 8000  # play takes seconds


def test_slider_shows_what_asof_reports_on_every_day_of_another_race(riverton_page, riverton):
    shown = riverton_page.evaluate(
        """() => window.endorsegraphView.days.map((day, i) => {
            window.endorsegraphView.setDay(i);
            return window.endorsegraphView.visible().filter(e => e.action === "endorse")
                .map(e => [e.from, e.to, e.status]);
        })"""
    )
    days = riverton_page.evaluate("window.endorsegraphView.days")
    for day, endorsements in zip(days, shown, strict=True):
        expected = {
            (r["endorser"], r["candidate"], r["status"])
            for r in eg.as_of(riverton, dt.date.fromisoformat(day), candidate="Maria Garcia")
        }
        assert {tuple(e) for e in endorsements} == expected, day
    # the 2023 endorsement, long before the window, stands at its first day as it stood then
    assert ["Scott Stringer", "Maria Garcia", "in force"] in shown[0]
    riverton_page.evaluate(f"window.endorsegraphView.setDay({days.index('2025-03-10')})")


def _intersect(a, b) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


@pytest.mark.parametrize("page_fixture", ["bundled_page", "stringer_page", "riverton_page"])
def test_labels_never_overlap_and_the_candidate_is_named(request, page_fixture, tmp_path):
    from PIL import Image

    page = request.getfixturevalue(page_fixture)
    page.evaluate(
        f"window.endorsegraphView.setDay(window.endorsegraphView.days.indexOf({page.evaluate('endorsegraphView.startDay')!r}))"
    )
    boxes = page.evaluate("window.endorsegraphView.labelBoxes()")
    assert boxes and {"Scott Stringer", "Maria Garcia"} & {b["label"] for b in boxes}
    for a, b in combinations(boxes, 2):
        assert not _intersect(a, b), (a["label"], b["label"])
    size = page.evaluate("window.endorsegraphView.canvasSize()")
    shot = tmp_path / f"view-{page_fixture}.png"
    page.screenshot(path=str(shot))
    if SHOTS.is_dir():
        shutil.copy(shot, SHOTS / shot.name)
    image = Image.open(shot).convert("RGB")
    graph_box = page.locator("#graph").bounding_box()
    assert sum(b["hub"] for b in boxes) < len(boxes)  # other names are printed where they fit
    for box in (b for b in boxes if b["hub"]):  # hub labels: in the canvas, over a clean white ground
        assert (
            box["left"] >= 0
            and box["right"] <= size["width"]
            and box["top"] >= 0
            and box["bottom"] <= size["height"]
        )
        crop = image.crop(
            (
                round(graph_box["x"] + box["left"]) + 1,
                round(graph_box["y"] + box["top"]) + 1,
                round(graph_box["x"] + box["right"]) - 1,
                round(graph_box["y"] + box["bottom"]) - 1,
            )
        )
        pixels = np.asarray(crop, dtype=int).reshape(-1, 3)
        dark = int((pixels.max(axis=1) < 110).sum())
        coloured = int(
            (pixels.max(axis=1) - pixels.min(axis=1) > 60).sum()
        )  # an edge's or arrowhead's colour
        assert dark > 0.03 * len(pixels), box["label"]  # the name is drawn
        assert coloured < 0.02 * len(pixels), box["label"]  # nothing drawn over it


def test_names_and_dates_show_on_hover(stringer_page, bundled):
    page = stringer_page
    unnamed = [
        i
        for i in page.evaluate("window.endorsegraphView.ids()")
        if page.evaluate(f"endorsegraphView.nodeLabel({i!r})") == " "
    ]
    assert unnamed  # some names do not fit: they show on hover
    who = unnamed[0]
    name = bundled.nodes[who]["name"]
    _hover(page, who)
    page.wait_for_function(f"window.endorsegraphView.nodeLabel({who!r}) === {name!r}", timeout=5000)
    box = page.locator("#graph").bounding_box()
    page.mouse.move(box["x"] + 4, box["y"] + box["height"] - 4)  # an empty corner of the canvas
    page.wait_for_function(f"window.endorsegraphView.nodeLabel({who!r}) === ' '", timeout=5000)
    # an edge's date on hover: the middle of Jessica Ramos's endorsement line
    a = page.evaluate("window.endorsegraphView.position('jessica-ramos')")
    b = page.evaluate("window.endorsegraphView.position('scott-stringer')")
    edge = page.evaluate(
        "window.endorsegraphView.visible().find(e => e.from === 'Jessica Ramos' && e.action === 'endorse').id"
    )
    page.mouse.move(box["x"] + (a["x"] + b["x"]) / 2, box["y"] + (a["y"] + b["y"]) / 2)
    page.wait_for_function(
        f"window.endorsegraphView.edgeLabel({edge!r}) === '2019-06-01..2019-09-30'", timeout=5000
    )
    page.mouse.move(1, 1)


@pytest.mark.parametrize("fixture", ["bundled", "riverton"])
def test_layout_keeps_nodes_off_edges_they_are_not_part_of(request, fixture):
    import networkx as nx

    from endorsegraph.outputs.layout import clearance, layout
    from endorsegraph.outputs.views import _select

    graph = request.getfixturevalue(fixture)
    for candidate in (None, "Scott Stringer" if fixture == "bundled" else "Maria Garcia"):
        view = _select(graph, candidate, None)
        simple = nx.Graph(view.to_undirected(as_view=True))
        hubs = [n for n, d in view.nodes(data=True) if "candidate" in d["roles"]]
        positions = layout(simple, hubs, dict(view.degree()))
        assert clearance(positions, simple, dict(view.degree())) > 0, candidate
        assert positions == layout(simple, hubs, dict(view.degree()))  # the same every time


def test_page_fills_an_iframe_and_follows_its_size(browser, tmp_path, riverton):
    (tmp_path / "view.html").write_text(graph_view_html(riverton), encoding="utf-8")
    (tmp_path / "story.html").write_text(
        '<!DOCTYPE html><html><body style="margin:0"><p>Our story</p>'
        '<iframe id="f" src="view.html" style="width:900px;height:560px;border:0"></iframe></body></html>'
    )
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    try:
        page.goto((tmp_path / "story.html").as_uri())
        frame = page.frame_locator("#f")
        frame.locator("#graph canvas").wait_for()
        inner = next(f for f in page.frames if f.url.endswith("view.html"))
        inner.wait_for_function("window.endorsegraphView && window.endorsegraphView.ready", timeout=30000)
        big = inner.evaluate("window.endorsegraphView.canvasSize()")
        header = inner.evaluate("document.querySelector('header').offsetHeight")
        assert big["height"] == 560 - header - 1 or abs(big["height"] - (560 - header)) <= 2
        assert 900 - 300 < big["width"] < 900  # beside the legend
        page.evaluate(
            "const f = document.getElementById('f'); f.style.width = '600px'; f.style.height = '400px'"
        )
        inner.wait_for_function("window.endorsegraphView.canvasSize().height < 400", timeout=5000)
        small = inner.evaluate("window.endorsegraphView.canvasSize()")
        assert small["width"] == 600  # the legend folds away on a narrow frame
        assert inner.evaluate("document.scrollingElement.scrollHeight") <= 400
    finally:
        context.close()
