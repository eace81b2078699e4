"""Wikipedia endorsement lists: a saved page's wikitext (a .wikitext file, or Special:Export XML).

Read with mwparserfromhell. Inside each `{{Endorsements box}}`:
- the candidate is the box's `title=` (its first link's target, else its text);
- bold lines (`'''U.S. Senators'''`, or `;U.S. Senators`) are endorser categories, except the stance
  headings: `withdrawn`, `withdrawn endorsements`, `rescinded endorsement(s)`, `former
  endorsement(s)` make the entries after them withdrawals, and `declined to endorse` makes them
  nothing at all (neither an endorsement nor a withdrawal);
- each `*` entry is one endorser: the first `[[link]]` before its first comma or parenthesis (the
  link target is the entity key), else that text; the rest of the line is the endorser's title,
  and the category's head noun the endorser's kind;
- each `<ref>` of the entry (named refs reused with `<ref name=x/>` included) is one report, cited
  by its URL. A citation's `date=` is the day the cited piece appeared: the act itself for a tweet
  or press release (an exact date), otherwise an upper bound (the endorsement was made by then;
  `access-date=` is a weaker one, used when there is no date). Each event's note says which.
A `Withdrawn` section of the page lists candidates who left the race, not endorsers: each linked
candidate there is an `exit_race` from the race the page is about.

Entities: a link target keys its entity (`[[Kathryn Garcia (Texas politician)|Kathryn Garcia]]` is
`kathryn-garcia-texas-politician`); a plain-text endorser is keyed by name within the page. Every
source carries Wikipedia's credit (CC BY-SA 4.0).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import mwparserfromhell
from mwparserfromhell.nodes import Tag, Template, Text
from mwparserfromhell.wikicode import Wikicode

from ..graph.entities import Entity, Title, slug
from ..graph.errors import InputError
from ..graph.events import Event, Source
from .records import read_source_text

__all__ = ["CREDIT", "Page", "read_page", "read_wikipedia"]

CREDIT = "Wikipedia, CC BY-SA 4.0"
_WITHDRAWN = {
    "withdrawn",
    "withdrawn endorsement",
    "withdrawn endorsements",
    "rescinded endorsement",
    "rescinded endorsements",
    "former endorsement",
    "former endorsements",
}
_DECLINED = {"declined to endorse", "declined to endorse anyone"}
_LEFT_RACE_SECTIONS = {"withdrawn", "withdrew", "withdrew from the race", "withdrawn candidates"}
_ACTS = {"cite tweet", "cite press release"}  # the citation is the act itself
_STANCES = {"endorse": "endorsement", "withdraw": "withdrawn endorsement", "exit_race": "left the race"}
# Refs are swapped for markers before a box is split into lines (a ref may span lines).
_REF = "\u27e6ref{}\u27e7"
_REF_MARK = re.compile("\u27e6ref(\\d+)\u27e7")


@dataclass(frozen=True, slots=True)
class Page:
    title: str
    text: str
    path: Path


@dataclass(frozen=True, slots=True)
class Citation:
    url: str | None
    day: dt.date | None  # from date=
    latest: dt.date | None  # upper bound (end of a month or year given without a day)
    accessed: dt.date | None
    act: bool  # a tweet or press release: its date is the act's
    outlet: str | None
    date_text: str | None


@dataclass
class _Reading:
    page: Page
    refs: dict[str, Wikicode]  # named ref -> its content, wherever on the page it is defined
    cursor: int = 0  # how far into the page's text entries have been found (for line numbers)
    events: list[Event] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)


def read_page(path: str | Path) -> list[Page]:
    """The page(s) of a .wikitext file (titled by the file name) or of Special:Export XML."""
    path = Path(path)
    text = read_source_text(path)  # a regular file, size-limited, UTF-8
    if not text.lstrip().startswith("<"):
        return [Page(path.stem.replace("_", " "), text, path)]
    try:
        root = ET.fromstring(text)
    except ET.ParseError as err:
        line = err.position[0] if err.position else 1
        raise InputError([f"{path}:{line}: not valid XML ({err})"]) from None
    pages = []
    for page in root.iter():
        if _local(page.tag) != "page":
            continue
        title = next((c.text for c in page if _local(c.tag) == "title"), None) or path.stem
        texts = [e.text or "" for e in page.iter() if _local(e.tag) == "text"]
        pages.append(Page(title, texts[-1] if texts else "", path))  # the last revision exported
    if not pages:
        raise InputError([f"{path}:1: no <page> in this MediaWiki export"])
    return pages


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def read_wikipedia(path: str | Path) -> tuple[list[Event], list[Entity]]:
    """Endorsements and withdrawals of every Endorsements box of the page(s) in `path`, and the
    candidates a `Withdrawn` section says left the race; with the entities they name."""
    events: list[Event] = []
    entities: dict[str, Entity] = {}
    for page in read_page(path):
        code = mwparserfromhell.parse(page.text)
        reading = _Reading(page, _named_refs(code))
        _walk(code, reading)
        events += reading.events
        for key, entity in reading.entities.items():
            entities.setdefault(key, entity)
    return events, list(entities.values())


def _named_refs(code: Wikicode) -> dict[str, Wikicode]:
    refs = {}
    for tag in code.filter_tags(matches=lambda n: str(n.tag).lower() == "ref"):
        name = _ref_name(tag)
        if name and not tag.self_closing and tag.contents is not None and str(tag.contents).strip():
            refs.setdefault(name, tag.contents)
    return refs


def _ref_name(tag: Tag) -> str | None:
    if not tag.has("name"):
        return None
    return str(tag.get("name").value).strip().strip("\"'") or None


def _template_name(template: Template) -> str:
    return " ".join(str(template.name).replace("_", " ").split()).lower()


def _walk(code: Wikicode, reading: _Reading) -> None:
    """Boxes anywhere on the page (nested templates included); bullets of a Withdrawn section."""
    section = ""
    loose: list[str] = []
    for node in code.nodes:
        if isinstance(node, mwparserfromhell.nodes.Heading):
            _left_race(loose, section, reading)
            loose, section = [], _plain(node.title).lower()
        elif isinstance(node, Template) and _template_name(node) == "endorsements box":
            _box(node, reading)
        else:
            inner = _boxes_in(node) if isinstance(node, Template) else []
            for box in inner:  # a box wrapped in another template ({{div col|…}})
                _box(box, reading)
            if not inner:
                loose.append(str(node))
    _left_race(loose, section, reading)


def _boxes_in(template: Template) -> list[Template]:
    return [
        inner
        for param in template.params
        for inner in param.value.filter_templates()
        if _template_name(inner) == "endorsements box"
    ]


def _plain(code: Wikicode | str) -> str:
    parsed = mwparserfromhell.parse(str(code)) if not isinstance(code, Wikicode) else code
    return " ".join(parsed.strip_code().split()).strip(" :;,.'\"")


def _lines(code: Wikicode) -> tuple[list[str], list[Tag]]:
    """The lines of `code`, each <ref> replaced by a marker (refs may span lines)."""
    code = mwparserfromhell.parse(str(code))
    refs = list(code.filter_tags(matches=lambda n: str(n.tag).lower() == "ref"))
    for i, tag in enumerate(refs):
        code.replace(tag, _REF.format(i))
    return str(code).splitlines(), refs


def _box(box: Template, reading: _Reading) -> None:
    if not box.has("title"):
        return
    candidate = _entity(box.get("title").value, reading, "person")
    if candidate is None:
        return
    body = box.get("list").value if box.has("list") else box.get(1).value if box.has(1) else None
    if body is None:
        return
    lines, refs = _lines(body)
    category: str | None = None
    stance = "endorse"
    for line in lines:
        bare = _REF_MARK.sub("", line).strip()
        heading = _heading(bare)
        if heading is not None:
            key = heading.lower()
            if key in _WITHDRAWN | _DECLINED:  # a stance heading ends the category before it
                stance, category = ("withdraw" if key in _WITHDRAWN else "declined"), None
            else:
                category = heading
            continue
        if not bare.startswith("*") or stance == "declined":
            continue
        _entry(line, refs, candidate, category, stance, reading)


def _heading(line: str) -> str | None:
    """The text of a bold heading line ('''Senators''', ;Senators), else None."""
    if line.startswith(";"):
        return _plain(line[1:]) or None
    if line.startswith("'''") and line.rstrip(" :").endswith("'''"):
        return _plain(line) or None
    return None


def _entity(
    value: Wikicode | str, reading: _Reading, kind: str | None, title: str | None = None
) -> str | None:
    """The key of the first link in `value`, else of its plain text (keyed within the page)."""
    code = mwparserfromhell.parse(str(value))
    link = next(iter(code.filter_wikilinks()), None)
    if link is not None:
        target = " ".join(str(link.title).split("#")[0].replace("_", " ").split())
        if not target or ":" in target:  # File:, Category:, interwiki
            link = None
    if link is not None:
        name = _plain(link.text) if link.text else target
        key = slug(target)
    else:
        name = _plain(code).split(",")[0].strip()
        if not name:
            return None
        key = f"{slug(name)}.{slug(reading.page.title)}"
    entity = reading.entities.setdefault(key, Entity(key, name or target, kind))
    if title and title not in [t.title for t in entity.titles]:
        entity.titles.append(Title(title))
    return key


# A category's head noun (its last word) tells the endorsers' kind: "Labor unions" are unions,
# "Labor leaders" and "Democratic Party officials" are people.
_KINDS_BY_NOUN = {
    **dict.fromkeys(("newspaper", "newspapers", "publication", "publications", "media"), "newspaper"),
    **dict.fromkeys(("union", "unions"), "union"),
    **dict.fromkeys(("party", "parties"), "party"),
    **dict.fromkeys(
        ("organization", "organizations", "organisation", "organisations", "group", "groups", "committee",
         "committees", "pac", "pacs", "caucus", "caucuses"),
        "organization",
    ),
}  # fmt: skip


def _kind(category: str | None) -> str | None:
    """The endorsers' kind under a category; None without one (a withdrawn section's entries)."""
    words = re.findall(r"[a-z]+", (category or "").lower())
    if not words:
        return None
    return _KINDS_BY_NOUN.get(words[-1], "person")


def _head(code: Wikicode) -> tuple[str, str]:
    """An entry split where its endorser ends: at the first comma or parenthesis outside links and
    templates ("[[Jerry Nadler]], U.S. Representative", "Mayor [[Eric Adams]] (D)")."""
    before: list[str] = []
    for i, node in enumerate(code.nodes):
        if isinstance(node, Text) and (cut := re.search(r"[,(]", node.value)):
            rest = node.value[cut.start() :].lstrip(",") + "".join(str(n) for n in code.nodes[i + 1 :])
            return "".join(before) + node.value[: cut.start()], rest
        before.append(str(node))
    return "".join(before), ""


def _entry(
    line: str, refs: list[Tag], candidate: str, category: str | None, stance: str, reading: _Reading
) -> None:
    text = _REF_MARK.sub("", line).lstrip("*#: ").strip()
    code = mwparserfromhell.parse(text)
    described = _plain(code)
    head, rest = _head(code)
    kind = _kind(category)
    title = _plain(rest) or category
    actor = _entity(head, reading, kind, title)
    if actor is None:
        return
    marks = [int(m) for m in _REF_MARK.findall(line)]
    citations = [c for c in (_citation(refs[m], reading) for m in marks) if c is not None]
    where = _line_of(reading, line)
    for citation in citations or [None]:
        event = _event(actor, candidate, stance, kind, title, citation, described, reading)
        reading.events.append(event.model_copy(update={"origin": where}))


def _line_of(reading: _Reading, line: str) -> str:
    """file:line of an entry, for messages (found by its text before any ref; entries are read
    in page order, so the search goes on from the last one found)."""
    page = reading.page
    probe = line.split("\u27e6", 1)[0].strip()
    at = page.text.find(probe, reading.cursor) if probe else -1
    if at < 0:
        return str(page.path)
    reading.cursor = at + len(probe)
    return f"{page.path}:{page.text.count(chr(10), 0, at) + 1}"


def _citation(tag: Tag, reading: _Reading) -> Citation | None:
    contents = tag.contents if not tag.self_closing and tag.contents is not None else None
    if contents is None or not str(contents).strip():
        contents = reading.refs.get(_ref_name(tag) or "")
    if contents is None:
        return None
    code = mwparserfromhell.parse(str(contents))
    cite = next((t for t in code.filter_templates() if _template_name(t).startswith("cite")), None)
    if cite is None:
        url = next((str(link.url) for link in code.filter_external_links()), None)
        return Citation(url, None, None, None, False, None, None) if url else None

    def param(*names: str) -> str | None:
        for name in names:
            if cite.has(name) and (text := _value_text(cite.get(name).value)):
                return text
        return None

    url = param("url")
    if url is None and _template_name(cite) == "cite tweet" and param("user") and param("number"):
        url = f"https://twitter.com/{param('user')}/status/{param('number')}"
    date_text = param("date")
    day, latest = _cite_day(date_text)
    accessed, _ = _cite_day(param("access-date", "accessdate"))
    return Citation(
        url=url,
        day=day,
        latest=latest,
        accessed=accessed,
        act=_template_name(cite) in _ACTS,
        outlet=param("work", "newspaper", "website", "publisher", "agency", "user"),
        date_text=date_text,
    )


def _value_text(value: Wikicode) -> str | None:
    """A parameter's text; a value that is only a template ({{lang|en|Ledger}}) gives the text
    of that template's last argument."""
    text = " ".join(str(value.strip_code()).split())
    if text:
        return text
    for template in value.filter_templates(recursive=False):
        if template.params:
            return _value_text(template.params[-1].value)
    return None


