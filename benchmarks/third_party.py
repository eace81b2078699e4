"""Third-party data in and out: load the bundled FiveThirtyEight data, diff the snapshots, export.

Prints the figures the README and the closing note quote: switch counts, Trump's dated
endorsements, export round-trip counts, and the time each step takes (best of three runs).
Run: .venv/bin/python benchmarks/third_party.py
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

import endorsegraph as eg
from endorsegraph import api
from endorsegraph.graph import store
from endorsegraph.outputs.exports import decode, export


def best(step: Callable[[], object], runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    tracker, primaries = api.fivethirtyeight("2020"), api.fivethirtyeight("2022")
    old, new = tracker / "endorsements-2020.snapshot-2019-05-31.csv", tracker / "endorsements-2020.csv"
    seconds, diff = best(lambda: api.switches(old, new).rows())
    counts = {k: len(v) for k, v in diff.items()}
    print(f"switches: {counts} in {seconds * 1000:.0f} ms")

    seconds, graph_2020 = best(lambda: eg.load([tracker]))
    intervals = store.endorsement_intervals(graph_2020)
    open_picks = max(
        sum(1 for e in intervals if e.endorser == x and e.end is None)
        for x in {e.endorser for e in intervals}
    )
    print(
        f"2020 tracker, both snapshots: {len(intervals)} endorsement intervals, "
        f"{sum(1 for e in intervals if e.ended_by == 'supersede')} closed by supersede, "
        f"{len(eg.withdrawals(graph_2020))} withdrawals, at most {open_picks} open pick per endorser; "
        f"load {seconds:.2f} s"
    )

    seconds, graph_2022 = best(lambda: eg.load([primaries]))
    trump = [e for e in store.endorsement_intervals(graph_2022) if e.endorser == "donald-trump"]
    dated = sum(1 for e in trump if e.start.exact)
    print(
        f"2022 primary project: Trump {len(trump)} endorsements, {dated} dated, "
        f"{len(eg.withdrawals(graph_2022))} withdrawals; load {seconds:.2f} s "
        f"({graph_2022.number_of_nodes()} nodes, {graph_2022.number_of_edges()} edges)"
    )

    page = Path(__file__).resolve().parents[1] / "tests" / "wikipedia"
    graph = eg.load([tracker, primaries, page])
    print("exports of the 2020 tracker (both snapshots), the 2022 primaries and the tests' Wikipedia page:")
    with tempfile.TemporaryDirectory() as folder:
        for fmt, read in (
            ("graphml", lambda p: decode(nx.read_graphml(p, force_multigraph=True))),
            ("gexf", lambda p: decode(nx.read_gexf(p))),
            ("json", lambda p: nx.node_link_graph(json.loads(Path(p).read_text()), edges="links")),
        ):
            path = Path(folder) / f"graph.{fmt}"
            seconds, written = best(lambda fmt=fmt, path=path: export(graph, fmt, path), runs=1)
            back = read(path)
            print(
                f"export {fmt}: wrote {written['nodes']} nodes, {written['edges']} edges "
                f"({path.stat().st_size / 1e6:.1f} MB) in {seconds:.2f} s; read back "
                f"{back.number_of_nodes()} nodes, {back.number_of_edges()} edges"
            )
        out = Path(folder) / "neo4j"
        seconds, written = best(lambda: export(graph, "neo4j-csv", out), runs=1)
        rows = sum(len(p.read_text().splitlines()) - 1 for p in out.glob("*.csv"))
        print(f"export neo4j-csv: {len(list(out.glob('*.csv')))} CSV files, {rows} rows in {seconds:.2f} s")


if __name__ == "__main__":
    main()
