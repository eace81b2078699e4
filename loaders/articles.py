"""Reading article files: encodings, the optional ` date YYYY-MM-DD` line, sidecar manifests.

An article's publication date comes from its date line or a manifest, never from the file's mtime
or today. Offsets everywhere refer to the decoded text of the file (date line included), so a
reviewer can find the evidence in the file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..graph.dates import parse_day
from ..graph.errors import InputError
from .records import csv_records, read_source, unique_keys

__all__ = ["Article", "Manifest", "SkippedFile", "decode", "read_article", "read_manifest"]

_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*")


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # the file name: what events cite as their source
    path: Path
    text: str  # the whole decoded file, line breaks normalized to \n
    body_start: int  # where the article text begins (after the date marker, if any)
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


class SkippedFile(InputError):
    """A file that is not an article (binary): reported and skipped, not an error."""

    def __init__(self, problem: str):
        super().__init__([problem])


def decode(data: bytes, where: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1; NUL bytes without a UTF-16 BOM
    mean binary."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise SkippedFile(f"{where}: binary file (NUL bytes, no UTF-16 byte order mark): skipped")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


@dataclass(frozen=True, slots=True)
class Manifest:
    """Metadata for article files, by file name: url, outlet, published."""

    entries: dict[str, dict[str, object]]

    def get(self, name: str) -> dict[str, object]:
        return self.entries.get(name, {})

    def merged(self, other: Manifest) -> Manifest:
        """Both manifests' entries; `other` wins for a file both describe."""
        return Manifest({**self.entries, **other.entries})


def read_manifest(path: Path) -> Manifest:
    """A CSV (file,url,outlet,published) or JSON (a list of such objects) sidecar."""
    problems: list[str] = []
    entries: dict[str, dict[str, object]] = {}
    numbered: list[tuple[int, object]]
    if path.suffix.lower() == ".json":
        text = decode(read_source(path), str(path))
        try:
            rows = json.loads(text, object_pairs_hook=unique_keys)
        except json.JSONDecodeError as err:
            raise InputError([f"{path}:{err.lineno}: not valid JSON ({err.msg})"]) from None
        except RecursionError:
            raise InputError([f"{path}: nested too deeply"]) from None
        except ValueError as err:
            raise InputError([f"{path}: {err}"]) from None
        if not isinstance(rows, list):
            raise InputError(
                [f"{path}:1: a JSON manifest is a list of objects: file, url, outlet, published"]
            )
        numbered = list(enumerate(rows, start=1))
    else:
        numbered = list(csv_records(path)[1])
    for line, row in numbered:
        if not isinstance(row, dict) or not row.get("file"):
            problems.append(f"{path}:{line}: each entry needs a 'file'")
            continue
        not_text = [k for k in ("file", "url", "outlet") if not isinstance(row.get(k) or "", str)]
        if not_text:
            problems.append(f"{path}:{line}: {not_text[0]} must be text")
            continue
        try:
            published = parse_day(row.get("published"), "published")
        except ValueError as err:
            problems.append(f"{path}:{line}: {err}")
            continue
        entries[Path(str(row["file"])).name] = {
            "url": row.get("url") or None,
            "outlet": row.get("outlet") or None,
            "published": published,
        }
    if problems:
        raise InputError(problems)
    return Manifest(entries)


def read_article(path: Path, manifest: Manifest | None = None) -> Article:
    """Decode one article; the date line wins over nothing, the manifest over the date line."""
    text = decode(read_source(path), str(path))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    published, start = None, 0
    match = _DATE_LINE.match(text)
    if match:
        try:
            published = parse_day(match.group(1), "date line")
        except ValueError as err:
            raise InputError([f"{path}:1: {err}"]) from None
        start = match.end()
    meta = manifest.get(path.name) if manifest else {}
    return Article(
        id=path.name,
        path=path,
        text=text,
        body_start=start,
        published=meta.get("published") or published,  # type: ignore[arg-type]
        url=meta.get("url"),  # type: ignore[arg-type]
        outlet=meta.get("outlet"),  # type: ignore[arg-type]
    )
