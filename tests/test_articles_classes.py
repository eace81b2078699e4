"""The classes set (tests/articles_classes: stand-bys, denials, parties as actors, name shapes;
first reading F1 0.41) holds its score: precision above all, which a reporter relies on."""

from pathlib import Path

import endorsegraph as eg
from endorsegraph.api import entity_registry
from endorsegraph.loaders.evaluate import read_gold, score

HERE = Path(__file__).parent / "articles_classes"


def test_classes_set_scores():
    registry = entity_registry()
    results = eg.extract([HERE], registry=registry)
    report = score(
        read_gold(HERE / "gold.jsonl"),
        [e for _, x in results for e in x.events],
        registry,
        [a.id for a, _ in results],
        [a.id for a, _ in results if a.published is None],
    )
    assert report["articles"] == 12 and report["gold_events"] == 68
    assert report["overall"]["precision"] >= 0.95 and report["overall"]["f1"] >= 0.9, report["overall"]
    assert report["invented_dates"] == []
