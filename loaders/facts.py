"""Curated facts: one schema in CSV, YAML or JSONL, one record per event.

Columns are the Event fields (actor, action, target, date, not_before, not_after, rank, group, race,
evidence, start, end, date_text, note, cause, rule, actor_kind, actor_title, target_kind, target_title,
aliases) plus the source columns source_id (or article), source_url, outlet, published, credit. A
record without a source id is cited by its URL, else by the file's name.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..graph.actions import ACTIONS, Action
from ..graph.dates import Span, parse_day
from ..graph.errors import InputError
from ..graph.events import KINDS, Event, Report, Source
from .records import csv_chunks, jsonl_records, yaml_records

__all__ = [
    "FACT_COLUMNS",
    "SOURCE_COLUMNS",
    "dump_facts",
    "extracted_jsonl",
    "event_from_record",
    "event_record",
    "read_facts",
    "read_reports",
]

SOURCE_COLUMNS = ("source_id", "article", "source_url", "outlet", "published", "credit")
FACT_COLUMNS = tuple(f for f in Event.model_fields if f not in ("source", "origin", "scope")) + SOURCE_COLUMNS
MAX_PROBLEMS = 50


def event_from_record(record: dict[str, Any], where: str, default_source: str) -> Event:
    """Validate one record; raises ValueError whose lines say what is wrong with which field."""
    record = dict(record)
    problems: list[str] = []
    source_id = _clean(record.pop("source_id", None)) or _clean(record.pop("article", None))
    record.pop("article", None)
    url = _clean(record.pop("source_url", None))
    outlet = _clean(record.pop("outlet", None))
    credit = _clean(record.pop("credit", None))
    published = None
    try:
        published = parse_day(record.pop("published", None), "published")
    except ValueError as err:
        problems.append(str(err))
    record["source"] = Source(
        id=source_id or url or default_source, url=url, outlet=outlet, published=published, credit=credit
    )
    record["origin"] = where
    try:
        event = Event.model_validate(record)
    except ValidationError as err:
        problems += [_describe(e) for e in err.errors()]
    if problems:
        raise ValueError("\n".join(problems))
    return event


def _clean(value: Any) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _describe(error: dict[str, Any]) -> str:
    field = ".".join(str(x) for x in error.get("loc", ()))
    if error["type"] == "extra_forbidden":
        return f"unknown column '{field}' (known: {', '.join(FACT_COLUMNS)})"
    if error["type"] == "missing":
        return f"{field} is required"
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "value_error":
        return message
    return f"{field}: {message}"


class _Columns:
    """Validates records in bulk for one load: each distinct value of a column is checked once
    (dates parsed once, actions and kinds by set lookup, names interned, one Source per distinct
    source). A record it cannot vouch for goes through `event_from_record`, so every bad record is
    still reported as `file:line: field: problem` in the schema's own words."""

    _TEXT = ("group", "race", "evidence", "date_text", "note", "actor_title", "target_title")
    _KNOWN = frozenset(FACT_COLUMNS)
    _SOURCE = ("source_id", "article", "source_url", "outlet", "published", "credit")

    def __init__(self) -> None:
        self.texts: dict[Any, str | None] = {None: None}
        self.days: dict[Any, Any] = {None: None}
        self.wholes: dict[Any, int | None] = {None: None}
        self.actions = {a: Action(a) for a in ACTIONS}
        self.kinds: dict[Any, str | None] = {None: None, **{k: k for k in KINDS}}
        self.spans: dict[tuple, Span] = {}
        self.sources: dict[tuple, Source] = {}
        self.aliases: dict[Any, tuple[str, ...]] = {None: (), "": ()}

    def text(self, value: Any) -> str | None:
        try:
            return self.texts[value]
        except KeyError:
            if not isinstance(value, str):
                raise ValueError(value) from None
            text = " ".join(value.split()) or None
            self.texts[value] = text
            return text

    def day(self, value: Any) -> Any:
        try:
            return self.days[value]
        except KeyError:
            if not isinstance(value, str):
                raise ValueError(value) from None
            day = parse_day(value)  # a bad day raises; the slow path words the problem
            self.days[value] = day
            return day

    def whole(self, value: Any, least: int = 0) -> int | None:
        try:
            number = self.wholes[value]
        except KeyError:
            if not isinstance(value, str) or not value.strip().isdigit() or len(value.strip()) > 18:
                if isinstance(value, str) and not value.strip():
                    return None
                raise ValueError(value) from None  # the schema words it (too large: 64-bit graphs)
            number = self.wholes[value] = int(value.strip())
        if number is not None and number < least:
            raise ValueError(value)
        return number

    def kind(self, value: Any) -> str | None:
        try:
            return self.kinds[value]
        except KeyError:
            text = self.text(value)
            kind = text.lower() if text else None
            if kind is not None and kind not in KINDS:
                raise ValueError(value) from None
            self.kinds[value] = kind
            return kind

    def report(self, record: dict[str, Any], where: str, default_source: str) -> Report:
        """The record as a Report; ValueError when it needs the slow path's judgement."""
        if not self._KNOWN.issuperset(record):
            raise ValueError("unknown column")
        get = record.get
        actor, target = self.text(get("actor")), self.text(get("target"))
        action = self.actions.get(get("action"))  # exact lower-case spellings; others go slow
        if not actor or not target or action is None:
            raise ValueError("names or action")
        if get("id") is not None:
            raise ValueError("id")  # an extracted event's id: rare, and the schema checks it
        date, not_before, not_after = (
            self.day(get("date")),
            self.day(get("not_before")),
            self.day(get("not_after")),
        )
        if date and (not_before or not_after) or (not_before and not_after and not_before > not_after):
            raise ValueError("dates")
        key = (date, not_before, not_after)
        span = self.spans.get(key)
        if span is None:
            span = self.spans[key] = Span.of(date, not_before, not_after)
        source_key = tuple(get(c) for c in self._SOURCE)
        source = self.sources.get((*source_key, default_source))
        if source is None:
            raw_id, article, raw_url, raw_outlet, published, credit = source_key
            url, outlet = _clean(raw_url), _clean(raw_outlet)
            source = Source(
                id=_clean(raw_id) or _clean(article) or url or default_source,
                url=url,
                outlet=outlet,
                published=self.day(published),
                credit=_clean(credit),
            )
            self.sources[(*source_key, default_source)] = source
        raw_aliases = get("aliases")
        aliases = self.aliases.get(raw_aliases) if isinstance(raw_aliases, str | None) else None
        if aliases is None:
            if not isinstance(raw_aliases, str):
                raise ValueError("aliases")
            aliases = tuple(t for t in (self.text(v) for v in raw_aliases.split("|")) if t)
            self.aliases[raw_aliases] = aliases
        text = self.text
        return Report(
            actor,
            action,
            target,
            span,
            source,
            date,
            not_before,
            not_after,
            self.whole(get("rank"), 1),
            text(get("group")),
            text(get("race")),
            text(get("evidence")),
            self.whole(get("start")),
            self.whole(get("end")),
            text(get("date_text")),
            text(get("note")),
            self.kind(get("actor_kind")),
            text(get("actor_title")),
            self.kind(get("target_kind")),
            text(get("target_title")),
            aliases,
            where,
            cause=text(get("cause")),
            rule=text(get("rule")),
        )