_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y", "%B %d %Y")


def _cite_day(text: str | None) -> tuple[dt.date | None, dt.date | None]:
    """(exact day, latest possible day) of a citation date; a month or a year gives only the
    latest day. Nothing else is guessed."""
    if not text:
        return None, None
    cleaned = text.replace(".", "").strip()
    for fmt in _FORMATS:
        try:
            day = dt.datetime.strptime(cleaned, fmt).date()
            return day, day
        except ValueError:
            continue
    for fmt in ("%B %Y", "%b %Y", "%Y-%m"):
        try:
            first = dt.datetime.strptime(cleaned, fmt).date()
            return None, first.replace(day=calendar.monthrange(first.year, first.month)[1])
        except ValueError:
            continue
    if re.fullmatch(r"\d{4}", cleaned):
        return None, dt.date(int(cleaned), 12, 31)
    return None, None


def _page_url(title: str) -> str:
    return "https://en.wikipedia.org/wiki/" + quote(title.replace(" ", "_"))


def _event(
    actor: str,
    candidate: str,
    stance: str,
    kind: str | None,
    title: str | None,
    citation: Citation | None,
    described: str,
    reading: _Reading,
) -> Event:
    page = reading.page
    dates: dict[str, dt.date | None] = {}
    how = "undated on the page"
    if citation is not None:
        if citation.act and citation.day:
            dates, how = {"date": citation.day}, "the date of the cited statement"
        elif citation.latest:
            dates = {"not_after": citation.latest}
            how = "by the cited piece's date (it may postdate the act)"
        elif citation.accessed:
            dates = {"not_after": citation.accessed}
            how = "by the citation's access date (it may postdate the act)"
    credit = f"via Wikipedia: {page.title}, CC BY-SA 4.0"
    if citation is not None and citation.url:
        source = Source(
            id=f"{citation.url} [{credit}]",
            url=citation.url,
            outlet=citation.outlet,
            published=citation.day,
            credit=CREDIT,
        )
    else:
        source = Source(
            id=f"Wikipedia: {page.title} [CC BY-SA 4.0]", url=_page_url(page.title), credit=CREDIT
        )
    return Event(
        actor=actor,
        action=stance,
        target=candidate,
        **dates,
        race=page.title,
        source=source,
        evidence=described[:300] or None,
        date_text=citation.date_text if citation else None,
        note=f"Wikipedia, {page.title}: {_STANCES.get(stance, stance)}; date {how}",
        actor_kind=kind,
        actor_title=title,
        target_kind="person",
        origin=f"{page.path}",
    )


def _left_race(chunks: list[str], section: str, reading: _Reading) -> None:
    """Candidates a `Withdrawn` section lists: each leaves the race (the page's subject)."""
    if section not in _LEFT_RACE_SECTIONS or not chunks:
        return
    lines, refs = _lines(mwparserfromhell.parse("".join(chunks)))
    for line in lines:
        text = _REF_MARK.sub("", line).lstrip("*#: ").strip()
        if not line.lstrip().startswith("*") or not mwparserfromhell.parse(text).filter_wikilinks():
            continue
        candidate = _entity(_head(mwparserfromhell.parse(text))[0], reading, "person")
        if candidate is None:
            continue
        marks = [int(m) for m in _REF_MARK.findall(line)]
        citation = next((c for c in (_citation(refs[m], reading) for m in marks) if c), None)
        event = _event(
            candidate, reading.page.title, "exit_race", "person", None, citation, _plain(text), reading
        )
        reading.events.append(
            event.model_copy(update={"target_kind": "race", "origin": _line_of(reading, line)})
        )
