"""The scale benchmarks of issue 11: every figure, or the ones named, at 10k / 100k / 1M events, each
the median of 3 runs with its baseline measured in the same run; writes benchmarks/RESULTS.md and
benchmarks/results.json.

    python benchmarks/run.py                          # every figure at every size
    python benchmarks/run.py --figures load,reports --sizes 10k,100k
    python benchmarks/run.py --sizes 2k --repeat 1 --out /tmp/r.md --json /tmp/r.json   # smoke

Each measurement runs in a fresh process (so the peak RSS is that run's alone) with its own cache
folder (XDG_CACHE_HOME), so a cold run is cold.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FIGURES = ("load", "cli", "reports", "extract", "push")
# The largest size a figure runs at unless --no-limits: a cold CLI call or a push of 1M events
# takes minutes per run on a 2-core machine.
LIMITS = {"cli": 100_000, "push": 100_000}
NOTES_MARKER = "<!-- notes: kept when the table above is written again -->"


def parse_size(text: str) -> int:
    text = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * factor)


def label(size: int) -> str:
    return (
        f"{size // 1_000_000}M"
        if size % 1_000_000 == 0
        else f"{size // 1000}k"
        if size % 1000 == 0
        else str(size)
    )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- workers: each runs in its own process and prints one JSON object -------------------------------


def load_uncached(facts: str):
    """eg.load without the cache (a commit from before the cache has no such option)."""
    import inspect

    import endorsegraph as eg

    if "cache" in inspect.signature(eg.load).parameters:
        return eg.load([facts], cache=False)
    return eg.load([facts])


def worker_load(facts: str) -> dict:
    import endorsegraph

    # Imports are start-up, not load: the package loads its modules on first use (PEP 562), so
    # touch the entry point before the clock starts.
    assert endorsegraph.load is not None

    started, cpu = time.perf_counter(), time.process_time()
    graph = load_uncached(facts)
    return {
        "seconds": time.process_time() - cpu,
        "wall": time.perf_counter() - started,
        "peak_mb": peak_mb(),
        "edges": graph.number_of_edges(),
    }


def worker_bare(facts: str) -> dict:
    """The floor: networkx inserting one edge per row, with the row as its data."""
    import csv

    import networkx as nx

    with open(facts, newline="") as handle:
        reader = csv.DictReader(handle)
        edges = [(row["actor"], row["target"], row) for row in reader]
    started, cpu = time.perf_counter(), time.process_time()
    graph = nx.MultiDiGraph()
    graph.add_edges_from(edges)
    return {
        "seconds": time.process_time() - cpu,
        "wall": time.perf_counter() - started,
        "peak_mb": peak_mb(),
        "edges": graph.number_of_edges(),
    }


def _busiest(graph, action: str) -> str:
    counts: dict[str, int] = {}
    for _, v, d in graph.edges(data=True):
        if d["action"] == action:
            counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda k: (counts[k], k))


def worker_reports(facts: str, repeat: str) -> dict:
    import datetime as dt

    from endorsegraph.queries.reports import as_of, withdrawals

    graph = load_uncached(facts)
    candidate = _busiest(graph, "withdraw")
    day = dt.date(2023, 6, 1)

    def timed(fn) -> float:
        runs = []
        for _ in range(int(repeat)):
            started = time.process_time()
            fn()
            runs.append(time.process_time() - started)
        return statistics.median(runs)

    def scan() -> list:
        return [
            d for _, _, _, d in graph.edges(keys=True, data=True) if d["action"] in ("withdraw", "endorse")
        ]

    return {
        "candidate": candidate,
        "withdrawals_ms": timed(lambda: withdrawals(graph, candidate=candidate)) * 1000,
        "as_of_ms": timed(lambda: as_of(graph, day, candidate=candidate)) * 1000,
        "scan_ms": timed(scan) * 1000,
        "rows": len(withdrawals(graph, candidate=candidate)),
    }


def worker_push(facts: str) -> dict:
    from endorsegraph.cypher.engines import EmbeddedSession
    from endorsegraph.cypher.push import push

    graph = load_uncached(facts)
    session = EmbeddedSession()
    # CPU seconds: the push runs in this one process, and the machine is shared.
    started, cpu = time.perf_counter(), time.process_time()
    totals = push(session, graph, dataset="bench")
    seconds, wall = time.process_time() - cpu, time.perf_counter() - started
    rels = sum(v for k, v in totals.items() if k not in ("Entity", "Article"))
    return {"seconds": seconds, "wall": wall, "rels": rels, "rels_per_s": rels / seconds}


def worker_kglite(facts: str) -> dict:
    """The floor: kglite's own UNWIND ... CREATE of the same relationships, bare ids only."""
    from endorsegraph.cypher.engines import EmbeddedSession

    graph = load_uncached(facts)
    session = EmbeddedSession()
    nodes = [{"id": n} for n in graph.nodes]
    rels = [{"a": u, "b": v, "id": k} for u, v, k in graph.edges(keys=True)]
    session.write("CREATE INDEX bench_entity_id IF NOT EXISTS FOR (n:Entity) ON (n.id)")
    session.write("UNWIND $rows AS row CREATE (n:Entity {id: row.id})", {"rows": nodes})
    started, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(rels), 10_000):
        session.write(
            "UNWIND $rows AS row MATCH (a:Entity {id: row.a}) MATCH (b:Entity {id: row.b}) "
            "CREATE (a)-[:R {id: row.id}]->(b)",
            {"rows": rels[start : start + 10_000]},
        )
    seconds, wall = time.process_time() - cpu, time.perf_counter() - started
    return {"seconds": seconds, "wall": wall, "rels": len(rels), "rels_per_s": len(rels) / seconds}


