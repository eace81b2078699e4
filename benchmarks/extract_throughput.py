"""Article extraction speed on one core: articles/s and MB/s over a synthetic corpus, and the time
for a 1 MB single-line input (it must stay linear).

    python benchmarks/extract_throughput.py [--articles 5000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import FILLER, write_articles  # noqa: E402

from endorsegraph.api import entity_registry  # noqa: E402
from endorsegraph.loaders.articles import read_article  # noqa: E402
from endorsegraph.loaders.extract import Extractor  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    extractor = Extractor(entity_registry())
    with tempfile.TemporaryDirectory() as folder:
        size = write_articles(Path(folder), args.articles)
        paths = sorted(Path(folder).glob("*.txt"))
        extractor.extract(read_article(paths[0]))  # warm up spaCy and the regular expressions
        started = time.perf_counter()
        events = sum(len(extractor.extract(read_article(p)).events) for p in paths)
        seconds = time.perf_counter() - started
        print(f"corpus: {len(paths)} articles, {size / 1e6:.1f} MB, {events} events extracted")
        print(
            f"time: {seconds:.1f} s  ->  {len(paths) / seconds:.0f} articles/s, "
            f"{size / 1e6 / seconds:.2f} MB/s"
        )
        for megabytes in (0.25, 0.5, 1.0):
            line = " ".join(FILLER) + " The Harbor Workers Union withdrew its endorsement of Tom Becker. "
            text = (line * int(megabytes * 1e6 / len(line) + 1))[: int(megabytes * 1e6)]
            path = Path(folder) / f"single_line_{megabytes}.txt"
            path.write_text(" date 2021-05-01 " + text)
            started = time.perf_counter()
            found = len(extractor.extract(read_article(path)).events)
            print(
                f"single line of {megabytes:.2f} MB: {time.perf_counter() - started:.2f} s ({found} events)"
            )


if __name__ == "__main__":
    main()
