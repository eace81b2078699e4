"""Rows per second of a batched push (UNWIND ... MERGE, many rows a statement, one write
transaction each) against row-at-a-time (one row a statement and transaction), through the same
session seam and on the same data; on the embedded engine also the push of a new dataset (CREATE
in batches of 5000), as `cypher --engine embedded` does it.

    python benchmarks/push_throughput.py            # the embedded engine (kglite, in-process)
    python benchmarks/push_throughput.py --bolt     # the neo4j driver over Bolt to FalkorDB,
                                                    # in a private network namespace (root)

Over Bolt the batch is kept to 4 rows (about 2 KB): FalkorDB's Bolt listener crashes on parameters over ~4 KB,
and it knows no constraint syntax, so the schema statements are skipped there.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from synthetic import write_facts  # noqa: E402

import endorsegraph as eg  # noqa: E402
from endorsegraph.cypher.engines import EmbeddedSession  # noqa: E402
from endorsegraph.cypher.push import plan, push  # noqa: E402


class MergingSession(EmbeddedSession):
    """The embedded engine written to as Neo4j is: MERGE batches, even for a new dataset."""

    creates_new_datasets = False

    def empty(self) -> bool:  # not the bulk loader either
        return False


def measure(make_session, graph, batch_size: int | None, schema: bool = True) -> tuple[float, dict]:
    session = make_session()
    started = time.perf_counter()
    totals = push(session, graph, dataset=f"bench-{batch_size}", batch_size=batch_size, schema=schema)
    return time.perf_counter() - started, totals


def report(label: str, rows: int, batched: tuple[float, dict], single: tuple[float, dict], size: int) -> None:
    assert batched[1] == single[1], "both pushes must write the same graph"
    print(f"[{label}] batched ({size} rows/statement): {batched[0]:7.2f} s {rows / batched[0]:9.0f} rows/s")
    print(f"[{label}] row at a time (1 row/statement): {single[0]:7.2f} s {rows / single[0]:9.0f} rows/s")
    print(f"[{label}] ratio: {single[0] / batched[0]:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--endorsers", type=int, default=2000)
    parser.add_argument("--candidates", type=int, default=60)
    parser.add_argument("--bolt", action="store_true", help="measure over Bolt (FalkorDB) instead")
    parser.add_argument("--inside-namespace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bolt and not args.inside_namespace:
        command = [sys.executable, __file__, *sys.argv[1:], "--inside-namespace"]
        sys.exit(subprocess.run(["unshare", "-n", *command]).returncode)
    with tempfile.TemporaryDirectory() as folder:
        facts = Path(folder) / "synthetic.csv"
        write_facts(facts, args.endorsers, args.candidates)
        started = time.perf_counter()
        graph = eg.load([facts])
        loaded = time.perf_counter() - started
    rows = plan(graph).size
    print(f"graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges, {rows} rows to write")
    print(f"load: {loaded:.2f} s")
    if not args.bolt:
        batched = measure(MergingSession, graph, 1000)
        report("embedded", rows, batched, measure(MergingSession, graph, 1), 1000)
        created = measure(EmbeddedSession, graph, None)
        assert created[1] == batched[1], "both pushes must write the same graph"
        print(f"[embedded] empty graph (bulk loader): {created[0]:7.2f} s {rows / created[0]:9.0f} rows/s")
        return
    from bolt_falkordb import falkordb

    from endorsegraph.cypher.engines import Neo4jSession, Neo4jSettings

    with falkordb("bench-pw") as uri:
        settings = Neo4jSettings(uri, "falkordb", "bench-pw", database="bench")
        sessions = []

        def make():
            sessions.append(Neo4jSession(settings))
            return sessions[-1]

        batched = measure(make, graph, 4, schema=False)
        single = measure(make, graph, 1, schema=False)
        for session in sessions:
            session.close()
    report("bolt/falkordb", rows, batched, single, 4)


if __name__ == "__main__":
    main()