def _reports(path: Path, records: Iterable[tuple[int, dict[str, Any]]]) -> list[Report]:
    reports: list[Report] = []
    problems: list[str] = []
    columns = _Columns()
    name, prefix = path.name, f"{path}:"
    for line, record in records:
        where = prefix + str(line)
        try:
            reports.append(columns.report(record, where, name))
            continue
        except (ValueError, TypeError):  # unhashable or odd values: the slow path words it
            pass
        try:
            reports.append(Report.of(event_from_record(record, where, name)))
        except ValueError as err:
            problems += [f"{where}: {p}" for p in str(err).splitlines()]
        if len(problems) >= MAX_PROBLEMS:
            problems.append(f"{path}: stopped after {MAX_PROBLEMS} problems")
            break
    if problems:
        raise InputError(problems)
    return reports


_BAD = object()  # a value the fast path cannot vouch for: its rows take the per-record path


def _table_reports(path: Path, header: list[str], chunks: Iterable[tuple[list[int], list]]) -> list[Report]:
    """The rows of a CSV facts file as Reports, validated a whole column of a chunk at a time:
    each distinct cell of a column is checked once and the Reports are made in one pass. A row
    with a value the columns cannot vouch for (or dates that contradict each other) goes through
    `event_from_record`, as `_reports` does, so its problems read the same."""
    columns = _Columns()  # shared by the chunks: each distinct value is checked once per file
    reports: list[Report] = []
    problems: list[str] = []
    for lines, rows in chunks:
        reports += _chunk_reports(path, header, lines, rows, columns, problems)
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        if len(problems) >= MAX_PROBLEMS:
            problems.append(f"{path}: stopped after {MAX_PROBLEMS} problems")
        raise InputError(problems)
    return reports


