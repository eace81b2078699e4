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


def write_cycle(path: Path, events: int, seed: int = 7) -> int:
    """Write a facts CSV of about `events` rows shaped like a national cycle: many races, ranked
    endorsements, accusations, withdrawals (exact and bounded dates), stand-bys, candidates
    exiting their race, aliases introduced and then used, joint statements (one group, several
    endorsers, one day) and facts reported by two sources. Returns the number of rows.

    Every name is unique to one entity, so the dataset means the same under any name resolution."""
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    candidates = max(12, events // 200)
    header = (
        "actor,actor_kind,action,target,target_kind,date,not_before,not_after,rank,group,aliases,source_id"
    )
    rows = [header]

    def day(offset: int) -> dt.date:
        return start + dt.timedelta(days=offset)

    for c in range(candidates):
        accused = rng.randrange(60, 300)
        rows.append(f"Accuser {c},person,accuse,Candidate {c},person,{day(accused)},,,,,,wire-{c % 97}")
        if c % 10 == 3:
            rows.append(
                f"Candidate {c},person,exit_race,Race {c // 8},race,{day(accused + 40)},,,,,,wire-{c % 89}"
            )
    slates: dict[str, list[int]] = {}
    e = 0
    while len(rows) <= events:
        kind = KINDS[e % len(KINDS)]
        name, alias = f"Endorser {e}", f"Endorser No. {e}"
        # Every tenth endorser is introduced with an alias, which its later rows use.
        aliases = alias if e % 10 == 0 else ""
        joint = f"slate-{e // 5}" if e % 20 < 5 else ""  # five endorsers, one joint statement
        picks = rng.sample(range(candidates), k=min(3, candidates))
        picks = slates.setdefault(joint, picks) if joint else picks
        for rank, c in enumerate(picks, start=1):
            opened = rng.randrange(0, 250) if not joint else (e // 5) % 250
            when, source = day(opened), f"src-{e % 89}"
            row = f"{name},{kind},endorse,Candidate {c},person,{when},,,{rank},{joint},{aliases},{source}"
            rows.append(row)
            aliases = ""
            actor = alias if e % 10 == 0 else name
            if rng.random() < 0.1:  # the same endorsement reported by a second outlet
                rows.append(f"{actor},{kind},endorse,Candidate {c},person,{day(opened)},,,,,,paper-{e % 71}")
            if rng.random() < 0.15:
                rows.append(
                    f"{actor},{kind},stand_by,Candidate {c},person,{day(opened + rng.randrange(1, 30))},,,,,,"
                    f"src-{e % 79}"
                )
            if rng.random() < 0.3:
                later = opened + rng.randrange(31, 90)
                if rng.random() < 0.5:
                    rows.append(
                        f"{actor},{kind},withdraw,Candidate {c},person,{day(later)},,,,,,src-{e % 83}"
                    )
                else:
                    rows.append(
                        f"{actor},{kind},withdraw,Candidate {c},person,,{day(later)},{day(later + 3)},,,,"
                        f"src-{e % 83}"
                    )
        e += 1
    path.write_text("\n".join(rows) + "\n")
    return len(rows) - 1
