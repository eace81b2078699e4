"""Semantic problems are warnings naming FILE:LINE, never silence; bad articles do not sink a folder.

The second race here (Springfield 2023) has its own Jean Kim and Maria Garcia, as the sample has.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import endorsegraph as eg
from endorsegraph.api import sample_files
from endorsegraph.cli import cli
from endorsegraph.graph.confusables import confusable_pairs, skeleton
from endorsegraph.graph.errors import InputError

CYRILLIC_ES = "\u0441"  # looks like a Latin c
CYRILLIC_IE = "\u0435"  # looks like a Latin e


def load_warnings(*sources, strict: bool = False) -> tuple[object, list[str]]:
    warnings: list[str] = []
    graph = eg.load(list(sources), warn=warnings.append, strict=strict)
    return graph, warnings


def test_confusable_names_warn_naming_both_and_stay_apart(write):
    path = write(
        "springfield.csv",
        f"""
        actor,action,target,date
        Maria Garcia,endorse,Jean Kim,2023-03-01
        Ted Ruiz,endorse,J{CYRILLIC_IE}an Kim,2023-03-02
        """,
    )
    graph, warnings = load_warnings(path)
    (warning,) = [w for w in warnings if "looks like" in w]
    assert warning.startswith(f"{path}:3: 'J{CYRILLIC_IE}an Kim' looks like 'Jean Kim' ({path}:2)")
    assert "CYRILLIC SMALL LETTER IE" in warning
    assert {"jean-kim"} < set(graph.nodes) and len([n for n in graph.nodes if "kim" in n]) == 2


def test_a_lookalike_of_a_sample_name_is_named_with_the_sample_one(write):
    lookalike = f"S{CYRILLIC_ES}ott Stringer"
    path = write("springfield.csv", f"actor,action,target\nMaria Garcia,withdraw,{lookalike}\n")
    _, warnings = load_warnings(*sample_files(), path)
    (warning,) = [w for w in warnings if "looks like" in w]
    assert f"'S{CYRILLIC_ES}ott Stringer' looks like 'Scott Stringer'" in warning
    assert warning.startswith(f"{path}:2:")


def test_skeletons_use_unicode_confusables_not_ascii_lookalikes():
    assert skeleton(f"S{CYRILLIC_ES}ott Stringer") == skeleton("Scott Stringer") == "scott stringer"
    assert confusable_pairs(["Ill Lee", "lll Lee", "José Garcia", "Jose Garcia"]) == []


def test_self_endorsement_and_conflicting_dates_are_warnings_with_lines(write):
    path = write(
        "springfield.csv",
        """
        actor,action,target,date,source_id
        Jean Kim,endorse,Jean Kim,2023-03-01,a
        Maria Garcia,withdraw,Ted Ruiz,2023-03-05,b
        Maria Garcia,withdraw,Ted Ruiz,2023-03-09,c
        Maria Garcia,endorse,Ted Ruiz,2023-01-01,d
        """,
    )
    _, warnings = load_warnings(path)
    assert f"{path}:2: endorse with Jean Kim as both actor and target" in warnings
    (conflict,) = [w for w in warnings if "conflicting dates" in w]
    assert conflict.startswith(f"{path}:") and "2023-03-05" in conflict and "2023-03-09" in conflict


def test_implied_withdrawals_are_one_summary_line_or_one_each_when_strict():
    _, warnings = load_warnings(*sample_files())
    assert [w for w in warnings if "no endorsement on record" in w] == [
        "14 withdrawals have no endorsement on record: shown as implied (--strict lists each)"
    ]
    _, strict = load_warnings(*sample_files(), strict=True)
    each = [w for w in strict if "no endorsement on record" in w]
    assert len(each) == 14 and all(w.split(":")[1].isdigit() for w in each)


def test_a_folder_of_articles_loads_the_good_ones_and_reports_every_bad_one(tmp_path):
    folder = tmp_path / "springfield"
    folder.mkdir()
    (folder / "a1.txt").write_text("date 2023-03-01\nMaria Garcia endorsed Jean Kim on Tuesday.\n", "utf-8")
    (folder / "a2.txt").write_text("date 2023-02-30\nTed Ruiz endorsed Jean Kim.\n", "utf-8")
    (folder / "a3.txt").write_bytes(b"\x00\x01binary")
    (folder / "a4.txt").write_text("date 2023-03-02\nTed Ruiz endorsed Jean Kim.\n", "utf-8")
    graph, warnings = load_warnings(folder)
    assert {(f.actor, f.target) for f in eg.graph.store.event_log(graph)} == {
        ("maria-garcia", "jean-kim"),
        ("ted-ruiz", "jean-kim"),
    }
    assert warnings[-2:] == [
        f"{folder / 'a2.txt'}:1: date line '2023-02-30' is not a real day: article skipped",
        f"{folder / 'a3.txt'}: binary file (NUL bytes, no UTF-16 byte order mark): skipped",
    ]
    with pytest.raises(InputError) as caught:
        eg.load([folder], strict=True)
    assert len(caught.value.problems) == 2
    runner = CliRunner()
    assert runner.invoke(cli, ["timeline", "--source", str(folder), "--csv"]).exit_code == 0
    strict = runner.invoke(cli, ["timeline", "--source", str(folder), "--csv", "--strict"])
    assert strict.exit_code == 1 and strict.stdout == ""


def test_facts_files_stay_all_or_nothing(write, tmp_path):
    write("good.csv", "actor,action,target\nMaria Garcia,endorse,Jean Kim\n")
    write("bad.csv", "actor,action,target\nTed Ruiz,endorse,\n")
    with pytest.raises(InputError, match="bad.csv:2: target is required"):
        eg.load([tmp_path])


def test_empty_folder_and_header_only_file_are_warnings(tmp_path, write):
    empty = tmp_path / "empty"
    empty.mkdir()
    header_only = write("springfield.csv", "actor,action,target\n")
    _, warnings = load_warnings(empty, header_only)
    assert f"{empty}: no source files in this folder" in warnings
    assert f"{header_only}: no facts in this file (only a header, or empty)" in warnings


def test_cli_warnings_start_with_warning_and_the_place(write):
    path = write("springfield.csv", "actor,action,target\nJean Kim,endorse,Jean Kim\n")
    result = CliRunner().invoke(cli, ["timeline", "--source", str(path), "--csv"])
    assert result.exit_code == 0
    expected = f"warning: {path}:2: endorse with Jean Kim as both actor and target"
    assert expected in result.stderr.splitlines()


def test_an_alias_given_to_two_entities_is_one_warning_at_its_row_not_an_error_per_use(write):
    aliases = write("aliases.csv", "alias,entity\nGarcia,Maria Garcia\nGarcia,Luis Garcia\n")
    facts = write(
        "springfield.csv",
        """
        actor,action,target,date
        Maria Garcia,endorse,Jean Kim,2023-03-01
        Luis Garcia,endorse,Jean Kim,2023-03-02
        Luis Garcia,withdraw,Jean Kim,2023-04-02
        """,
    )
    graph, warnings = load_warnings(aliases, facts)
    (warning,) = [w for w in warnings if "alias" in w]
    assert warning.startswith(f"{aliases}:3: alias 'Garcia' also names Maria Garcia ({aliases}:2)")
    assert len(eg.withdrawals(graph, candidate="Jean Kim")) == 1
    # Used anyway, the ambiguous alias is one error for all its uses, after the warning that explains it.
    used = write("used.csv", "actor,action,target\nGarcia,stand_by,Jean Kim\nGarcia,withdraw,Jean Kim\n")
    said: list[str] = []
    with pytest.raises(InputError) as failure:
        eg.load([aliases, facts, used], warn=said.append)
    (problem,) = failure.value.problems
    assert problem.startswith(f"{used}:2: actor: 'Garcia' could mean 2 entities") and "1 more use" in problem
    assert any(w.startswith(f"{aliases}:3: alias 'Garcia'") for w in said)
