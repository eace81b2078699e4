"""The HTML view at its size limit: a synthetic graph of about 5,000 nodes and 20,000 edges.
Prints the time to build the page, its size, and the seconds until headless Chromium has drawn it
and it answers (the slider moved once).

    python benchmarks/view_benchmark.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_facts  # noqa: E402

import endorsegraph as eg  # noqa: E402
from endorsegraph.outputs.views import graph_view_html  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        facts = Path(folder) / "facts.csv"
        write_facts(facts, endorsers=4_800, candidates=100, withdraw_share=0.38)
        graph = eg.load([facts])
        print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
        started = time.perf_counter()
        html = graph_view_html(graph)
        print(f"page built in {time.perf_counter() - started:.1f} s, {len(html.encode()) / 1e6:.1f} MB")
        page_path = Path(folder) / "view.html"
        page_path.write_text(html, encoding="utf-8")
        from playwright.sync_api import sync_playwright

        chromium = shutil.which("chromium")
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_function(
                "window.endorsegraphView && window.endorsegraphView.ready", timeout=120_000
            )
            drawn = time.perf_counter() - started
            page.evaluate("window.endorsegraphView.setDay(0)")
            interactive = time.perf_counter() - started
            counts = page.evaluate("window.endorsegraphView.counts()")
            browser.close()
        print(f"drawn in {drawn:.1f} s; slider answered at {interactive:.1f} s (target < 10 s); {counts}")


if __name__ == "__main__":
    main()
