"""The endorsegraph command: parses options, calls the library, formats the rows. No logic here."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from . import api
from .cypher import runner
from .cypher.engines import Neo4jError, Neo4jSession, Neo4jSettings
from .cypher.push import DEFAULT_DATASET, dry_run_script, push
from .graph import store
from .graph.dates import parse_day
from .graph.entities import AmbiguousName, UnknownName
from .graph.errors import InputError, clip
from .loaders.sources import FORMATS as FACT_FORMATS
from .loaders.sources import SourceFile
from .outputs.chart_data import KINDS as CHART_KINDS
from .outputs.progress import Bar, LoadProgress
from .outputs.tables import FORMATS as OUTPUT_FORMATS
from .outputs.tables import OutputError, render, render_profile, rich_table, visible_columns, write_atomically
from .outputs.window import Window, parse_window
from .queries import reports
from .queries.filters import BadFilter
from .queries.summary import summary as summary_line


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


class WindowType(click.ParamType):
    name = "START..END"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None):
        if isinstance(value, Window):
            return value
        try:
            return parse_window(value)
        except ValueError as err:
            self.fail(str(err), param, ctx)


def _spacy_option(command: Callable) -> Callable:
    return click.option(
        "--spacy-model",
        metavar="NAME",
        help="Read articles with this installed, trained spaCy pipeline instead of the blank one.",
    )(command)


def _tables_option(command: Callable) -> Callable:
    return click.option(
        "--source",
        "tables",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Entities file or alias table (or a folder holding them) that names the articles' people "
        "and organisations (repeatable); 'sample' for the bundled sample's. Default: none.",
    )(command)


def _cache_option(command: Callable) -> Callable:
    return click.option(
        "--no-cache",
        is_flag=True,
        expose_value=False,
        callback=lambda ctx, _param, value: ctx.meta.__setitem__("no_cache", value),
        help="Read every source again instead of the cache of unchanged sources (and do not update it).",
    )(command)


def source_options(command: Callable) -> Callable:
    """--source, --format, --spacy-model and --no-cache, shared by every command that reads sources."""
    command = _cache_option(_spacy_option(command))
    command = click.option(
        "--strict",
        is_flag=True,
        expose_value=False,
        callback=_remember,
        help="A bad article file is an error, not a warning; list every implied withdrawal.",
    )(command)
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
        help="Facts, entities, alias or article file or folder (repeatable); 'sample' is the bundled 2021 "
        "NYC sample, also the default when no --source is given.",
    )(command)


def output_options(command: Callable) -> Callable:
    """--table/--csv/--json/--markdown and -o, shared by every command that prints rows."""
    for fmt, text in reversed(OUTPUT_FORMATS.items()):
        command = click.option(f"--{fmt}", "fmt", flag_value=fmt, help=text)(command)
    command = click.option(
        "--raw-csv",
        is_flag=True,
        expose_value=False,
        callback=_remember,
        help="Keep CSV cells that start with = + - @ as they are (by default a ' is put before them, "
        "so that a spreadsheet does not run them as formulas).",
    )(command)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file (atomically) instead of standard output.",
    )(command)


def report_options(command: Callable) -> Callable:
    """--candidate (repeatable), --endorser, --race, --kind, --since, --until and --columns, shared
    by every report."""
    command = click.option(
        "--columns",
        metavar="A,B,C",
        help="The table's columns, in order (default: a compact set; CSV and JSON carry every column).",
    )(command)
    command = click.option("--until", type=Day(), metavar="DATE", help="Only rows dated on or before DATE.")(
        command
    )
    command = click.option("--since", type=Day(), metavar="DATE", help="Only rows dated on or after DATE.")(
        command
    )
    command = click.option(
        "--kind", "kinds", multiple=True, help="Only endorsers (actors) of this kind: person, union, party, …"
    )(command)
    command = click.option("--race", "races", multiple=True, help="Only rows of this race (repeatable).")(
        command
    )
    command = click.option(
        "--endorser", "endorsers", multiple=True, help="Only rows of this endorser (repeatable)."
    )(command)
    return click.option(
        "--candidate",
        "candidates",
        multiple=True,
        help="Only rows about this candidate (name, alias, unique surname or id; repeatable).",
    )(command)


def _report_filters(params: dict[str, Any]) -> dict[str, Any]:
    return {
        "candidate": params["candidates"] or None,
        "endorser": params["endorsers"] or None,
        "race": params["races"] or None,
        "kind": params["kinds"] or None,
        "since": params["since"],
        "until": params["until"],
    }


def _shown(columns: str | None, default: Sequence[str]) -> list[str] | None:
    if columns:
        return [c.strip() for c in columns.split(",") if c.strip()]
    return list(default)


def _announce(file: SourceFile) -> None:
    if file.path not in {*api.sample_files(), *api.entity_tables()}:  # the bundled copies of others' data too
        click.echo(f"reading {file.describe()}", err=True)


def _warn(message: str) -> None:
    click.echo(clip(f"warning: {message}"), err=True)


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Options every command shares but few read (--strict, --raw-csv) wait in ctx.meta."""
    ctx.meta[param.name] = value
    return value