WORKERS = {
    "load": worker_load,
    "bare": worker_bare,
    "reports": worker_reports,
    "push": worker_push,
    "kglite": worker_kglite,
}


# --- the driver -------------------------------------------------------------------------------------


def run_worker(name: str, *args: str, env: dict | None = None) -> dict:
    command = [sys.executable, __file__, "--worker", name, *args]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode:
        raise RuntimeError(f"worker {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def endorsegraph_command() -> list[str]:
    return [sys.executable, "-m", "endorsegraph"]


def timed_command(args: list[str], env: dict, cpu: bool = False) -> float:
    """Wall-clock seconds of a command, or with `cpu` its CPU seconds (user and system, the
    command's processes together): on a busy shared machine the CPU time is what the command
    itself cost, the wall clock also counts the wait for a core."""
    started, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    # Run outside any checkout: `python -m endorsegraph` would import a package in the cwd.
    done = subprocess.run(
        args, capture_output=True, text=True, env=env, check=False, cwd=tempfile.gettempdir()
    )
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    if cpu:
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds


def _autogroup() -> bool | None:
    """Whether the kernel shares CPU between sessions rather than processes (None: unknown)."""
    try:
        return Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return None


def compile_package() -> None:
    """Bytecode for every module of the package, as an installed package has it. An editable
    checkout run with PYTHONDONTWRITEBYTECODE=1 (set on the development machines) compiles all
    its modules from source at every start, a third of a second of CPU that no user pays: the CLI
    figures would measure the compiler."""
    import compileall
    import importlib.util

    for name in ("endorsegraph", "endorsegraph.graph", "endorsegraph.loaders", "endorsegraph.queries"):
        spec = importlib.util.find_spec(name)
        for folder in spec.submodule_search_locations if spec else ():
            compileall.compile_dir(folder, quiet=1)


def median(values: list[float]) -> float:
    return statistics.median(values)


class Bench:
    def __init__(self, folder: Path, repeat: int, articles: int, repeat_large: int | None = None):
        self.folder, self.articles = folder, articles
        self.base_repeat, self.repeat_large = repeat, repeat_large or repeat
        self.repeat = repeat
        self.rows: list[dict] = []

    def facts(self, size: int) -> Path:
        from synthetic import write_cycle

        path = self.folder / f"cycle_{label(size)}.csv"
        if not path.exists():
            write_cycle(path, size)
        return path

    def cache_env(self) -> dict:
        cache = Path(tempfile.mkdtemp(dir=self.folder, prefix="cache-"))
        return {**os.environ, "XDG_CACHE_HOME": str(cache)}

    def add(self, figure, size, value, unit, baseline, baseline_label, ratio, goal, met, **extra) -> None:
        row = {
            "figure": figure,
            "size": label(size) if isinstance(size, int) else size,
            "value": value,
            "unit": unit,
            "baseline": baseline,
            "baseline_label": baseline_label,
            "ratio": ratio,
            "goal": goal,
            "met": met,
            "runs": self.repeat,
            **extra,
        }
        self.rows.append(row)
        print(json.dumps(row), flush=True)

    def load(self, size: int) -> None:
        facts = str(self.facts(size))
        runs = [run_worker("load", facts, env=self.cache_env()) for _ in range(self.repeat)]
        bare = [run_worker("bare", facts) for _ in range(self.repeat)]
        seconds, base = median([r["seconds"] for r in runs]), median([r["seconds"] for r in bare])
        peak, base_peak = median([r["peak_mb"] for r in runs]), median([r["peak_mb"] for r in bare])
        ratio = seconds / base
        goal_peak = size < 1_000_000 or peak < 2048
        self.add(
            "eg.load",
            size,
            round(seconds, 3),
            "s",
            round(base, 3),
            "bare MultiDiGraph.add_edges_from",
            round(ratio, 2),
            "≤ 3× bare" + (", peak < 2 GB" if size >= 1_000_000 else ""),
            ratio <= 3 and goal_peak,
            peak_mb=round(peak),
            baseline_peak_mb=round(base_peak),
        )

    def cli(self, size: int) -> None:
        facts = str(self.facts(size))
        command = [
            *endorsegraph_command(),
            "withdrawals",
            "--candidate",
            "Candidate 1",
            "--source",
            facts,
            "--csv",
        ]
        cold, warm = [], []
        for _ in range(self.repeat):
            env = self.cache_env()
            cold.append(timed_command(command, env, cpu=True))
            warm.append(timed_command(command, env, cpu=True))
        c, w = median(cold), median(warm)
        self.add(
            "CLI withdrawals --candidate, warm (cache) vs cold",
            size,
            round(w, 3),
            "s",
            round(c, 3),
            "cold call, same sources",
            round(c / w, 1),
            "warm ≥ 10× faster than cold, < 1 s",
            c / w >= 10 and w < 1,
        )

    def reports(self, size: int) -> None:
        facts = str(self.facts(size))
        runs = [run_worker("reports", facts, "3") for _ in range(self.repeat)]
        scan = median([r["scan_ms"] for r in runs])
        for key, name in (
            ("withdrawals_ms", "withdrawals(graph, candidate=…)"),
            ("as_of_ms", "as_of(graph, day, candidate=…)"),
        ):
            value = median([r[key] for r in runs])
            self.add(
                name,
                size,
                round(value, 3),
                "ms",
                round(scan, 1),
                "full edge scan",
                round(value / scan, 4),
                "≤ 10 ms",
                value <= 10,
                candidate=runs[0]["candidate"],
                rows=runs[0]["rows"],
            )

    def extract(self) -> None:
        from synthetic import write_articles

        folder = self.folder / f"articles_{self.articles}"
        if not folder.exists():
            write_articles(folder, self.articles)
        base = [
            *endorsegraph_command(),
            "extract",
            str(folder),
            "--no-cache",
            "-o",
            str(self.folder / "x.jsonl"),
        ]
        # Wall-clock (a second worker only helps on a free core): the 1-minute load average during
        # the runs goes with the figure; on a shared machine it is the figure's error bar. With
        # Linux's autogroup scheduling on, CPU is shared per session, not per process: while other
        # sessions are busy, the workers of one command share that command's share.
        one, two, loads = [], [], [os.getloadavg()[0]]
        for _ in range(self.repeat):
            one.append(timed_command([*base, "--jobs", "1"], self.cache_env()))
            two.append(timed_command([*base, "--jobs", "2"], self.cache_env()))
            loads.append(os.getloadavg()[0])
        o, t = median(one), median(two)
        self.add(
            "extract --jobs 2 (articles/s)",
            f"{self.articles} articles, 1-min load {min(loads):.1f}–{max(loads):.1f}",
            round(self.articles / t),
            "articles/s",
            round(self.articles / o),
            "--jobs 1 (articles/s)",
            round(o / t, 2),
            "≥ 1.7× --jobs 1",
            o / t >= 1.7,
            cores=os.cpu_count(),
            load_average=[round(x, 2) for x in loads],
            autogroup=_autogroup(),
        )
        env = self.cache_env()
        help_runs, bundled = [], []
        bundled_command = [*endorsegraph_command(), "withdrawals", "--csv"]
        timed_command(bundled_command, env)  # fills the cache
        for _ in range(self.repeat):
            help_runs.append(timed_command([*endorsegraph_command(), "--help"], env, cpu=True))
            bundled.append(timed_command(bundled_command, env, cpu=True))
        python = median(
            [timed_command([sys.executable, "-c", "pass"], env, cpu=True) for _ in range(self.repeat)]
        )
        value = max(median(help_runs), median(bundled))
        self.add(
            "start-up without spaCy (slower of --help and withdrawals on the bundled data)",
            "bundled",
            round(value, 3),
            "s",
            round(python, 3),
            "python -c pass",
            round(value / python, 1),
            "< 1 s",
            value < 1,
        )

    def push(self, size: int) -> None:
        facts = str(self.facts(size))
        runs = [run_worker("push", facts) for _ in range(self.repeat)]
        bare = [run_worker("kglite", facts) for _ in range(self.repeat)]
        value, base = median([r["rels_per_s"] for r in runs]), median([r["rels_per_s"] for r in bare])
        self.add(
            "push, embedded engine (rels per CPU s)",
            size,
            round(value),
            "rels/s",
            round(base),
            "kglite UNWIND CREATE, bare ids",
            round(value / base, 2),
            "≥ 50k rels/s",
            value >= 50_000,
        )


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    python = platform.python_version()
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {python}, {platform.system()}"


def write_results(rows: list[dict], markdown: Path, as_json: Path, repeat: int, load: str = "") -> None:
    lines = [
        "# Scale benchmarks (issue 11)",
        "",
        f"Machine: {machine()}{load}.",
        f"Written by `python benchmarks/run.py` on {time.strftime('%Y-%m-%d %H:%M')};",
        f"each figure is the median of its runs ({repeat} unless the runs column says otherwise), its",
        "baseline measured in the same run, on",
        "`benchmarks/synthetic.py:write_cycle` data.",
        "",
        "| figure | size | value | baseline | ratio | goal | met | runs |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        extra = f" (peak {r['peak_mb']} MB)" if "peak_mb" in r else ""
        base_extra = f" (peak {r['baseline_peak_mb']} MB)" if "baseline_peak_mb" in r else ""
        lines.append(
            f"| {r['figure']} | {r['size']} | {r['value']} {r['unit']}{extra} "
            f"| {r['baseline']} {r['unit']}{base_extra} ({r['baseline_label']}) | {r['ratio']} | {r['goal']} "
            f"| {'yes' if r['met'] else '**no**'} | {r['runs']} |"
        )
    # Notes written by hand below the marker (profiles, what dominates a miss) survive a re-run.
    notes = ""
    if markdown.exists() and NOTES_MARKER in markdown.read_text():
        notes = markdown.read_text().split(NOTES_MARKER, 1)[1]
    markdown.write_text("\n".join(lines) + "\n\n" + NOTES_MARKER + notes)
    as_json.write_text(json.dumps({"machine": machine(), "repeat": repeat, "rows": rows}, indent=1) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--figures", default=",".join(FIGURES), help=f"comma-separated: {','.join(FIGURES)}")
    parser.add_argument("--sizes", default="10k,100k,1M")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=int, default=2000, help="articles for the extraction figure")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument("--keep", type=Path, help="keep the generated data in this folder")
    parser.add_argument("--repeat-large", type=int, help="runs per figure at 1M and over (default: --repeat)")
    parser.add_argument("--no-limits", action="store_true", help="run every figure at every size")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        name, *rest = args.worker
        print(json.dumps(WORKERS[name](*rest)))
        return
    figures = [f.strip() for f in args.figures.split(",") if f.strip()]
    unknown = set(figures) - set(FIGURES)
    if unknown:
        parser.error(f"unknown figures: {', '.join(sorted(unknown))}")
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="endorsegraph-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    before = os.getloadavg()[1]
    compile_package()
    bench = Bench(folder, args.repeat, args.articles, args.repeat_large)
    try:
        for figure in figures:
            if figure == "extract":
                bench.extract()
                continue
            for size in sizes:
                if size > LIMITS.get(figure, size) and not args.no_limits:
                    print(f"skipping {figure} at {label(size)} (over its limit; --no-limits runs it)")
                    continue
                bench.repeat = bench.repeat_large if size >= 1_000_000 else bench.base_repeat
                getattr(bench, figure)(size)
    finally:
        if bench.rows:
            after = os.getloadavg()[1]
            busy = f" (5-minute load average {before:.1f} at the start, {after:.1f} at the end)"
            write_results(bench.rows, args.out, args.json, args.repeat, busy)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"wrote {args.out} and {args.json}")


if __name__ == "__main__":
    main()
