"""A synthetic endorsement dataset of any size, for benchmarks: candidates, endorsers, ranked
endorsements, accusations and the withdrawals that follow them."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

KINDS = ("person", "union", "party", "advocacy group")


def write_facts(
    path: Path, endorsers: int, candidates: int, seed: int = 7, withdraw_share: float = 0.3
) -> int:
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
            if rng.random() < withdraw_share:
                later = day + dt.timedelta(days=rng.randrange(1, 60))
                if rng.random() < 0.5:
                    rows.append(f"Endorser {e},{kind},withdraw,Candidate {c},{later},,,,,src-{e % 83}")
                else:
                    bound = later + dt.timedelta(days=3)
                    rows.append(f"Endorser {e},{kind},withdraw,Candidate {c},,{later},{bound},,,src-{e % 83}")
    path.write_text("\n".join(rows) + "\n")
    return len(rows) - 1


FIRST = ("Maria", "James", "Aisha", "Tom", "Priya", "Lena", "Omar", "Grace", "Victor", "Nina", "Paul", "Rosa")
LAST = ("Lopez", "Becker", "Okafor", "Desai", "Ortiz", "Farouk", "Whitman", "Hale", "Patel", "Ames", "Vega",
        "Chen", "Holt", "Grant", "Mills", "Price", "Kemp", "Rhee", "Baker", "Dalton")  # fmt: skip
ORGS = ("Harbor Workers Union", "Riders Alliance", "Greenway Coalition", "Metro Nurses Union",
        "Eastside Civic League", "Valley Farmworkers Union", "Tenants Association Mitte")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
FILLER = (
    "The campaign has focused on housing costs, transit and public safety in recent months.",
    "Polls released last month showed a tight race with several candidates within the margin of error.",
    "Early voting begins in two weeks, and turnout is expected to be higher than in the last cycle.",
    "Debates are scheduled for the coming weeks, with a televised forum planned downtown.",
    "Fundraising reports filed this quarter showed the leading campaigns raising millions of dollars.",
)


def write_articles(folder: Path, count: int, seed: int = 11) -> int:
    """Write `count` synthetic articles (about 2.5 KB each) in the seeds' format; returns bytes."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for n in range(count):
        people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(4)]
        candidate, accuser, backer, rival = people
        org = rng.choice(ORGS)
        day = dt.date(2021, 1, 4) + dt.timedelta(days=rng.randrange(900))
        paragraphs = [
            f" date {day} {candidate} at a campaign event. (Photo: staff)",
            f"The {org} withdrew its endorsement of {candidate} on {rng.choice(WEEKDAYS)}, "
            f"after {accuser} accused {candidate.split()[-1]} of misconduct earlier this week.",
            f"State Senator {backer} said she was standing by {candidate.split()[-1]}. "
            f'"{candidate} deserves a fair hearing," {backer.split()[-1]} said.',
            f"{candidate.split()[-1]} denied the allegations in a statement. {rival} called on "
            f"{candidate.split()[-1]} to drop out of the race.",
            *rng.sample(FILLER, 3),
            f"{rival}, who had previously endorsed {backer}, did not comment on the matter.",
            " ".join(rng.sample(FILLER, 4)),
            f"{candidate.split()[-1]} spent the weekend meeting voters in the northern districts, where "
            f"{rival.split()[-1]} has campaigned heavily. " + " ".join(rng.sample(FILLER, 3)),
            f"Analysts said the coming week would test whether {candidate.split()[-1]} can hold on to "
            "the coalition of unions and community groups that carried the campaign this far. "
            + " ".join(rng.sample(FILLER, 3)),
            " ".join(rng.sample(FILLER, 5)),
        ]
        text = "\n\n".join(paragraphs) + "\n"
        (folder / f"article_{n:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode())
    return total