def _neutralise() -> bool:
    return not click.get_current_context().meta.get("raw_csv", False)


def _load(sources: Sequence[Path], facts_format: str | None, candidates: Sequence[str] = ()):
    """The graph of the sources; with `candidates`, possibly only what reports about them need."""
    ctx = click.get_current_context()
    with LoadProgress() as progress:
        return api.load(
            sources or None,
            facts_format,
            announce=_announce,
            warn=_warn,
            spacy_model=ctx.params.get("spacy_model"),
            strict=ctx.meta.get("strict", False),
            cache=not ctx.meta.get("no_cache", False),
            candidates=candidates or None,
            progress=progress,
        )


PROGRESS_AFTER = 1.0  # seconds of work before a progress bar appears: quick commands show none


def _progress(what: str, unit: str) -> Bar:
    """`progress(done, total)` on standard error when it is a terminal, once the work has taken
    PROGRESS_AFTER seconds; None when piped."""
    return Bar(f"{what} ({unit})", after=PROGRESS_AFTER)


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
        except (UnknownName, AmbiguousName, Neo4jError, OutputError) as err:
            click.echo(clip(f"error: {err}"), err=True)
            sys.exit(1)
        except BadFilter as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(2)

    return wrapper


def _write(text: str, output: Path | None) -> None:
    """Text to -o FILE (atomically) or standard output."""
    if output is not None:
        write_atomically(output, text)
    else:
        click.echo(text, nl=False)


def emit(
    rows: list[dict[str, Any]],
    columns: Sequence[str],
    fmt: str | None,
    output: Path | None,
    title: str | None = None,
    shown: Sequence[str] | None = None,
    summary: str | None = None,
) -> None:
    """Rows in `fmt`; the table and Markdown show only the `shown` columns (display names; every
    column when None); the table ends with the `summary` line."""
    fmt = fmt or "table"
    if shown is not None and fmt in ("table", "markdown"):
        columns = visible_columns(columns, shown)
    tail = f"{summary}\n" if summary and fmt == "table" else ""
    if output is not None:
        write_atomically(output, render(rows, columns, fmt, title, neutralise=_neutralise()) + tail)
        click.echo(f"wrote {len(rows)} rows to {output}", err=True)
    elif fmt == "table" and sys.stdout.isatty():
        from rich.console import Console

        Console().print(rich_table(rows, columns, title))
        click.echo(tail, nl=False)
    else:
        click.echo(render(rows, columns, fmt, title, neutralise=_neutralise()) + tail, nl=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="endorsegraph")
def cli() -> None:
    """Endorsement timelines: who endorsed whom, who withdrew and when, with dates and sources."""


def _title(graph, what: str, candidates: Sequence[str], races: Sequence[str] = ()) -> str | None:
    if not candidates:
        return None
    race = races[0] if len(races) == 1 else None
    names = [reports.resolve(graph, c, race).name for c in candidates]
    return f"{what} {' and '.join(names)}"


def _report(graph, name: str, rows, columns, params: dict[str, Any], title: str | None) -> None:
    race = params["races"][0] if len(params["races"]) == 1 else None
    names = [reports.resolve(graph, c, race).name for c in params["candidates"]]
    try:
        visible_columns(columns, _shown(params["columns"], columns) or [])
    except ValueError as err:
        raise click.UsageError(f"--columns: {err}") from None
    emit(
        rows,
        columns,
        params["fmt"],
        params["output"],
        title,
        shown=_shown(params["columns"], reports.COMPACT_COLUMNS[name]),
        summary=summary_line(name, rows, names),
    )


