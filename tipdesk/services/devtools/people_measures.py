"""The budgets of one person across districts (issue 23), measured by ``tipdesk bench`` on
a province register of its own (a million cases by default, from 20 offices):

- ``people_scan``: the province's full duplicate check across offices (budget 60 s);
  baseline: reading the same columns of every person a page at a time, nothing compared.
- ``people_scan_memory``: the process's peak memory during the scan, run alone in a
  process of its own (budget 400 MB); baseline: that process signing in alone.
- ``people_new_case``: the candidates of one new case at import (budget 100 ms);
  baseline: the local duplicate check of the same person (the same two indexes).

The persons: mostly two- and three-part names from the demo's given and family names
and family names made of syllables; one in a hundred a one-part name; one in a hundred a
person registered again by another office, in another spelling (old spelling, another
order, a part dropped, a letter doubled), often with the same NIK.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tipdesk.domain.records import Office, Person, User
from tipdesk.services.casework import duplicates, people_links
from tipdesk.services.devtools import demo_pools as pools
from tipdesk.services.devtools.measures import STEPS, measure, median_ms, own_peak_mb
from tipdesk.services.register import create_register, open_register
from tipdesk.storage import benchmarks, rows
from tipdesk.storage.benchmarks import BenchPerson

_SYLLABLES = [
    "ba",
    "be",
    "bi",
    "bo",
    "bu",
    "da",
    "de",
    "di",
    "do",
    "du",
    "ka",
    "ke",
    "ki",
    "ko",
    "ku",
    "la",
    "le",
    "li",
    "lo",
    "lu",
    "ma",
    "me",
    "mi",
    "mo",
    "mu",
    "na",
    "ne",
    "ni",
    "no",
    "nu",
    "ra",
    "re",
    "ri",
    "ro",
    "ru",
    "sa",
    "se",
    "si",
    "so",
    "su",
    "ta",
    "te",
    "ti",
    "to",
    "tu",
    "wa",
    "we",
    "wi",
    "ha",
    "ho",
    "nga",
    "ngo",
]
_ONE_PART = 0.01
_AGAIN = 0.01  # registered again by another office
_TODAY = dt.date(2026, 11, 30)


def _families(rng: random.Random, count: int = 30_000) -> list[str]:
    made = {name.lower() for name in pools.FAMILY_NAMES}
    while len(made) < count:
        made.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(name.capitalize() for name in made)


def _respelled(rng: random.Random, name: str) -> str:
    """Another writing of the same name, as a second office may type it."""
    parts = name.split()
    way = rng.randrange(5)
    if way == 0 and len(parts) > 1:
        parts = parts[1:] + parts[:1]  # another order
    elif way == 1 and len(parts) > 2:
        del parts[1]  # a part left out
    elif way == 2:  # the old spelling (Juariah, Djuariah; Yohana, Johana)
        parts = [
            p.replace("ju", "dju").replace("Ju", "Dju").replace("u", "oe").replace("Y", "J")
            for p in parts
        ]
    elif way == 3:
        at = rng.randrange(len(parts))
        part = parts[at]
        i = rng.randrange(1, len(part)) if len(part) > 1 else 0
        parts[at] = part[:i] + part[i - 1 : i] + part[i:] if i else part  # a letter doubled
    return " ".join(parts)


def bench_people(
    count: int, offices: list[str], seed: int = 23, *, again: float = _AGAIN
) -> Iterator[BenchPerson]:
    """``count`` persons spread over ``offices`` (ids), the same for the same seed; of
    them ``again`` (a share) registered again by another office."""
    rng = random.Random(seed)
    families = _families(rng)
    female, male = pools.FEMALE_GIVEN, pools.MALE_GIVEN
    earlier: list[BenchPerson] = []  # persons a second office may register again
    for x in range(1, count + 1):
        office = offices[x * 7 % len(offices)]
        if earlier and rng.random() < again:
            was = rng.choice(earlier)
            others = [o for o in offices if o != was[1]]
            birth = None
            if was[5] and rng.random() < 0.8:
                shifted = dt.date.fromisoformat(was[5]) + dt.timedelta(days=rng.randint(-300, 300))
                birth = shifted.isoformat()
            age = None if birth else rng.randint(11, 60)
            yield (
                f"bp-{x:09d}",
                rng.choice(others),
                f"BEN-P-{x:09d}",
                _respelled(rng, was[3]),
                was[4],
                birth,
                age,
                was[7] if rng.random() < 0.5 else "",
                was[8],
            )
            continue
        woman = rng.random() < 0.8
        given = female if woman else male
        kind = rng.random()
        if kind < _ONE_PART:
            name = rng.choice(given)
        elif kind < 0.5:
            name = f"{rng.choice(given)} {rng.choice(families)}"
        else:
            name = f"{rng.choice(given)} {rng.choice(given)} {rng.choice(families)}"
        known = rng.random() < 0.7
        born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(20_000)) if known else None
        region = f"53.{rng.randint(1, 22):02d}.{rng.randint(1, 30):02d}.{rng.randint(1001, 1020)}"
        nik = ""
        if born and rng.random() < 0.6:
            day = born.day + (40 if woman else 0)
            nik = f"{region[:8].replace('.', '')}{day:02d}{born:%m%y}{x % 10_000:04d}"
        person = (
            f"bp-{x:09d}",
            office,
            f"BEN-P-{x:09d}",
            name,
            "female" if woman else "male",
            born.isoformat() if born else None,
            None if known else rng.randint(11, 60),
            nik,
            region,
        )
        if len(earlier) < 20_000:
            earlier.append(person)
        else:
            earlier[rng.randrange(len(earlier))] = person
        yield person


PASSWORD = "bench-password-not-secret"


def people_register(folder: Path, cases: int, password: str = PASSWORD) -> None:
    """A new province register of ``cases`` persons (one case each) from 20 offices."""
    create_register(
        folder,
        Office(code="BPL", name="Bench people", level="province", region_code="53"),
        User(username="bench", role="admin"),
        password,
    )
    with open_register(folder, "bench", password) as session:
        offices = [session.office.id] + [f"bench-office-{i:02d}" for i in range(19)]
        benchmarks.add_bench_offices(session.db, offices[1:])
        benchmarks.fill_people_register(session.db, bench_people(cases, offices))


def people_measures(tmp: Path, cases: int) -> dict:
    folder = tmp / "people"
    STEPS.info(f"one person across districts: writing a {cases:,}-case province ...")
    people_register(folder, cases)
    STEPS.info("one person across districts: the full scan, in a process of its own ...")
    child = scan_in_child(folder, "bench", PASSWORD, scan=True)
    bare = scan_in_child(folder, "bench", PASSWORD, scan=False)
    with open_register(folder, "bench", PASSWORD) as session:
        session.today = lambda: _TODAY
        read_s = _seconds(lambda: benchmarks.plain_person_read(session.db))
        STEPS.info("one person across districts: the candidates of one new case ...")
        ids = benchmarks.sample_person_ids(session.db, 60, seed=29)
        persons = [rows.get(session.db, Person, pid) for pid in ids]
        people_links.note_new_persons(session, ids[:3])  # warm the page cache
        new_ms = statistics.median(
            median_ms(functools.partial(_noted, session, pid), 3) for pid in ids
        )
        local_ms = statistics.median(
            median_ms(functools.partial(duplicates.find_duplicates, session, p), 3)
            for p in persons
            if p is not None
        )
    return {
        "people_scan": measure(child["scan_s"], "s", read_s, 60),
        "people_scan_memory": measure(child["peak_mb"], "MB", bare["peak_mb"], 400),
        "people_new_case": measure(new_ms, "ms", local_ms, 100),
    }


def _noted(session, person_id: str) -> int:
    with session.write():
        return people_links.note_new_persons(session, [person_id])


def _seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def scan_child(argv: list[str]) -> None:
    """In a process of its own (``scan_in_child``): sign in to the register ``argv[0]``
    as ``argv[1]`` (password in TIPDESK_PASSWORD), run the full scan if ``argv[2]`` is
    "scan" (else sign in alone), and print as JSON its seconds, the pairs found and the
    process's own peak memory."""
    folder, user, what = argv
    session = open_register(Path(folder), user, os.environ["TIPDESK_PASSWORD"])
    try:
        session.today = lambda: _TODAY
        started = time.perf_counter()
        found = people_links.scan(session) if what == "scan" else 0
        scan_s = time.perf_counter() - started
    finally:
        session.close()
    print(json.dumps({"scan_s": scan_s, "found": found, "peak_mb": own_peak_mb()}))


def scan_in_child(folder: Path, user: str, password: str, *, scan: bool) -> dict:
    code = (
        "import sys; from tipdesk.services.devtools.people_measures import scan_child; "
        "scan_child(sys.argv[1:])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder), user, "scan" if scan else "-"],
        env={**os.environ, "TIPDESK_PASSWORD": password},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])
