"""The rule table is data checked at load time: roles known, groups present, names unique."""

import re

import pytest

from endorsegraph.loaders.rules import RULES, Rule, validate


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