@cli.command()
@report_options
@source_options
@output_options
@handle_errors
def withdrawals(**params: Any) -> None:
    """Who withdrew when: one row per withdrawal, in date order, with the trigger."""
    graph = _load(params["sources"], params["facts_format"], params["candidates"])
    rows = reports.withdrawals(graph, **_report_filters(params))
    title = _title(graph, "Withdrawals from", params["candidates"], params["races"])
    _report(graph, "withdrawals", rows, reports.WITHDRAWAL_COLUMNS, params, title)


@cli.command()
@click.argument("day", type=Day(), metavar="DATE")
@click.option(
    "--compare",
    type=Day(),
    metavar="DATE2",
    help="List what was lost and gained by DATE2, and what was both made and ended between the days.",
)
@report_options
@source_options
@output_options
@handle_errors
def asof(day, compare, **params: Any) -> None:
    """Endorsements in force on DATE (uncertain ones marked), or the changes to DATE2."""
    graph = _load(params["sources"], params["facts_format"], params["candidates"])
    if compare:
        rows = reports.compare(graph, day, compare, **_report_filters(params))
        _report(graph, "compare", rows, reports.COMPARE_COLUMNS, params, f"Changes from {day} to {compare}")
    else:
        rows = reports.as_of(graph, day, **_report_filters(params))
        _report(graph, "asof", rows, reports.ASOF_COLUMNS, params, f"Endorsements as of {day}")


@cli.command()
@report_options
@source_options
@output_options
@handle_errors
def timeline(**params: Any) -> None:
    """Every event in order, with its sources (--candidate: the events naming them)."""
    graph = _load(params["sources"], params["facts_format"], params["candidates"])
    rows = reports.timeline(graph, **_report_filters(params))
    _report(graph, "timeline", rows, reports.TIMELINE_COLUMNS, params, None)


@cli.command("stood-by")
@report_options
@source_options
@output_options
@handle_errors
def stood_by(**params: Any) -> None:
    """Who stood by a candidate, and when, with the endorsement they reaffirmed."""
    graph = _load(params["sources"], params["facts_format"], params["candidates"])
    rows = reports.stood_by(graph, **_report_filters(params))
    _report(graph, "stood_by", rows, reports.STOOD_BY_COLUMNS, params, None)


@cli.command()
@click.argument("name")
@source_options
@output_options
@handle_errors
def entity(name, sources, facts_format, fmt, output, spacy_model) -> None:
    """Everything about one entity (aliases resolve): titles, roles, endorsements, events.

    CSV gives the entity's events; JSON and Markdown give everything."""
    graph = _load(sources, facts_format)
    _write(render_profile(reports.entity_profile(graph, name), fmt or "table", _neutralise()), output)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the events here (atomically) instead of standard output.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Also list (on standard error) each sentence with event words that made no event, and why.",
)
@_tables_option
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes extracting at once (one extractor each). Default: every core.",
)
@_spacy_option
@_cache_option
@handle_errors
def extract(paths, output, explain, tables, jobs, spacy_model) -> None:
    """Extract dated events from article text files (and folders of them) as JSON lines.

    The lines follow the facts schema plus evidence, start, end (character offsets), article,
    date_text, cause (the stated trigger) and rule (the rule that found the event): review them,
    edit them, load them back with --source. With --explain, every sentence that holds
    endorsement, withdrawal, stand-by, accusation or call words but made no event is listed on
    standard error as FILE:LINE: reason [rule]: sentence (reasons: negation, modal, hypothetical,
    no actor found, no target found, ambiguous name, unknown construction). Each article's
    extraction is cached by content; --jobs gives the same lines whatever the number."""
    from .loaders.facts import extracted_jsonl

    cache = not click.get_current_context().meta.get("no_cache", False)
    registry = api.entity_registry(tables or ())
    with _progress("extracting", "articles") as progress:
        results = api.extract(
            paths, spacy_model, warn=_warn, registry=registry, jobs=jobs, cache=cache, progress=progress
        )
    events = [e for _, extraction in results for e in extraction.events]
    if explain:
        for _, extraction in results:
            for skip in extraction.skipped:
                rule = f" [{skip.rule}]" if skip.rule else ""
                click.echo(f"skipped: {skip.origin}: {skip.reason}{rule}: {skip.sentence}", err=True)
    _write(extracted_jsonl(events), output)
    click.echo(f"{len(events)} events from {len(results)} articles", err=True)


