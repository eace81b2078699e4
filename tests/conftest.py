from __future__ import annotations

import datetime as dt
import os
import textwrap
from pathlib import Path

import pytest

import endorsegraph as eg

SHARED = Path(__file__).resolve().parents[2] / "shared"


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory) -> Path:
    """The whole run caches in its own folder ($XDG_CACHE_HOME), never in the user's."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared case material beside the repository (CI always has it)."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is missing: the shared case material belongs beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def bundled():
    """The graph of the bundled dataset, loaded once (reports never mutate it)."""
    return eg.load()


@pytest.fixture
def write(tmp_path: Path):
    """write("name.csv", text) -> path, with the text dedented."""

    def _write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def facts(write):
    """facts(csv_body) -> graph loaded from a CSV facts file with that body."""

    def _facts(body: str, header: str = "actor,action,target,date,not_before,not_after,rank"):
        return eg.load([write("facts.csv", header + "\n" + textwrap.dedent(body).strip() + "\n")])

    return _facts


RIVERTON = Path(__file__).resolve().parent / "races" / "riverton2025.csv"


@pytest.fixture(scope="session")
def riverton():
    """The second race, invented for the tests (tests/races/README.md): names collide with the
    bundled sample's (another Jean Kim, another Garcia, another Scott Stringer)."""
    return eg.load([RIVERTON])
