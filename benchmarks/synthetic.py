"""A synthetic endorsement dataset of any size, for benchmarks: candidates, endorsers, ranked
endorsements, accusations and the withdrawals that follow them."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

KINDS = ("person", "union", "party", "advocacy group")


def write_facts(path: Path, endorsers: int, candidates: int, seed: int = 7) -> int:
    """Write a facts CSV; returns the number of rows."""
    rng = random.Random(seed)
    start = dt.date(2021, 1, 1)
    rows = ["actor,actor_kind,action,target,date,not_before,not_after,rank,group,source_id"]
    for c in range(candidates):
        day = start + dt.timedelta(days=rng.randrange(200))
        rows.append(f"Accuser {c},person,accuse,Candidate {c},{day},,,,,src-{c % 97}")
    for e in range(endorsers):
        kind = KINDS[e % len(KINDS)]
        for rank, c in enumerate(rng.sample(range(candidates), k=min(3, candidates)), start=1):
            day = start + dt.timedelta(days=rng.randrange(150))
            rows.append(f"Endorser {e},{kind},endorse,Candidate {c},{day},,,{rank},,src-{e % 89}")
            if rng.random() < 0.3:
                later = day + dt.timedelta(days=rng.randrange(1, 60))
                if rng.random() < 0.5:
                    rows.append(f"Endorser {e},{kind},withdraw,Candidate {c},{later},,,,,src-{e % 83}")
                else:
                    bound = later + dt.timedelta(days=3)
                    rows.append(f"Endorser {e},{kind},withdraw,Candidate {c},,{later},{bound},,,src-{e % 83}")
    path.write_text("\n".join(rows) + "\n")
    return len(rows) - 1
