"""Curated facts in CSV, YAML and JSONL: one schema, detection, round trips, every error path."""

import json
from pathlib import Path

import pytest

import endorsegraph as eg
from endorsegraph import api
from endorsegraph.graph import store
from endorsegraph.graph.errors import InputError
from endorsegraph.loaders import detect, read_facts
from endorsegraph.loaders.facts import dump_facts

BUNDLED = eg.bundled_dataset()
sample_files = api.sample_files


def _content(events):
    return [e.model_dump(exclude={"origin"}) for e in events]


@pytest.mark.parametrize("fmt", ["csv", "yaml", "jsonl"])
@pytest.mark.parametrize("name", ["nyc2021_stringer.csv", "seed_articles.yaml"])
def test_round_trip_through_every_format(tmp_path, name, fmt):
    original = read_facts(BUNDLED / name, "csv" if name.endswith("csv") else "yaml")
    assert len(original) > 20
    path = tmp_path / f"facts.{fmt}"
    path.write_text(dump_facts(original, fmt), encoding="utf-8")
    (file,) = detect(path)
    assert (file.kind, file.fmt) == ("facts", fmt)
    assert _content(read_facts(path, fmt)) == _content(original)


def test_reference_csv_from_shared_loads_directly_and_matches_bundled(shared):
    """The shared reference file is already in the project's schema (a subset of columns)."""
    shared = eg.load([shared / "data" / "nyc2021_stringer.csv"])
    bundled = eg.load([BUNDLED / "nyc2021_stringer.csv"])
    assert len(store.event_log(shared)) == len(store.event_log(bundled)) == 41
    assert eg.withdrawals(shared) and len(eg.withdrawals(shared)) == len(eg.withdrawals(bundled))


def test_detection_says_what_it_chose(write):
    csv_file = write("x.csv", "actor,action,target\nA,endorse,B\n")
    aliases = write("a.csv", "alias,entity\nBee,B\n")
    entities = write("e.yaml", "entities:\n  - {name: B, kind: person}\n")
    listed = write("f.yml", "- {actor: A, action: endorse, target: B}\n")
    assert detect(csv_file)[0].describe().endswith("facts (csv; extension .csv, header actor,action,target)")
    assert detect(aliases)[0].kind == "aliases"
    assert detect(entities)[0].kind == "entities"
    assert detect(listed)[0].kind == "facts"
    folder = detect(csv_file.parent)
    assert [f.path.name for f in folder] == ["a.csv", "e.yaml", "f.yml", "x.csv"]


def test_format_override_reads_any_extension(write):
    path = write("facts.dat", '{"actor": "A", "action": "endorse", "target": "B"}\n')
    with pytest.raises(InputError, match=r"facts.dat: cannot tell the format .* use --format"):
        detect(path)
    (file,) = detect(path, "jsonl")
    assert file.reason == "--format"
    assert read_facts(file.path, "jsonl")[0].actor == "A"


def test_default_source_is_the_file_name_or_url(write):
    path = write(
        "mine.csv",
        "actor,action,target,source_url\nA,endorse,B,\nA,withdraw,B,https://example.org/a\n",
    )
    events = read_facts(path, "csv")
    assert [e.source.id for e in events] == ["mine.csv", "https://example.org/a"]


def test_loading_twice_or_naming_a_file_twice_changes_nothing():
    once = eg.load()
    sample = sample_files()  # the bundled folder's top level; its subfolders hold other datasets
    twice = eg.load([*sample, BUNDLED / "nyc2021_stringer.csv", *sample])
    assert [f.id for f in store.event_log(once)] == [f.id for f in store.event_log(twice)]
    assert once.number_of_edges() == twice.number_of_edges()


BAD = [
    ("A,endorse,B,2021-02-30,,,", "facts.csv:2: date '2021-02-30' is not a real day"),
    ("A,endorse,B,30/04/2021,,,", "facts.csv:2: date '30/04/2021' is not a date in the form YYYY-MM-DD"),
    ("A,endorsed,B,,,,", "facts.csv:2: action 'endorsed' is not one of: endorse, withdraw,"),
    (",endorse,B,,,,", "facts.csv:2: actor is required"),
    ("A,endorse,,,,,", "facts.csv:2: target is required"),
    ("A,endorse,B,,,,zero", "facts.csv:2: rank 'zero' is not a whole number"),
    ("A,endorse,B,,,,0", "facts.csv:2: rank '0' must be 1 or more"),
    ("A,endorse,B,2021-04-01,2021-03-01,,", "facts.csv:2: give either date or not_before/not_after"),
    (
        "A,endorse,B,,2021-05-01,2021-04-01,",
        "facts.csv:2: not_before 2021-05-01 is after not_after 2021-04-01",
    ),
    ("A,endorse,B,,,,,extra", "facts.csv:2: 8 cells but the header has 7 columns"),
]


