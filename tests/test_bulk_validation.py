"""CSV facts are validated a whole column at a time, in chunks; what they give is what the
per-record path gives: the same Reports in the same order, and every bad row reported as
`file:line: field: problem` in the same words. On a second race (Springfield 2024) whose names
collide with the bundled sample's (another Garcia, another Jean Kim)."""

from __future__ import annotations

from pathlib import Path

import pytest

from endorsegraph.graph.errors import InputError
from endorsegraph.loaders import facts
from endorsegraph.loaders.records import csv_chunks, csv_records

GOOD = """\
actor,actor_kind,action,target,target_kind,date,not_before,not_after,rank,group,aliases,source_id,published
Springfield Teachers Union,union,endorse,Ana Garcia,person,2024-03-01,,,1,,STU|Teachers,sj-1,2024-03-02
  Jean   Kim ,person,accuse,Ana Garcia,,2024-03-28,,,,,,sj-2,
Springfield Teachers Union,Union, Withdraw ,Ana Garcia,person,2024-04-02,,,,,,sj-3,
Riverside Nurses,union,stand_by,Ana Garcia,person,,2024-04-03,2024-04-05,,,,,
Leo Garcia,person,exit_race,Springfield Mayor,race,2024-04-20,,,,slate,,sj-4,
Riverside Nurses,union,endorse,Leo Garcia,person,2024-03-03,,,2,,,sj-5,
"""

BAD = """\
actor,action,target,date,not_before,not_after,rank,source_id,published
Springfield Teachers Union,endorse,Ana Garcia,2024-13-01,,,,sj-1,
Jean Kim,accuse,Ana Garcia,2024-03-28,2024-03-01,,,sj-2,
Springfield Teachers Union,endorse,Leo Garcia,2024-03-01,,,0,sj-3,
Riverside Nurses,stand_by,Ana Garcia,2024-04-03,,,,sj-4,2024-02-30
Riverside Nurses,endorse,Ana Garcia,2024-04-03,,,1234567890123456789,sj-4,
Riverside Nurses,endorses,Ana Garcia,2024-04-03,,,,sj-4,
,endorse,Ana Garcia,2024-04-03,,,,sj-4,
Riverside Nurses,endorse,Ana Garcia,,2024-05-02,2024-05-01,,sj-4,
"""


def _fields(report) -> tuple:
    return tuple(getattr(report, name) for name in report.FIELDS)


def _per_record(path: Path) -> list:
    return facts._reports(path, csv_records(path)[1])


@pytest.mark.parametrize("size", [1, 2, 4, 50_000])
def test_columns_give_what_records_give(tmp_path: Path, size: int):
    path = tmp_path / "springfield.csv"
    path.write_text(GOOD, encoding="utf-8")
    header, chunks = csv_chunks(path, size)
    bulk = facts._table_reports(path, header, chunks)
    assert [_fields(r) for r in bulk] == [_fields(r) for r in _per_record(path)]
    actions = ["endorse", "accuse", "withdraw", "stand_by", "exit_race", "endorse"]
    assert [r.action.value for r in bulk] == actions
    assert bulk[1].actor == "Jean Kim" and bulk[0].aliases == ("STU", "Teachers")
    assert bulk[2].origin == f"{path}:4" and bulk[3].source.id == "springfield.csv"


@pytest.mark.parametrize("size", [1, 3, 50_000])
def test_every_bad_row_is_reported_as_the_record_path_words_it(tmp_path: Path, size: int):
    path = tmp_path / "springfield.csv"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(InputError) as slow:
        _per_record(path)
    header, chunks = csv_chunks(path, size)
    with pytest.raises(InputError) as bulk:
        facts._table_reports(path, header, chunks)
    assert bulk.value.problems == slow.value.problems
    assert len(bulk.value.problems) == 8
    assert bulk.value.problems[0].startswith(f"{path}:2: date '2024-13-01'")
    assert any(p.startswith(f"{path}:6: rank") and "too large" in p for p in bulk.value.problems)
