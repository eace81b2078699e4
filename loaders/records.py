"""Reading records with their line numbers from CSV, JSONL and YAML files.

Every source is read through `read_source`: regular files only (a FIFO or a device would hang or
never end), at most MAX_SOURCE_BYTES. Structure is checked here, once per row and cheaply: a CSV
row has exactly the header's cells, a quote opened is closed, no NUL bytes; YAML and JSON keys
appear once, nesting and alias expansion are bounded.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..graph.errors import InputError

__all__ = [
    "MAX_FIELD_CHARS",
    "MAX_NESTING",
    "MAX_SOURCE_BYTES",
    "MAX_YAML_NODES",
    "STDIN",
    "csv_records",
    "csv_chunks",
    "jsonl_records",
    "read_source",
    "read_source_text",
    "unique_keys",
    "yaml_document",
    "yaml_records",
]

MAX_SOURCE_BYTES = 256 * 1024 * 1024  # one source file; a bigger one is almost surely a mistake
MAX_FIELD_CHARS = 131_072  # one CSV cell (the csv module's own default limit)
MAX_NESTING = 32  # YAML/JSON levels; a facts record needs three
MAX_YAML_NODES = 1_000_000  # YAML nodes after alias expansion ("billion laughs" stop here)


STDIN = "-"  # a source named "-" is standard input
_stdin: list = [None, b""]  # (the stream read, its bytes): detection and reading share one read


def read_source(path: Path, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a regular file (or of standard input, for "-"; read once) of at most `limit`
    bytes; anything else is an InputError."""
    if str(path) == STDIN:
        if _stdin[0] is not sys.stdin:
            _stdin[:] = [sys.stdin, sys.stdin.buffer.read(limit + 1)]
        if len(_stdin[1]) > limit:
            raise InputError([f"{path}: standard input is over the {limit:,}-byte limit"])
        return _stdin[1]
    try:
        with open(path, "rb", opener=_nonblocking) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise InputError([f"{path}: not a regular file ({_kind(info.st_mode)}); sources are files"])
            if info.st_size > limit:
                raise InputError([f"{path}: {info.st_size:,} bytes, over the {limit:,}-byte limit"])
            data = handle.read(limit + 1)
    except IsADirectoryError:
        raise InputError([f"{path}: is a folder"]) from None
    except OSError as err:
        raise InputError([f"{path}: cannot read: {err.strerror}"]) from None
    if len(data) > limit:  # grew while read
        raise InputError([f"{path}: over the {limit:,}-byte limit per source"])
    return data


def _nonblocking(path: str, flags: int) -> int:
    # Opening a FIFO with no writer would block before fstat could refuse it.
    return os.open(path, flags | os.O_NONBLOCK)


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    ):
        if test(mode):
            return name
    return "not a file"