def _chunk_reports(
    path: Path, header: list[str], lines: list[int], rows: list[list[str]], columns: _Columns, problems: list
) -> list[Report]:
    count = len(rows)
    transposed = dict(zip(header, zip(*rows, strict=True), strict=True))
    nothing = (None,) * count
    suspect: set[int] = set()

    def column(name: str, check) -> list | tuple:
        raw = transposed.get(name)
        if raw is None:
            return nothing
        values: dict[str, Any] = {}
        for value in set(raw):
            try:
                values[value] = check(value if value.strip() else None)
            except (ValueError, TypeError):
                values[value] = _BAD
        if _BAD in values.values():
            suspect.update(i for i, v in enumerate(raw) if values[v] is _BAD)
        return list(map(values.__getitem__, raw))

    def required(value: str | None) -> str:
        text = columns.text(value)
        if not text:
            raise ValueError("required")
        return text

    def action(value: str | None) -> Action:
        return columns.actions[value]  # exact lower-case spellings; others go slow (KeyError below)

    def whole(least: int):
        def check(value: str | None) -> int | None:
            return columns.whole(value, least)

        return check

    def always_none(value: str | None) -> None:
        if value is not None:
            raise ValueError(value)  # an extracted event's id: rare, and the schema checks it

    try_action = _keyerror_as_value(action)
    actors, targets = column("actor", required), column("target", required)
    actions = column("action", try_action)
    column("id", always_none)
    dates, befores, afters = (column(c, columns.day) for c in ("date", "not_before", "not_after"))
    spans: dict[tuple, Any] = {}
    for key in set(zip(dates, befores, afters, strict=True)):
        date, not_before, not_after = key
        if (
            _BAD in key
            or (date and (not_before or not_after))
            or (not_before and not_after and not_before > not_after)
        ):
            spans[key] = _BAD
        else:
            spans[key] = Span.of(date, not_before, not_after)
    span_column = list(map(spans.__getitem__, zip(dates, befores, afters, strict=True)))
    if _BAD in spans.values():
        suspect.update(i for i, v in enumerate(span_column) if v is _BAD)
    source_keys = list(zip(*(transposed.get(c, nothing) for c in _Columns._SOURCE), strict=True))
    sources: dict[tuple, Any] = {}
    for key in set(source_keys):
        raw_id, article, raw_url, raw_outlet, published, credit = key
        url, outlet = _clean(raw_url), _clean(raw_outlet)
        try:
            sources[key] = Source(
                id=_clean(raw_id) or _clean(article) or url or path.name,
                url=url,
                outlet=outlet,
                published=columns.day(published if published and published.strip() else None),
                credit=_clean(credit),
            )
        except (ValueError, TypeError):
            sources[key] = _BAD
    source_column = list(map(sources.__getitem__, source_keys))
    if _BAD in sources.values():
        suspect.update(i for i, v in enumerate(source_column) if v is _BAD)

    def aliases(value: str | None) -> tuple[str, ...]:
        if value is None:
            return ()
        return tuple(t for t in (columns.text(v) for v in value.split("|")) if t)

    prefix = f"{path}:"
    reports = list(
        map(
            Report,
            actors,
            actions,
            targets,
            span_column,
            source_column,
            dates,
            befores,
            afters,
            column("rank", whole(1)),
            *(column(c, columns.text) for c in ("group", "race", "evidence")),
            column("start", whole(0)),
            column("end", whole(0)),
            column("date_text", columns.text),
            column("note", columns.text),
            column("actor_kind", columns.kind),
            column("actor_title", columns.text),
            column("target_kind", columns.kind),
            column("target_title", columns.text),
            column("aliases", aliases),
            itertools.repeat(prefix, count),
            nothing,
            nothing,
            column("cause", columns.text),
            column("rule", columns.text),
            lines,
        )
    )
    for i in sorted(suspect):
        where = reports[i].origin
        record = {h: (c if c.strip() else None) for h, c in zip(header, rows[i], strict=True)}
        try:
            reports[i] = Report.of(event_from_record(record, where, path.name))
        except ValueError as err:
            problems += [f"{where}: {p}" for p in str(err).splitlines()]
        if len(problems) >= MAX_PROBLEMS:
            break
    return reports


