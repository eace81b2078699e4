"""Rows to text: one shared set of output formats for every command (table, csv, json, markdown).

JSON and CSV carry every column as the library returns it. The table and Markdown views are for
people: a date and its bounds fold into one column ("2021-04-30", "2021-04-28..2021-04-30",
"by 2021-04-28"), and columns empty in every row are left out.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from ..graph.dates import Span, parse_day

__all__ = ["FORMATS", "render", "write_atomically"]

FORMATS = ("table", "csv", "json", "markdown")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def _date_groups(columns: Sequence[str]) -> dict[str, tuple[str, str, str]]:
    """Display name -> (exact, not_before, not_after) columns present in `columns`."""
    groups = {}
    for column in columns:
        if column == "not_before" and {"date", "not_after"} <= set(columns):
            groups["date"] = ("date", "not_before", "not_after")
        elif column.endswith("_not_before"):
            prefix = column.removesuffix("_not_before")
            trio = (f"{prefix}_on", column, f"{prefix}_not_after")
            if set(trio) <= set(columns):
                groups[prefix] = trio
    return groups


def _for_people(rows: list[dict[str, Any]], columns: Sequence[str]) -> tuple[list[str], list[list[str]]]:
    groups = _date_groups(columns)
    folded = {c: name for name, trio in groups.items() for c in trio}
    shown: list[str] = []
    for column in columns:
        name = folded.get(column, column)
        if name not in shown and (column not in folded or column == groups[name][0]):
            shown.append(name)

    def value(row: dict[str, Any], name: str) -> str:
        if name in groups:
            exact, lo, hi = (row.get(c) for c in groups[name])
            if exact:
                return _cell(exact)
            span = Span(parse_day(lo), parse_day(hi))
            return "" if not span.known else str(span)
        return _cell(row.get(name))

    table = [[value(row, name) for name in shown] for row in rows]
    keep = [i for i, _ in enumerate(shown) if any(r[i] for r in table)] if table else []
    keep = keep or list(range(len(shown)))
    return [shown[i] for i in keep], [[r[i] for i in keep] for r in table]


def rich_table(rows: list[dict[str, Any]], columns: Sequence[str], title: str | None = None) -> Table:
    header, body = _for_people(rows, columns)
    table = Table(title=title, title_justify="left", header_style="bold")
    for name in header:
        table.add_column(name.replace("_", " "), overflow="fold")
    for values in body:
        table.add_row(*values)
    return table


def render(
    rows: list[dict[str, Any]],
    columns: Sequence[str],
    fmt: str,
    title: str | None = None,
    width: int = 400,
) -> str:
    """Rows as text in one of FORMATS."""
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(row.get(c)) for c in columns] for row in rows)
        return out.getvalue()
    if fmt == "markdown":
        header, body = _for_people(rows, columns)
        escape = lambda s: s.replace("|", "\\|").replace("\n", " ")  # noqa: E731
        lines = [f"**{title}**", ""] if title else []
        lines.append("| " + " | ".join(h.replace("_", " ") for h in header) + " |")
        lines.append("|" + "|".join("---" for _ in header) + "|")
        lines += ["| " + " | ".join(escape(v) for v in values) + " |" for values in body]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        console = Console(file=io.StringIO(), width=width, color_system=None, record=True)
        console.print(rich_table(rows, columns, title))
        # A wide virtual console keeps rows on one line; strip the padding it leaves.
        return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"
    raise ValueError(f"unknown output format {fmt!r}")


def write_atomically(path: str | Path, content: str | bytes) -> None:
    """Write the whole file or nothing: a temporary file in the same folder, then a rename."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.")
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