@cli.command("eval")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold events as JSON lines (article, actor, action, target, date, date_alternatives).",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="The whole score as JSON.")
@_tables_option
@_spacy_option
@handle_errors
def evaluate(gold, paths, as_json, tables, spacy_model) -> None:
    """Score extraction from PATHS against gold events: precision, recall and F1 overall and per
    action, date accuracy, misses and false positives. Uses only the entities and alias tables."""
    import json

    from .loaders.evaluate import read_gold, score

    gold_events = read_gold(gold)  # a bad gold file fails before minutes of extraction
    registry = api.entity_registry(tables or ())
    results = api.extract(paths, spacy_model, warn=_warn, registry=registry)
    report = score(
        gold_events,
        [e for _, x in results for e in x.events],
        registry,
        [a.id for a, _ in results],
        [a.id for a, _ in results if a.published is None],
    )
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    o = report["overall"]
    rows = [{"action": "all", **o}] + [{"action": a, **v} for a, v in report["per_action"].items()]
    columns = ("action", "tp", "fp", "fn", "precision", "recall", "f1")
    emit(rows, columns, "table", None, f"{report['articles']} articles, {report['gold_events']} gold events")
    d = report["dates"]
    click.echo(
        f"date accuracy on dated gold events: {d['correct']}/{d['dated_gold_matched']} = {d['accuracy']:.3f}"
    )
    for label, items in (
        ("missed", report["misses"]),
        ("false positive", report["false_positives"]),
        ("wrong date", d["wrong"]),
        ("date on an undated article", report["invented_dates"]),
    ):
        for item in items:
            click.echo(
                f"{label}: {item['article']}: {item['actor']} {item['action']} {item['target']}"
                + (f" (gold {item['gold_date']}, got {item['extracted']})" if "gold_date" in item else "")
            )


@cli.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The HTML file to write (one self-contained file, works offline).",
)
@click.option("--candidate", help="Only this candidate and everyone related to them.")
@click.option(
    "--as-of",
    "as_of",
    type=Day(),
    metavar="DATE",
    help="Only what may hold on this day; open the page there.",
)
@click.option(
    "--window",
    type=WindowType(),
    metavar="START..END",
    help="The slider's days. Default: a week before the first accusation to two weeks after the last "
    "withdrawal; with no accusation, the densest month.",
)
@source_options
@handle_errors
def view(output, candidate, as_of, window, sources, facts_format, spacy_model) -> None:
    """An interactive graph view with a time slider, as one offline HTML file.

    The slider covers the days that matter (default: a week before the first accusation to two
    weeks after the last withdrawal, or else the densest month) and the page opens on the
    accusation."""
    from .outputs.views import TooLarge, graph_view_html

    if output.suffix.lower() not in (".html", ".htm"):
        raise click.UsageError(f"-o must end in .html (the view is one HTML page), not '{output.suffix}'")
    graph = _load(sources, facts_format)
    try:
        page = graph_view_html(graph, candidate=candidate, as_of=as_of, window=window)
    except TooLarge as err:
        raise click.ClickException(str(err)) from None
    write_atomically(output, page)
    click.echo(f"wrote {output}", err=True)


@cli.command()
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="FILE.html, FILE.png or FILE.svg: the extension chooses the format.",
)
@click.option(
    "--candidate",
    "candidates",
    multiple=True,
    help="A candidate to chart (repeatable). Default: the five most endorsed.",
)
@click.option(
    "--kind",
    type=click.Choice(CHART_KINDS),
    help="cascade: withdrawals after the accusation (the default with --candidate); intervals: who held "
    "on, who left; in-force: endorsements in force, certain to possible (the default otherwise).",
)
@click.option("--window", type=WindowType(), metavar="START..END", help="The days to chart.")
@click.option(
    "--data",
    "data_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the plotted points to this CSV file.",
)
@source_options
@handle_errors
def chart(output, candidates, kind, window, data_path, sources, facts_format, spacy_model) -> None:
    """A chart as a newsroom graphic: title, labels, notes and source credit; PNG, SVG or HTML."""
    from .outputs.chart import FORMATS
    from .outputs.chart import render as render_chart
    from .outputs.chart_data import POINT_COLUMNS, build_chart, points

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise click.UsageError(f"-o must end in .html, .png or .svg, not '{output.suffix}'")
    graph = _load(sources, facts_format)
    try:
        figure = build_chart(graph, list(candidates) or None, kind, window)
        data = render_chart(figure, fmt)
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    write_atomically(output, data)
    click.echo(f"wrote {output}", err=True)
    if data_path is not None:
        write_atomically(data_path, render(points(figure), POINT_COLUMNS, "csv"))
        click.echo(f"wrote {data_path}", err=True)


