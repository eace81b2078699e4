"""The arrows ARCHITECTURE.md forbids, checked on the source: a new import that breaks the layering
fails here, not in a review."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IMPORT = re.compile(r"^\s*(?:from\s+(\S+)\s+import|import\s+(\S+))", re.M)


def _imports(folder: str) -> dict[Path, set[str]]:
    out = {}
    for path in (ROOT / folder).rglob("*.py"):
        out[path] = {a or b for a, b in IMPORT.findall(path.read_text())}
    return out


def _downwards(folder: str, name: str) -> bool:
    """graph/ imports only itself; loaders/ and queries/ only themselves and graph/."""
    if not name.startswith("."):
        return not name.startswith("endorsegraph")
    dots, rest = len(name) - len(name.lstrip(".")), name.lstrip(".")
    if dots == 1:
        return True
    return dots == 2 and folder != "graph" and (rest == "graph" or rest.startswith("graph."))


def test_the_layering_check_itself():
    assert _downwards("loaders", "..graph.events") and _downwards("graph", ".dates")
    assert not _downwards("graph", "..loaders") and not _downwards("loaders", "..queries.reports")
    assert not _downwards("queries", "endorsegraph.cli") and not _downwards("loaders", "...x")


@pytest.mark.parametrize("folder", ["graph", "loaders", "queries"])
def test_model_loaders_and_queries_import_only_downwards(folder):
    for path, names in _imports(folder).items():
        for name in names:
            assert _downwards(folder, name), f"{folder}/{path.name} imports {name}"


def test_nothing_imports_the_cli_and_only_the_seam_imports_the_engines():
    for folder in ("graph", "loaders", "queries", "endorsegraph"):
        for path, names in _imports(folder).items():
            if path.name == "__main__.py":
                continue
            assert not any(n.endswith("cli") or n.endswith(".cli") for n in names), f"{path} imports the CLI"
            if path.name != "engines.py":
                assert not names & {"kglite", "neo4j"}, f"{path} imports an engine"


def test_only_graph_reads_the_graph_attributes():
    for folder in ("loaders", "queries", "endorsegraph"):
        for path in (ROOT / folder).rglob("*.py"):
            assert ".graph[" not in path.read_text(), f"{path} reads graph.graph directly: use graph.store"
