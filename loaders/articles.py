"""Reading article files: encodings, the optional header lines, sidecar manifests.

An article may start with header lines, each `KEY value`: `date YYYY-MM-DD` (or `date unknown`), `url https://…`,
`outlet NAME`, `race NAME`. A manifest (CSV or JSON: file,url,outlet,published,race) wins over them.
An article's race scopes its names (surnames and aliases never match another race's entities);
without one, its folder is the scope.

Header lines open a scraped article file, one per line, before the text: `date YYYY-MM-DD` (or
`date unknown`), `url https://...`, `race <name>`. They are metadata, never article text. An
article's publication date comes from its date line or a manifest, never from the file's mtime
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
from .datetext import find_dates
from .records import csv_records, read_source, unique_keys

__all__ = ["Article", "Manifest", "SkippedFile", "decode", "read_article", "read_manifest"]

_HEADER_LINE = re.compile(
    r"[ \t]*(?:(?P<date>date)[ \t]+(?P<day>\d{4}-\d{2}-\d{2})|(?P<url>url)[ \t]+(?P<link>https?://\S+)"
    r"|(?P<key>outlet|race)[ \t]+(?P<value>\S[^\n]*?)|(?P<unknown>date)[ \t]+unknown)[ \t]*(?P<end>\n|\Z)"
    r"|[ \t]*(?P<date2>date)[ \t]+(?P<day2>\d{4}-\d{2}-\d{2})[ \t]+"  # text follows on the line
)


# A scraped page's own date line near its top: "| 03 May 2021 | 11:31", "Published: May 3, 2021",
# "Updated 6:14 PM EDT, Thu October 14, 2021", "Nov. 10, 2017 at 4:31 pm"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4}\b)?"
_DATELINE = re.compile(
    r"[ \t|•·-]*(?P<label>(?:first\s+|last\s+)?(?:published|posted|updated|modified)(?:\s+on)?:?\s*)?"
    rf"(?:{_TIME}[\s,|]+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?P<day>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2})"
    rf"(?:[\s,|]+(?:at\s+)?{_TIME})?[ \t|]*"
)
_TIME_IN = re.compile(r"\d{1,2}[:.]\d{2}")
_DATELINE_LINES = 12  # how far down the page a date line is looked for


def _dateline(text: str, start: int) -> dt.date | None:
    """The date a page gives itself in a line of its own near the top, before its prose: labelled
    ("Published …"), with a time or a bar, or bare in its first three lines (a published date wins
    over an updated one), when no header or manifest gives one."""
    found: list[tuple[bool, dt.date]] = []
    lines = [line.lower().strip() for line in text[start : start + 2000].split("\n") if line.strip()]
    for number, low in enumerate(lines[:_DATELINE_LINES]):
        match = _DATELINE.fullmatch(low)
        if not match and low.endswith((".", "!", "?", '"')):
            break  # the text has begun: a date further down is the story's, not the page's
        if match and (match["label"] or "|" in low or _TIME_IN.search(low) or number < 3):
            days = [d.span.exact for d in find_dates(match["day"], None) if d.span and d.span.exact]
            label = match["label"] or ""
            if days:
                found.append(("updated" not in label and "modified" not in label, days[0]))
    return max(found, key=lambda f: f[0])[1] if found else None


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # the file name: what events cite as their source
    path: Path
    text: str  # the whole decoded file, line breaks normalized to \n
    body_start: int  # where the article text begins (after the date marker, if any)
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    race: str | None = None

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def scope(self) -> str:
        """Where its names resolve: its race, else its folder."""
        return self.race or f"folder {self.path.parent}"


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
    """Metadata for article files, by file name: url, outlet, published, race."""

    entries: dict[str, dict[str, object]]

    def get(self, name: str) -> dict[str, object]:
        return self.entries.get(name, {})

    def merged(self, other: Manifest) -> Manifest:
        """Both manifests' entries; `other` wins for a file both describe."""
        return Manifest({**self.entries, **other.entries})


def read_manifest(path: Path) -> Manifest:
    """A CSV (file,url,outlet,published,race) or JSON (a list of such objects) sidecar."""
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
            "race": str(row.get("race") or "").strip() or None,
        }
    if problems:
        raise InputError(problems)
    return Manifest(entries)


def read_article(path: Path, manifest: Manifest | None = None) -> Article:
    """Decode one article; its header lines win over nothing, the manifest over the header."""
    text = decode(read_source(path), str(path))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header: dict[str, str] = {}
    start, line = 0, 1
    while (match := _HEADER_LINE.match(text, start)) and match.end() > start:
        key = match["date"] or match["date2"] or match["unknown"] or match["url"] or match["key"]
        if key in header:
            break  # a second `date` line is text, not header
        header[key] = match["day"] or match["day2"] or match["link"] or match["value"] or ""
        if key == "date" and header["date"]:  # "date unknown" states that no date is known
            try:
                parse_day(header["date"], "date line")
            except ValueError as err:
                raise InputError([f"{path}:{line}: {err}"]) from None
        start, line = match.end(), line + 1
        if match["date2"]:
            break  # "date 2021-04-28 Caption…": the article begins on the date's line
    published = parse_day(header.get("date") or None, "date line")
    meta = manifest.get(path.name) if manifest else {}
    if published is None and not meta.get("published"):
        published = _dateline(text, start)
    return Article(
        id=path.name,
        path=path,
        text=text,
        body_start=start,
        published=meta.get("published") or published,  # type: ignore[arg-type]
        url=meta.get("url") or header.get("url"),  # type: ignore[arg-type]
        outlet=meta.get("outlet") or header.get("outlet"),  # type: ignore[arg-type]
        race=meta.get("race") or header.get("race"),  # type: ignore[arg-type]
    )