@cli.command()
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--old-date", type=Day(), metavar="DATE", help="The day OLD was taken.")
@click.option("--new-date", type=Day(), metavar="DATE", help="The day NEW was taken.")
@click.option(
    "--change",
    "changes",
    multiple=True,
    type=click.Choice(["switch", "new", "dropped"]),
    help="Only these changes (repeatable). Default: all three.",
)
@output_options
@handle_errors
def switches(old, new, old_date, new_date, changes, fmt, output) -> None:
    """Compare two snapshots of FiveThirtyEight's 2020 endorsement tracker: who switched candidate
    (from, to, the new endorsement's date), new endorsements, and endorsements that disappeared.

    Without --old-date/--new-date a snapshot's day comes from a snapshot-YYYY-MM-DD in its file
    name, else from its latest row. --json gives an object with lists switches, new, dropped."""
    import json

    from .loaders.snapshots import CHANGE_COLUMNS

    result = api.switches(old, new, old_date, new_date)
    for snapshot in (result.old, result.new):
        click.echo(f"{snapshot.path}: snapshot of {snapshot.day} (from its {snapshot.day_from})", err=True)
    lists = result.rows()
    wanted = {"switch": "switches", "new": "new", "dropped": "dropped"}
    keep = [wanted[c] for c in changes] if changes else list(wanted.values())
    if fmt == "json":
        days = {"old_snapshot": str(result.old.day), "new_snapshot": str(result.new.day)}
        _write(
            json.dumps({**days, **{k: lists[k] for k in keep}}, indent=2, ensure_ascii=False) + "\n", output
        )
        return
    counts = ", ".join(f"{len(lists[k])} {k}" for k in keep)
    title = f"FiveThirtyEight tracker from {result.old.day} to {result.new.day}: {counts}"
    emit([row for k in keep for row in lists[k]], CHANGE_COLUMNS, fmt, output, title)


@cli.command("export")
@click.option(
    "--format",
    "export_format",
    required=True,
    type=click.Choice(["graphml", "gexf", "json", "neo4j-csv"]),
    help="graphml, gexf (Gephi, with a timeline), json (node-link) or neo4j-csv (a folder).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The file to write (neo4j-csv: a new or empty folder), atomically.",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Facts file or folder (repeatable). Default: the bundled 2021 NYC dataset.",
)
@click.option(
    "--facts-format", type=click.Choice(FACT_FORMATS), help="Read the --source files as this facts format."
)
@_spacy_option
@handle_errors
def export_command(export_format, output, sources, facts_format, spacy_model) -> None:
    """Write the graph for other tools: GraphML, GEXF, node-link JSON or neo4j-admin import CSV.

    GraphML and GEXF leave None out, write lists as JSON text and dates as ISO text (see the
    README); every format carries the sources' credits."""
    from .outputs.exports import export

    graph = _load(sources, facts_format)
    try:
        counts = export(graph, export_format, output)
    except FileExistsError as err:
        raise click.UsageError(str(err)) from None
    click.echo(f"wrote {counts['nodes']} nodes and {counts['edges']} edges to {output}", err=True)


def neo4j_options(command: Callable) -> Callable:
    """Connection options shared by every command that talks to Neo4j. The password comes only
    from NEO4J_PASSWORD or a hidden prompt."""
    command = click.option("--database", help="Database name [env NEO4J_DATABASE; default: the server's].")(
        command
    )
    command = click.option("--user", help="User name [env NEO4J_USERNAME; default: neo4j].")(command)
    return click.option(
        "--uri",
        help="bolt://, neo4j://, bolt+s:// or neo4j+s:// URI [env NEO4J_URI; default: bolt://localhost:7687].",
    )(command)


