"""The Stringer notebook: executed top to bottom on a fresh kernel (nbclient + ipykernel), its outputs
checked; the committed copy has cell ids and clean saved outputs.

Regenerate the committed outputs after changing the notebook: `python tests/test_notebook.py --write`.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "stringer_withdrawals.ipynb"
BOUNDED = {  # withdrawals the bundled data knows only within bounds
    "The Jewish Vote": ("2021-04-28", "2021-04-30"),
    "New York Communities for Change": ("2021-04-26", "2021-05-02"),
}


def execute(path: Path, cwd: Path):
    """The notebook at `path`, run on a fresh kernel in `cwd`."""
    nbformat = pytest.importorskip(
        "nbformat", reason="the test extras (nbclient, ipykernel) are not installed"
    )
    nbclient = pytest.importorskip(
        "nbclient", reason="the test extras (nbclient, ipykernel) are not installed"
    )
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute()
    notebook.metadata["language_info"] = {"name": "python"}  # no interpreter version in git
    return notebook


def outputs(notebook) -> list[dict]:
    return [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]


def texts(notebook) -> str:
    """Everything printed or shown as text or Markdown."""
    parts = []
    for o in outputs(notebook):
        if o.output_type == "stream":
            parts.append(o.text)
        elif "data" in o:
            parts += [o.data.get("text/markdown", ""), o.data.get("text/plain", "")]
    return "\n".join(parts)


def svgs(notebook) -> list[str]:
    return [o.data["image/svg+xml"] for o in outputs(notebook) if "data" in o and "image/svg+xml" in o.data]


def check_outputs(notebook) -> None:
    assert not [o for o in outputs(notebook) if o.output_type == "error" or o.get("name") == "stderr"]
    text = texts(notebook)
    assert "18 withdrawals from Scott Stringer" in text
    cascade = svgs(notebook)[0]
    labels = ["".join(t.itertext()) for t in ET.fromstring(cascade).iter("{http://www.w3.org/2000/svg}text")]
    assert "18 withdrawn" in labels and "Jessica Ramos" in labels and "The Jewish Vote (Apr 28–30)" in labels
    # No date the data does not hold: a bounded withdrawal shows its bounds, never its upper bound alone.
    for endorser, (lo, hi) in BOUNDED.items():
        rows = [line for line in text.splitlines() if f"| {endorser} |" in line]
        assert rows and all(f"{lo}..{hi}" in row for row in rows), rows
        assert not re.search(rf"\|\s*{hi}\s*\|\s*{endorser}", text)
    assert "| 2025-03-11..2025-03-13 | Ben Okafor |" in text  # your own race, in three lines


def test_committed_notebook_has_ids_and_clean_outputs():
    nbformat = pytest.importorskip("nbformat", reason="the test extras are not installed")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert (notebook.nbformat, notebook.nbformat_minor) >= (4, 5)
    ids = [cell.id for cell in notebook.cells]
    assert all(ids) and len(set(ids)) == len(ids)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1))  # one run, in order
    assert all("execution" not in cell.metadata for cell in code)  # no timings
    raw = NOTEBOOK.read_text(encoding="utf-8")
    assert not re.search(r" at 0x[0-9a-f]+", raw) and "/work/" not in raw and "/tmp/" not in raw
    assert "version" not in notebook.metadata.get("language_info", {})
    check_outputs(notebook)


def test_notebook_runs_on_a_fresh_kernel(tmp_path):
    notebook = execute(NOTEBOOK, tmp_path)
    check_outputs(notebook)
    view = (tmp_path / "stringer_view.html").read_text(encoding="utf-8")
    assert "Endorsements around Scott Stringer" in view and "https://" not in view.split("<script>")[0]


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    import nbformat

    nbformat.write(execute(NOTEBOOK, NOTEBOOK.parent), NOTEBOOK)
    print(f"wrote {NOTEBOOK}")
