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
from typing import TYPE_CHECKING, Any

from ..graph.dates import range_text
from ..queries.rows import DATE_RANGES
from .files import OutputError, write_atomically

if TYPE_CHECKING:
    from rich.table import Table  # rich loads only to draw a table (a tenth of a second of start-up)

__all__ = [
    "FORMATS",
    "OutputError",
    "citation_label",
    "markdown_text",
    "render",
    "render_profile",
    "visible_columns",
    "write_atomically",
]

# Every command that prints rows offers these, as --table, --csv, --json and --markdown.
FORMATS: dict[str, str] = {
    "table": "A table (the default).",
    "csv": "CSV with every column.",
    "json": "JSON with every column.",
    "markdown": "A Markdown table.",
}


CITATION_FIELDS = ("outlet", "published", "url", "evidence")


def _is_citation(value: Any) -> bool:
    return isinstance(value, dict) and "url" in value and "outlet" in value


def citation_label(citation: dict[str, Any]) -> str:
    """The short label of a citation in a table: "Outlet, 2021-04-28" (the source id when neither
    an outlet nor a URL is known)."""
    first = citation.get("outlet") or citation.get("source") or "unknown source"
    return f"{first}, {citation['published']}" if citation.get("published") else str(first)


def _csv_columns(rows: list[dict[str, Any]], columns: Sequence[str]) -> list[str]:
    """`citations` flattened: citation1_outlet, citation1_published, citation1_url,
    citation1_evidence, citation2_…, as many as the row with the most citations needs."""
    out: list[str] = []
    for column in columns:
        if column != "citations":
            out.append(column)
            continue
        most = max((len(r.get("citations") or []) for r in rows), default=0)
        out += [f"citation{n}_{f}" for n in range(1, most + 1) for f in CITATION_FIELDS]
    return out


def _csv_value(row: dict[str, Any], column: str, cell=None) -> str:
    cell = cell or _cell
    if column.startswith("citation") and "_" in column and column not in row:
        number, field = column.removeprefix("citation").split("_", 1)
        cited = row.get("citations") or []
        n = int(number)
        return cell(cited[n - 1].get(field)) if n <= len(cited) else ""
    return cell(row.get(column))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if _is_citation(value):
        return citation_label(value)
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


def visible_columns(columns: Sequence[str], shown: Sequence[str]) -> list[str]:
    """The columns of `columns` that the names in `shown` choose, in the order of `shown`: a column's
    name, or a date range's display name ("date", "endorsed", …) for its three columns. A name that
    is not a column is a ValueError listing the ones there are."""
    groups = _date_groups(columns)
    out: list[str] = []
    for name in shown:
        if name in groups:
            out += groups[name]
        elif name in columns:
            out.append(name)
        else:
            known = [c for c in columns if not any(c in trio for trio in groups.values())]
            raise ValueError(f"no column '{name}'; the columns are: {', '.join([*groups, *known])}")
    return out


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
    from rich.table import Table

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
        flat = _csv_columns(rows, columns)
        writer.writerow(flat)
        cell = _neutralised if neutralise else _cell
        writer.writerows([_csv_value(row, c, cell) for c in flat] for row in rows)
        return out.getvalue()
    if fmt == "markdown":
        rows, notes = _footnoted(rows)
        header, body = _for_people(rows, columns)
        lines = [f"**{markdown_text(title)}**", ""] if title else []
        lines.append("| " + " | ".join(h.replace("_", " ") for h in header) + " |")
        lines.append("|" + "|".join("---" for _ in header) + "|")
        marks = header.index("citations") if "citations" in header else -1
        lines += [
            "| " + " | ".join(v if i == marks else markdown_text(v) for i, v in enumerate(values)) + " |"
            for values in body
        ]
        if notes and marks >= 0:
            lines += [""] + [f"[^{n}]: {text}" for n, text in notes]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        from rich.console import Console

        console = Console(file=io.StringIO(), width=width, color_system=None, record=True)
        console.print(rich_table(rows, columns, title))
        # A wide virtual console keeps rows on one line; strip the padding it leaves.
        return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"
    raise ValueError(f"unknown output format {fmt!r}")


def _footnote(citation: dict[str, Any]) -> str:
    """A footnote's text, Markdown-safe: the label linked to the URL (web URLs only), the evidence."""
    label = markdown_text(citation_label(citation))
    url = str(citation.get("url") or "")
    if url.startswith(("http://", "https://")):
        safe = "".join(c if c.isascii() and c not in " ()<>" else f"%{ord(c):02X}" for c in url)
        label = f"[{label}]({safe})"
    if citation.get("evidence"):
        label += f": “{markdown_text(citation['evidence'])}”"
    return label


def _footnoted(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[tuple[int, str]]]:
    """Rows whose citations are numbered footnote marks ([^1]), and the footnotes, each citation
    numbered once however many rows cite it."""
    numbers: dict[str, int] = {}
    out = []
    for row in rows:
        if not row.get("citations"):
            out.append(row)
            continue
        marks = []
        for citation in row["citations"]:
            text = _footnote(citation)
            numbers.setdefault(text, len(numbers) + 1)
            marks.append(f"[^{numbers[text]}]")
        out.append({**row, "citations": " ".join(marks)})
    return out, [(n, text) for text, n in numbers.items()]


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