def _ask_password() -> str:
    if not sys.stdin.isatty():
        raise Neo4jError("no password: set NEO4J_PASSWORD (it is never read from the command line)")
    return click.prompt("Neo4j password", hide_input=True)


def _neo4j(uri: str | None, user: str | None, database: str | None) -> Neo4jSession:
    settings = Neo4jSettings.from_environment(uri, user, database, ask_password=_ask_password)
    return Neo4jSession(settings)


def _dataset_option(command: Callable) -> Callable:
    return click.option(
        "--dataset",
        default=DEFAULT_DATASET,
        show_default=True,
        help="Marker on everything written, so a push can be scoped, replaced or pruned.",
    )(command)


@cli.command()
@click.argument("query", metavar="NAME_OR_QUERY", required=False)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="Query parameter (repeatable): on=date:2021-05-02, n=3, name=str:3.",
)
@click.option(
    "--engine",
    type=click.Choice(runner.ENGINES),
    default="embedded",
    show_default=True,
    help="embedded: kglite in-process, loaded from the sources; neo4j: a server.",
)
@click.option("--write", is_flag=True, help="Allow the query to write (read-only otherwise).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
@source_options
@_dataset_option
@neo4j_options
@output_options
@handle_errors
def cypher(
    query,
    params,
    engine,
    write,
    list_queries,
    sources,
    facts_format,
    spacy_model,
    dataset,
    uri,
    user,
    database,
    fmt,
    output,
) -> None:
    """Run a named query (see --list) or literal Cypher, on the embedded engine or on Neo4j."""
    if list_queries:
        emit(runner.catalogue(), ("name", "purpose", "params"), fmt, output)
        return
    if not query:
        raise click.UsageError("give a query name (see --list) or Cypher text")
    try:
        text, bound = runner.prepare(query, params)
    except ValueError as err:
        raise click.UsageError(str(err)) from None
    settings = functools.partial(
        Neo4jSettings.from_environment, uri, user, database, ask_password=_ask_password
    )
    graph = None
    if engine == "embedded":  # names resolve against what is loaded, as in every report
        graph = _load(sources, facts_format)
        bound = runner.resolve_entities(query, bound, store.registry(graph))
    with (
        _progress("loading the embedded engine", "rows") as progress,
        runner.session_for(engine, lambda: graph, dataset, settings, progress) as session,
    ):
        try:
            rows = runner.run_query(session, text, bound, write)
        except runner.WriteRefused as err:
            raise Neo4jError(f"{err} (add --write to let the query write)") from None
    if not rows:
        click.echo("(no rows)", err=True)
    emit(rows, list(rows[0]) if rows else [], fmt, output)


@cli.command("push")
@click.option(
    "--batch-size",
    default=1000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Rows per UNWIND batch (one write transaction each).",
)
@click.option(
    "--prune", is_flag=True, help="Also delete what this dataset wrote before and the sources no longer hold."
)
@click.option(
    "--dry-run", is_flag=True, help="Write a cypher-shell script to -o instead of contacting a server."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="With --dry-run: the script file."
)
@source_options
@_dataset_option
@neo4j_options
@handle_errors
def push_command(
    batch_size, prune, dry_run, output, sources, facts_format, spacy_model, dataset, uri, user, database
) -> None:
    """Push the graph to Neo4j: constraints and indexes, batched UNWIND … MERGE, then counts."""
    if dry_run and output is None:
        raise click.UsageError("--dry-run needs -o FILE.cypher")
    graph = _load(sources, facts_format)
    if dry_run:
        write_atomically(output, dry_run_script(graph, dataset, batch_size, prune))
        click.echo(f"wrote {output}: run it with cypher-shell -f {output}", err=True)
        return
    with _neo4j(uri, user, database) as session, _progress("pushing", "rows") as progress:
        totals = push(session, graph, dataset, batch_size, prune, progress=progress)
    rows = [{"what": k, "count": v} for k, v in totals.items()]
    emit(rows, ("what", "count"), None, None, f"Dataset {dataset!r} in Neo4j")


def main() -> None:
    cli()
