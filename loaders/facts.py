"""Curated facts: one schema in CSV, YAML or JSONL, one record per event.

Columns are the Event fields (actor, action, target, date, not_before, not_after, rank, group, race,
evidence, start, end, date_text, note, cause, rule, actor_kind, actor_title, target_kind, target_title,
aliases) plus the source columns source_id (or article), source_url, outlet, published, credit. A
record without a source id is cited by its URL, else by the file's name.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..graph.dates import parse_day
from ..graph.errors import InputError
from ..graph.events import Event, Source
from .records import csv_records, jsonl_records, yaml_records

__all__ = [
    "FACT_COLUMNS",
    "SOURCE_COLUMNS",
    "dump_facts",
    "extracted_jsonl",
    "event_from_record",
    "event_record",
    "read_facts",
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


def _events(path: Path, records: Iterable[tuple[int, dict[str, Any]]]) -> list[Event]:
    events: list[Event] = []
    problems: list[str] = []
    for line, record in records:
        where = f"{path}:{line}"
        try:
            events.append(event_from_record(record, where, path.name))
        except ValueError as err:
            problems += [f"{where}: {p}" for p in str(err).splitlines()]
        if len(problems) >= MAX_PROBLEMS:
            problems.append(f"{path}: stopped after {MAX_PROBLEMS} problems")
            break
    if problems:
        raise InputError(problems)
    return events


def read_facts(path: str | Path, fmt: str) -> list[Event]:
    """Every event of a curated facts file in format `csv`, `yaml` or `jsonl`, or an InputError
    listing every bad record (nothing is returned half-read)."""
    path = Path(path)
    if fmt == "csv":
        header, rows = csv_records(path)
        unknown = [h for h in header if h not in FACT_COLUMNS]
        missing = [c for c in ("actor", "action", "target") if c not in header]
        if unknown or missing:
            problems = [f"{path}:1: unknown column '{h}'" for h in unknown]
            problems += [f"{path}:1: missing column '{c}'" for c in missing]
            raise InputError(problems)
        return _events(path, rows)
    if fmt == "jsonl":
        return _events(path, jsonl_records(path))
    if fmt == "yaml":
        return _events(path, yaml_records(path, "facts"))
    raise ValueError(f"unknown facts format {fmt!r}")


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
