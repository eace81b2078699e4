"""Reading records with their line numbers from CSV, JSONL and YAML files."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..graph.errors import InputError

__all__ = ["csv_records", "jsonl_records", "yaml_records", "yaml_document"]


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError([f"{path}: not UTF-8 text ({err.reason} at byte {err.start})"]) from None
    except OSError as err:
        raise InputError([f"{path}: cannot read: {err.strerror}"]) from None


def csv_records(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    """Header and (line, row) pairs; a row with more cells than the header is an error."""
    text = _read_text(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InputError([f"{path}:1: the file is empty; expected a header row"]) from None

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        start = reader.line_num + 1
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                raise InputError(
                    [f"{path}:{line}: {len(cells)} cells but the header has {len(header)} columns"]
                )
            yield line, {h: (c if c.strip() else None) for h, c in zip(header, cells, strict=False)}

    return header, rows()


def jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError([f"{path}:{number}: not valid JSON ({err.msg})"]) from None
        if not isinstance(record, dict):
            raise InputError([f"{path}:{number}: expected a JSON object, got {type(record).__name__}"])
        yield number, record


class _LineLoader(yaml.SafeLoader):
    """Safe YAML loader that records each mapping's line as '__line__'."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


# Dates stay text so that the facts schema validates them with a message naming the field.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def yaml_document(path: Path) -> Any:
    try:
        return yaml.load(_read_text(path), Loader=_LineLoader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f"{mark.line + 1}:" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise InputError([f"{path}:{line} not valid YAML ({problem})"]) from None


def yaml_records(path: Path, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Records of a YAML file that is a list of mappings, or a mapping with a `key` list."""
    document = yaml_document(path)
    if isinstance(document, dict) and key in document:
        document = document[key]
    if document is None:
        return
    if not isinstance(document, list):
        raise InputError([f"{path}:1: expected a list of {key} (or a mapping with '{key}:')"])
    for item in document:
        if not isinstance(item, dict):
            raise InputError([f"{path}: each of the {key} must be a mapping, got {item!r}"])
        line = item.pop("__line__", 0)
        yield line, item