def _keyerror_as_value(check):
    def checked(value: str | None):
        try:
            return check(value)
        except KeyError:
            raise ValueError(value) from None

    return checked


def read_reports(path: str | Path, fmt: str) -> list[Report]:
    """Every record of a curated facts file in format `csv`, `yaml` or `jsonl` as a compact
    Report, or an InputError listing every bad record (nothing is returned half-read)."""
    path = Path(path)
    if fmt == "csv":
        header, chunks = csv_chunks(path)
        unknown = [h for h in header if h not in FACT_COLUMNS]
        missing = [c for c in ("actor", "action", "target") if c not in header]
        if unknown or missing:
            problems = [f"{path}:1: unknown column '{h}'" for h in unknown]
            problems += [f"{path}:1: missing column '{c}'" for c in missing]
            raise InputError(problems)
        return _table_reports(path, header, chunks)
    if fmt == "jsonl":
        return _reports(path, jsonl_records(path))
    if fmt == "yaml":
        return _reports(path, yaml_records(path, "facts"))
    raise ValueError(f"unknown facts format {fmt!r}")


def read_facts(path: str | Path, fmt: str) -> list[Event]:
    """Every event of a curated facts file in format `csv`, `yaml` or `jsonl`, or an InputError
    listing every bad record (nothing is returned half-read)."""
    return [report.event() for report in read_reports(path, fmt)]


def event_record(event: Event) -> dict[str, Any]:
    """The facts-file record of an event (only the fields it has), ready for any format."""
    record: dict[str, Any] = {}
    for name in FACT_COLUMNS:
        if name in SOURCE_COLUMNS:
            continue
        value = getattr(event, name)
        if value is None or value == ():
            continue
        if name == "aliases":
            value = list(value)
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        elif name == "action":
            value = value.value
        record[name] = value
    source = event.source
    record["source_id"] = source.id
    for column, value in (
        ("source_url", source.url),
        ("outlet", source.outlet),
        ("credit", source.credit),
        ("published", source.published),
    ):
        if value is not None:
            record[column] = value.isoformat() if hasattr(value, "isoformat") else value
    return record


def dump_facts(events: Iterable[Event], fmt: str) -> str:
    """Events as a facts file in `fmt` (csv, yaml or jsonl) that read_facts reads back."""
    records = [event_record(e) for e in events]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if fmt == "yaml":
        return yaml.safe_dump({"facts": records}, sort_keys=False, allow_unicode=True)
    if fmt == "csv":
        columns = [c for c in FACT_COLUMNS if any(c in r for r in records)]
        out = io.StringIO()
        writer = csv.DictWriter(out, columns, lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow({k: "|".join(v) if isinstance(v, list) else v for k, v in record.items()})
        return out.getvalue()
    raise ValueError(f"unknown facts format {fmt!r}")


def extracted_jsonl(events: Iterable[Event]) -> str:
    """What `extract` writes: JSON lines in the facts schema (the source as `article`) plus the
    evidence, its character offsets and the date text, for review and loading back."""
    lines = []
    for event in events:
        record = event_record(event)
        record["article"] = record.pop("source_id")
        lines.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(lines)