@pytest.mark.parametrize("row, message", BAD)
def test_every_csv_validation_error_names_file_line_and_field(facts, row, message):
    with pytest.raises(InputError) as info:
        facts(row)
    assert any(message in p for p in info.value.problems), info.value.problems


def test_all_bad_rows_are_reported_and_nothing_is_loaded(facts):
    with pytest.raises(InputError) as info:
        facts("A,endorse,B,2021-04-01,,,\nA,endorse,B,2021-13-01,,,\nA,bless,B,,,,")
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in info.value.problems] == ["3", "4"]


def test_header_problems(write):
    unknown = write("u.csv", "actor,acton,target\nA,endorse,B\n")
    with pytest.raises(InputError, match=r"u.csv:1: unknown column 'acton'"):
        read_facts(unknown, "csv")
    missing = write("m.csv", "actor,target\nA,B\n")
    with pytest.raises(InputError, match=r"m.csv:1: a CSV source needs the columns actor,action,target"):
        detect(missing)
    empty = write("empty.csv", "")
    with pytest.raises(InputError, match=r"empty.csv:1: the file is empty"):
        detect(empty)


def test_kind_and_published_are_validated(write):
    path = write("k.csv", "actor,actor_kind,action,target,published\nA,church,endorse,B,2021-04-31\n")
    with pytest.raises(InputError) as info:
        read_facts(path, "csv")
    assert f"{path}:2: published '2021-04-31' is not a real day" in info.value.problems
    assert any("actor_kind 'church' is not one of" in p for p in info.value.problems)


def test_jsonl_errors_name_the_line(write):
    bad_json = write("b.jsonl", '{"actor": "A", "action": "endorse", "target": "B"}\n\n{oops\n')
    with pytest.raises(InputError, match=r"b.jsonl:3: not valid JSON"):
        read_facts(bad_json, "jsonl")
    not_object = write("n.jsonl", "[1, 2]\n")
    with pytest.raises(InputError, match=r"n.jsonl:1: expected a JSON object"):
        read_facts(not_object, "jsonl")
    unknown = write("x.jsonl", json.dumps({"actor": "A", "action": "endorse", "target": "B", "dte": 1}))
    with pytest.raises(InputError, match=r"x.jsonl:1: unknown column 'dte'"):
        read_facts(unknown, "jsonl")


def test_yaml_errors_name_the_line(write):
    path = write(
        "f.yaml",
        """
        facts:
          - {actor: A, action: endorse, target: B, date: 2021-04-01}
          - actor: A
            action: withdraw
            target: B
            date: 2021-02-30
        """,
    )
    with pytest.raises(InputError, match=r"f.yaml:3: date '2021-02-30' is not a real day"):
        read_facts(path, "yaml")
    broken = write("g.yaml", "facts:\n  - {actor: A, action: endorse\n")
    with pytest.raises(InputError, match=r"g.yaml:3: not valid YAML"):
        read_facts(broken, "yaml")


def test_missing_source_and_undecodable_file(tmp_path: Path):
    with pytest.raises(InputError, match=r"nope.csv: no such file or folder"):
        eg.load([tmp_path / "nope.csv"])
    latin = tmp_path / "latin.csv"
    latin.write_bytes("actor,action,target\nJos\xe9,endorse,B\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin.csv:2: not UTF-8 text"):
        eg.load([latin])


def test_entity_and_alias_table_errors(write):
    entities = write("entities.yaml", "entities:\n  - {name: B, kind: planet}\n  - {kind: person}\n")
    with pytest.raises(InputError) as info:
        eg.load([entities])
    assert any("entities.yaml:2: kind 'planet' is not one of" in p for p in info.value.problems)
    assert any("entities.yaml:3: name is required" in p for p in info.value.problems)
    aliases = write("aliases.csv", "alias,entity\nSS,Nobody Known\n")
    with pytest.raises(InputError, match=r"aliases.csv:2: entity: no entity named 'Nobody Known'"):
        eg.load([aliases])
