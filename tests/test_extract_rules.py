"""The rules are data (loaders/rules.jsonl) checked at load time: roles known, groups present,
names unique; a bad line is named with its file and line."""

import json
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

import endorsegraph.loaders.rules as rules_module
from endorsegraph.graph.errors import InputError
from endorsegraph.loaders.extract import _eventful
from endorsegraph.loaders.roles import ACTOR_READERS, TARGET_READERS
from endorsegraph.loaders.rules import (
    ACTOR_ROLES,
    RULE_SET,
    RULES,
    TARGET_ROLES,
    Rule,
    load_rules,
    read_rules,
    validate,
)


def test_the_shipped_table_is_valid():
    validate(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize(
    "rule, problem",
    [
        (
            Rule("no-target", "endorse", re.compile(r"(?P<trig>endorsed)"), hints=("endors",)),
            "pattern lacks group(s) tgt",
        ),
        (
            Rule("no-what", "call", re.compile(r"(?P<trig>urged) (?P<tgt>x)"), hints=("urg",)),
            "pattern lacks group(s) what",
        ),
        (
            Rule("no-act", "endorse", re.compile(r"(?P<trig>by) (?P<tgt>x)"), actor="act", hints=("by",)),
            "pattern lacks group(s) act",
        ),
        (
            Rule("odd-role", "endorse", re.compile(r"(?P<trig>x)(?P<tgt>y)"), actor="crowd", hints=("x",)),
            "unknown actor role 'crowd'",
        ),
        (Rule("odd-action", "praise", re.compile(r"(?P<trig>x)(?P<tgt>y)"), hints=("x",)), "unknown action"),
        (Rule("no-hints", "endorse", re.compile(r"(?P<trig>x)(?P<tgt>y)")), "no hints"),
    ],
)
def test_a_broken_rule_is_named_with_its_problem(rule, problem):
    with pytest.raises(ValueError, match=re.escape(f"rule {rule.name}: {problem}")):
        validate((*RULES, rule))


def test_a_rule_defined_twice_is_refused():
    with pytest.raises(ValueError, match="name used twice"):
        validate((*RULES, RULES[0]))


def test_every_role_a_rule_may_name_is_handled_and_every_handled_role_is_documented():
    assert set(ACTOR_ROLES) == set(ACTOR_READERS) and set(TARGET_ROLES) == set(TARGET_READERS)
    assert {r.actor for r in RULES} <= set(ACTOR_READERS) and {r.target for r in RULES} <= set(TARGET_READERS)
    for role in set(ACTOR_ROLES) | set(TARGET_ROLES):
        assert f"`{role}`" in rules_module.__doc__, role


def test_the_rules_are_the_shipped_data_file(tmp_path):
    """A copy of the shipped file reads the same rules: the table lives in the data file."""
    copy = tmp_path / "rules.jsonl"
    copy.write_text(
        resources.files("endorsegraph.loaders").joinpath("rules.jsonl").read_text(encoding="utf-8")
    )
    again = load_rules(copy)
    assert [(r.name, r.pattern.pattern) for r in again.rules] == [(r.name, r.pattern.pattern) for r in RULES]
    assert RULES[0].origin.startswith("rules.jsonl:")


GOOD = '{"define": "M", "pattern": "⟦\\\\d+⟧"}'
CALLS = [
    '{"call": "call_to_withdraw", "pattern": "withdraw", "noun": "withdrawal"}',
    '{"call": "call_to_resign", "pattern": "resign", "noun": "resignation"}',
]


def rule_line(**fields) -> str:
    row = {
        "rule": "x",
        "action": "endorse",
        "hints": ["endors"],
        "pattern": "(?P<trig>endorsed) (?P<tgt>{M})",
    }
    row.update(fields)
    return json.dumps(row, ensure_ascii=False)


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{not json", "not a JSON object"),
        ('{"rule": "x"}', 'a line needs a "pattern" string'),
        (rule_line(pattern="(?P<trig>x) {GROUP}"), "pattern uses {GROUP}, not defined above it"),
        (rule_line(pattern="(?P<trig>x(?P<tgt>y)"), "pattern does not compile"),
        (rule_line(hints="endors"), '"hints" must be a list of words'),
        (rule_line(modal_ok="yes"), "must be true or false"),
        (rule_line(speaker="x"), "unknown key(s) speaker"),
        (rule_line(actor="crowd"), "rule x: unknown actor role 'crowd'"),
        (rule_line(pattern="(?P<trig>endorsed)"), "rule x: pattern lacks group(s) tgt"),
        (rule_line(action="praise"), "rule x: unknown action 'praise'"),
        ('{"pattern": "x"}', 'a line needs "define", "call" or "rule"'),
    ],
)
def test_a_bad_rules_file_line_is_named_with_file_and_line(line, problem):
    lines = ["# a comment", GOOD, "", *CALLS, line]
    with pytest.raises(InputError) as caught:
        read_rules(lines, "my_rules.jsonl")
    assert caught.value.problems[0].startswith("my_rules.jsonl:6: ") and problem in caught.value.problems[0]


def test_a_good_rules_file_reads():
    rules = read_rules([GOOD, *CALLS, rule_line()], "my_rules.jsonl")
    assert [(r.name, r.origin) for r in rules.rules] == [("x", "my_rules.jsonl:4")]
    assert rules.rules[0].pattern.pattern == "(?P<trig>endorsed) (?P<tgt>⟦\\d+⟧)"
    with pytest.raises(InputError, match='needs one "call" line'):
        read_rules([GOOD, rule_line()], "my_rules.jsonl")


def test_the_paragraph_filter_is_derived_from_the_rules():
    """Every hint of three characters or more admits a paragraph; the file adds quotation marks
    and event words no rule reads (so --explain can list them)."""
    assert {h for h in RULE_SET.hints if len(h) >= 3} <= set(RULE_SET.paragraph_words)
    assert set(RULE_SET.paragraph_words) - set(RULE_SET.hints) == set(RULE_SET.also_eventful)
    assert all(_eventful(h) for h in RULE_SET.paragraph_words)


def test_the_rules_ship_in_the_package_data():
    """pyproject's package data names the rules file (a non-editable install carries it)."""
    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert "*.jsonl" in pyproject["tool"]["setuptools"]["package-data"]["endorsegraph.loaders"]
