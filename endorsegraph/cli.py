"""The endorsegraph command: parses options, calls the library, formats the rows. No logic here."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from . import api
from .graph.dates import parse_day
from .graph.entities import AmbiguousName, UnknownName
from .graph.errors import InputError
from .loaders.sources import FORMATS as FACT_FORMATS
from .loaders.sources import SourceFile
from .output import render, rich_table, write_atomically
from .queries import reports


class Day(click.ParamType):
    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None):
        if isinstance(value, dt.date):
            return value
        try:
            day = parse_day(value, "date")
        except ValueError as err:
            self.fail(str(err), param, ctx)
        if day is None:
            self.fail("a date is required (YYYY-MM-DD)", param, ctx)
        return day


def source_options(command: Callable) -> Callable:
    """--source and --format, shared by every command that reads sources."""
    command = click.option(
        "--format",
        "facts_format",
        type=click.Choice(FACT_FORMATS),
        help="Read the --source files as this facts format, whatever their extension.",
    )(command)
    return click.option(
        "--source",
        "sources",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Facts file or folder (repeatable). Default: the bundled 2021 NYC dataset.",
    )(command)


def output_options(command: Callable) -> Callable:
    """--table/--csv/--json/--markdown and -o, shared by every command that prints rows."""
    for fmt, text in reversed(
        [
            ("table", "A table (the default)."),
            ("csv", "CSV with every column."),
            ("json", "JSON with every column."),
            ("markdown", "A Markdown table."),
        ]
    ):
        command = click.option(f"--{fmt}", "fmt", flag_value=fmt, help=text)(command)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file (atomically) instead of standard output.",
    )(command)


def _announce(file: SourceFile) -> None:
    if not str(file.path).startswith(str(api.bundled_dataset())):
        click.echo(f"reading {file.describe()}", err=True)


def _load(sources: Sequence[Path], facts_format: str | None):
    return api.load(sources or None, facts_format, announce=_announce)


def handle_errors(command: Callable) -> Callable:
    """Bad input and unknown names: a clear message, exit 1, no traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as err:
            for problem in err.problems:
                click.echo(f"error: {problem}", err=True)
            sys.exit(1)
        except (UnknownName, AmbiguousName) as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(1)

    return wrapper


def emit(
    rows: list[dict[str, Any]],
    columns: Sequence[str],
    fmt: str | None,
    output: Path | None,
    title: str | None = None,
) -> None:
    fmt = fmt or "table"
    if output is not None:
        write_atomically(output, render(rows, columns, fmt, title))
        click.echo(f"wrote {len(rows)} rows to {output}", err=True)
    elif fmt == "table" and sys.stdout.isatty():
        Console().print(rich_table(rows, columns, title))
    else:
        click.echo(render(rows, columns, fmt, title), nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="endorsegraph")
def cli() -> None:
    """Endorsement timelines: who endorsed whom, who withdrew and when, with dates and sources."""


@cli.command()
@click.option("--candidate", help="Only withdrawals from this candidate (name, alias or id).")
@source_options
@output_options
@handle_errors
def withdrawals(candidate, sources, facts_format, fmt, output) -> None:
    """Who withdrew when: one row per withdrawal, in date order, with the trigger."""
    graph = _load(sources, facts_format)
    rows = reports.withdrawals(graph, candidate=candidate)
    title = f"Withdrawals from {reports.resolve(graph, candidate).name}" if candidate else None
    emit(rows, reports.WITHDRAWAL_COLUMNS, fmt, output, title)


@cli.command()
@click.argument("day", type=Day(), metavar="DATE")
@click.option("--candidate", help="Only endorsements of this candidate.")
@click.option("--compare", type=Day(), metavar="DATE2", help="List what was lost and gained by DATE2.")
@source_options
@output_options
@handle_errors
def asof(day, candidate, compare, sources, facts_format, fmt, output) -> None:
    """Endorsements in force on DATE (uncertain ones marked), or the changes to DATE2."""
    graph = _load(sources, facts_format)
    if compare:
        rows = reports.compare(graph, day, compare, candidate=candidate)
        emit(rows, reports.COMPARE_COLUMNS, fmt, output, f"Changes from {day} to {compare}")
    else:
        rows = reports.as_of(graph, day, candidate=candidate)
        emit(rows, reports.ASOF_COLUMNS, fmt, output, f"Endorsements as of {day}")


@cli.command()
@click.option("--candidate", help="Only events naming this entity.")
@source_options
@output_options
@handle_errors
def timeline(candidate, sources, facts_format, fmt, output) -> None:
    """Every event in order, with its sources."""
    graph = _load(sources, facts_format)
    emit(reports.timeline(graph, candidate=candidate), reports.TIMELINE_COLUMNS, fmt, output)


ENDORSEMENT_COLUMNS = ("endorser", "candidate", "rank", "start", "end", "ended_by", "implied", "sources")


@cli.command()
@click.argument("name")
@source_options
@output_options
@handle_errors
def entity(name, sources, facts_format, fmt, output) -> None:
    """Everything about one entity (aliases resolve): titles, roles, endorsements, events.

    CSV gives the entity's events; JSON and Markdown give everything."""
    graph = _load(sources, facts_format)
    profile = reports.entity_profile(graph, name)
    if fmt == "json":
        emit([profile], (), "json", output)
        return
    if fmt == "csv":
        emit(profile["events"], reports.TIMELINE_COLUMNS, "csv", output)
        return
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
    style = "markdown" if fmt == "markdown" else "table"
    parts = [f"# {profile['name']}\n\n" if style == "markdown" else f"{profile['name']}\n"]
    parts += [f"- {k}: {v}\n" if style == "markdown" else f"  {k}: {v}\n" for k, v in facts if v]
    parts.append("\n")
    parts.append(render(profile["endorsements"], ENDORSEMENT_COLUMNS, style, "Endorsements"))
    parts.append("\n")
    parts.append(render(profile["events"], reports.TIMELINE_COLUMNS, style, "Events"))
    text = "".join(parts)
    if output is not None:
        write_atomically(output, text)
    else:
        click.echo(text, nl=False)


def main() -> None:
    cli()
