"""Rows to text: one shared set of output formats for every command (table, csv, json, markdown).

JSON and CSV carry every column as the library returns it. The table and Markdown views are for
people: a date and its bounds fold into one column ("2021-04-30", "2021-04-28..2021-04-30",
"by 2021-04-28"), and columns empty in every row are left out.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from ..graph.dates import range_text
from ..queries.rows import DATE_RANGES
from .files import OutputError, write_atomically

__all__ = ["FORMATS", "OutputError", "markdown_text", "render", "render_profile", "write_atomically"]

# Every command that prints rows offers these, as --table, --csv, --json and --markdown.
FORMATS: dict[str, str] = {
    "table": "A table (the default).",
    "csv": "CSV with every column.",
    "json": "JSON with every column.",
    "markdown": "A Markdown table.",
}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    return str(value)


# OWASP's list for CSV injection: a spreadsheet reads such a cell as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _neutralised(value: Any) -> str:
    text = _cell(value)
    number = isinstance(value, int | float) and not isinstance(value, bool)  # -3 is a number, not a formula
    return "'" + text if not number and text.startswith(_FORMULA_STARTS) else text


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_~\[\]|!#<>])")


def markdown_text(text: str) -> str:
    """Text safe in a Markdown table cell or heading: HTML and Markdown markup escaped, one line."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _date_groups(columns: Sequence[str]) -> dict[str, tuple[str, str, str]]:
    """The date ranges (queries.rows.DATE_RANGES) whose three columns are all in `columns`."""
    return {name: trio for name, trio in DATE_RANGES.items() if set(trio) <= set(columns)}


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
            return range_text(*(row.get(c) for c in groups[name]))
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
    neutralise: bool = True,
) -> str:
    """Rows as text in one of FORMATS. CSV text cells that a spreadsheet would run as a formula
    (starting with = + - @, a tab or a carriage return) get a leading ' unless not `neutralise`."""
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        cell = _neutralised if neutralise else _cell
        writer.writerows([cell(row.get(c)) for c in columns] for row in rows)
        return out.getvalue()
    if fmt == "markdown":
        header, body = _for_people(rows, columns)
        lines = [f"**{markdown_text(title)}**", ""] if title else []
        lines.append("| " + " | ".join(h.replace("_", " ") for h in header) + " |")
        lines.append("|" + "|".join("---" for _ in header) + "|")
        lines += ["| " + " | ".join(markdown_text(v) for v in values) + " |" for values in body]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        console = Console(file=io.StringIO(), width=width, color_system=None, record=True)
        console.print(rich_table(rows, columns, title))
        # A wide virtual console keeps rows on one line; strip the padding it leaves.
        return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"
    raise ValueError(f"unknown output format {fmt!r}")


def render_profile(profile: dict[str, Any], fmt: str, neutralise: bool = True) -> str:
    """An entity's profile (queries.entity_profile): JSON whole; CSV its events; the table and
    Markdown a short card, then its endorsements and its events."""
    from ..queries.reports import ENDORSEMENT_COLUMNS, TIMELINE_COLUMNS

    if fmt == "json":
        return render([profile], (), "json")
    if fmt == "csv":
        return render(profile["events"], TIMELINE_COLUMNS, "csv", neutralise=neutralise)
    titles = "; ".join(
        t["title"] + (f" ({t['since'] or '…'} to {t['until'] or '…'})" if t["since"] or t["until"] else "")
        for t in profile["titles"]
    )
    facts = [
        ("id", profile["id"]),
        ("kind", profile["kind"] or ""),
        ("titles", titles),
        ("aliases", "; ".join(profile["aliases"])),
        ("roles", ", ".join(profile["roles"])),
    ]
    markdown = fmt == "markdown"
    style = "markdown" if markdown else "table"
    parts = [f"# {markdown_text(profile['name'])}\n\n" if markdown else f"{profile['name']}\n"]
    parts += [f"- {k}: {markdown_text(v)}\n" if markdown else f"  {k}: {v}\n" for k, v in facts if v]
    parts += ["\n", render(profile["endorsements"], ENDORSEMENT_COLUMNS, style, "Endorsements"), "\n"]
    parts.append(render(profile["events"], TIMELINE_COLUMNS, style, "Events"))
    return "".join(parts)