def read_source_text(path: Path) -> str:
    """A source as UTF-8 text (a BOM is dropped); NUL bytes are an error naming their line."""
    data = read_source(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise InputError([f"{path}:{line}: not UTF-8 text ({err.reason} at byte {err.start})"]) from None
    nul = text.find("\0")
    if nul >= 0:
        raise InputError([f"{path}:{text.count(chr(10), 0, nul) + 1}: a NUL byte; this is not a text file"])
    return text


def csv_chunks(
    path: Path, size: int = 50_000
) -> tuple[list[str], Iterator[tuple[list[int], list[list[str]]]]]:
    """Header and chunks of up to `size` rows (line numbers, lists of cells; blank rows left out)
    of a CSV file, with the checks of `csv_records`: for readers that validate whole columns at
    once, a chunk at a time (so a big file's cells are never all held as row lists at once)."""
    header, reader = _csv_reader(path)
    return header, _chunks(path, reader, len(header), size)


def _chunks(path: Path, reader: Any, width: int, size: int) -> Iterator[tuple[list[int], list[list[str]]]]:
    lines: list[int] = []
    rows: list[list[str]] = []
    start = reader.line_num + 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if len(cells) != width or not "".join(cells).strip():
                if not any(c.strip() for c in cells):
                    continue
                spans = f" (the row runs to line {start - 1}: a quote left open?)" if start - 1 > line else ""
                raise InputError(
                    [f"{path}:{line}: {len(cells)} cells but the header has {width} columns{spans}"]
                )
            lines.append(line)
            rows.append(cells)
            if len(rows) == size:
                yield lines, rows
                lines, rows = [], []
    except csv.Error as err:
        raise InputError([f"{path}:{start}: {_csv_problem(err)}"]) from None
    if rows:
        yield lines, rows


def csv_records(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    """Header and (line, row) pairs. A row with more or fewer cells than the header, a duplicate
    column, a quote never closed or a cell over MAX_FIELD_CHARS is an error naming its line."""
    header, reader = _csv_reader(path)

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        start = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                raise InputError([f"{path}:{start}: {_csv_problem(err)}"]) from None
            line, start = start, reader.line_num + 1
            if len(cells) != len(header):
                if not any(c.strip() for c in cells):
                    continue
                spans = f" (the row runs to line {start - 1}: a quote left open?)" if start - 1 > line else ""
                raise InputError(
                    [f"{path}:{line}: {len(cells)} cells but the header has {len(header)} columns{spans}"]
                )
            if not any(c.strip() for c in cells):
                continue
            yield line, {h: (c if c.strip() else None) for h, c in zip(header, cells, strict=True)}

    return header, rows()


def _csv_reader(path: Path) -> tuple[list[str], Any]:
    text = read_source_text(path)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    # newline="": only \n, \r\n and \r end a line; U+2028 and friends stay inside their cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        first = next(reader, None)
    except csv.Error as err:
        raise InputError([f"{path}:1: {_csv_problem(err)}"]) from None
    if first is None:
        raise InputError([f"{path}:1: the file is empty; expected a header row"])
    header = [h.strip() for h in first]
    seen: set[str] = set()
    for column in header:
        if column and column in seen:
            raise InputError([f"{path}:1: the column '{column}' appears twice in the header"])
        seen.add(column)
    return header, reader


def _csv_problem(err: csv.Error) -> str:
    message = str(err)
    if "field larger than field limit" in message:
        return f"a cell longer than {MAX_FIELD_CHARS:,} characters (a quote left open?)"
    if "unexpected end of data" in message or "EOF" in message:
        return "a quoted cell starting here is never closed"
    if "expected after" in message:
        return 'text after a closing quote: a quote inside a quoted cell must be doubled ("")'
    return message


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads' object_pairs_hook: a key given twice is a ValueError, not a silent overwrite."""
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise ValueError(f"the key '{twice}' appears twice")
    return record


_KEY_MARK = re.compile(r'"\s*:')


def jsonl_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    # split("\n"), not splitlines(): U+2028 may stand raw inside a JSON string.
    for number, line in enumerate(read_source_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            # Every key is a string followed by ':', so fewer such marks than keys is impossible, and as
            # many means no key came twice; otherwise (nested objects, '":' inside a text, a key given
            # twice) read the line again, checking.
            if isinstance(record, dict) and len(_KEY_MARK.findall(line)) != len(record):
                json.loads(line, object_pairs_hook=unique_keys)
        except json.JSONDecodeError as err:
            raise InputError([f"{path}:{number}: not valid JSON ({err.msg})"]) from None
        except ValueError as err:
            raise InputError([f"{path}:{number}: {err}"]) from None
        except RecursionError:
            raise InputError([f"{path}:{number}: nested too deeply"]) from None
        if not isinstance(record, dict):
            raise InputError([f"{path}:{number}: expected a JSON object, got {type(record).__name__}"])
        yield number, record


class _LineLoader(yaml.SafeLoader):
    """Safe YAML loader that records each mapping's line as '__line__' and refuses duplicate keys."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        # Composing recurses per level: stop at MAX_NESTING before Python's own limit does.
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                raise _Refused(self.peek_event(), f"nested more than {MAX_NESTING} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        mapping = super().construct_mapping(node, deep=deep)
        keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        if len(set(keys)) != len(keys):
            seen: set[str] = set()
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key '{key_node.value}' appears twice", key_node.start_mark
                    )
                seen.add(getattr(key_node, "value", None))
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


# Dates stay text so that the facts schema validates them with a message naming the field.
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _expanded_size(root: yaml.Node) -> None:
    """Refuse a document whose aliases expand past MAX_YAML_NODES, that nests deeper than
    MAX_NESTING or that contains itself: cost is one visit per distinct node."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node, depth: int) -> int:
        if depth > MAX_NESTING:
            raise _Refused(node, f"nested more than {MAX_NESTING} levels deep")
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise _Refused(node, "an alias refers to a node that contains it")
        open_nodes.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        if total > MAX_YAML_NODES:
            raise _Refused(node, f"aliases expand to more than {MAX_YAML_NODES:,} values")
        open_nodes.discard(key)
        sizes[key] = total
        return total

    size(root, 0)


class _Refused(Exception):
    def __init__(self, node: yaml.Node | yaml.Event, problem: str):
        self.line, self.problem = node.start_mark.line + 1, problem


def yaml_document(path: Path) -> Any:
    text = read_source_text(path)
    loader = None
    try:
        loader = _LineLoader(text)
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node)
        return loader.construct_document(node)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        position = getattr(err, "position", None)  # a reader error: a character YAML refuses
        line = f"{mark.line + 1}:" if mark else f"{text.count(chr(10), 0, position) + 1}:" if position else ""
        problem = getattr(err, "problem", None) or str(err)
        raise InputError([f"{path}:{line} not valid YAML ({problem})"]) from None
    except _Refused as err:
        raise InputError([f"{path}:{err.line}: {err.problem}"]) from None
    except RecursionError:
        raise InputError([f"{path}: nested too deeply"]) from None
    finally:
        if loader is not None:
            loader.dispose()


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
            raise InputError([f"{path}: each of the {key} must be a mapping, got {_short(item)}"])
        line = item.pop("__line__", 0)
        yield line, item


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
