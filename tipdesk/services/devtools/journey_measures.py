"""The case journey's budgets (issue 22), measured by ``tipdesk bench`` with the app's:

- ``group_intake``: 40 victims of one raid registered in one sitting (budget 2 s);
  baseline: the same 40 cases made one at a time through ``cases.create_case``, which is
  what an office did before group intake.
- ``open_full_case`` (in ``tipdesk.ui.bench``): a case file whose case has the full
  journey of :func:`full_journey_case` opened in the app (budget 150 ms).

Both run on a register of their own (a few hundred demo cases in a temporary folder), so
a register given to the bench is only read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

from tipdesk.domain import records as r
from tipdesk.services.casework import cases, journey
from tipdesk.services.devtools.bench import bench_register
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.register import open_register
from tipdesk.services.session import Session
from tipdesk.storage.files import temporary_folder

# What the issue calls a full journey.
LEGAL_STEPS = (
    "police_report",
    "investigation",
    "suspect_named",
    "file_complete",
    "handed_to_prosecutor",
    "indictment",
    "demand",
    "verdict",
    "appeal",
    "final",
)
PLAN_GOALS = 20
SERVICES = 30
INTAKE = 40
_DOMAINS = ("livelihood", "mental_health", "safety", "legal", "education", "family_and_care")
_SERVICE_TYPES = ("outreach", "complaint_intake")


def full_journey_case(session: Session) -> str:
    """A new case with 10 legal steps, 20 plan goals, 30 services, an assessment, a
    restitution claim, an LPSK request and a return; returns its number."""
    start = session.today() - dt.timedelta(days=400)
    file, _ = cases.create_case(
        session,
        r.Person(full_name="Uji Perjalanan Lengkap", sex="female", estimated_age=24),
        r.Case(opened_on=start, exploitation_types=["forced_labour"], status="active"),
    )
    case_id = file.case.id
    provider = r.Provider(name="Puskesmas Uji", provider_type="health_centre")
    cases.create_provider(session, provider)
    for i in range(SERVICES):
        cases.add_service(
            session,
            r.Service(
                case_id=case_id,
                service_type=_SERVICE_TYPES[i % len(_SERVICE_TYPES)],
                provider_id=provider.id,
                status="provided",
                started_on=start + dt.timedelta(days=i),
                completed_on=start + dt.timedelta(days=i + 1),
            ),
        )
    for i, kind in enumerate(LEGAL_STEPS):
        verdict = kind in ("verdict", "appeal", "final")
        journey.add_record(
            session,
            r.LegalStep(
                case_id=case_id,
                kind=kind,
                step_on=start + dt.timedelta(days=20 + 30 * i),
                reference_number=f"LP/B/{100 + i}/2026",
                authority="Polda NTT",
                outcome="convicted" if verdict else None,
                sentence_months=48 if verdict else None,
            ),
        )
    for i in range(PLAN_GOALS):
        journey.add_record(
            session,
            r.PlanGoal(
                case_id=case_id,
                goal=f"Tujuan {i + 1}: pendampingan sampai korban kembali bekerja",
                domain=_DOMAINS[i % len(_DOMAINS)],
                target_on=start + dt.timedelta(days=300 + i),
                review_on=start + dt.timedelta(days=100 + i),
            ),
        )
    for record in (
        r.Assessment(case_id=case_id, kind="risk_triage", assessed_on=start, risk_level="medium"),
        r.Restitution(case_id=case_id, requested_on=start, requested_amount=85_000_000),
        r.LpskRequest(
            case_id=case_id, requested_on=start, protection_types=["physical_protection"]
        ),
        r.Return(case_id=case_id, origin_region="53.71", escort="migrant_worker_agency"),
    ):
        journey.add_record(session, record)
    return file.case.case_number


def _victims(tag: str, today: dt.date) -> list[journey.IntakeRow]:
    return [
        journey.IntakeRow(
            person=r.Person(
                full_name=f"Korban {tag} {chr(65 + i % 26)}{chr(65 + i // 26)}wati",
                sex="female" if i % 3 else "male",
                estimated_age=18 + i % 20,
            ),
            case=r.Case(opened_on=today, exploitation_types=["sexual_exploitation"]),
        )
        for i in range(INTAKE)
    ]


def group_intake_seconds(session: Session, runs: int = 3) -> tuple[float, float]:
    """(median seconds of a group intake of 40, median seconds of the same 40 cases made
    one at a time), each run on new names so no run finds the last one's people."""
    grouped, single = [], []
    for run in range(runs):
        incident, _ = journey.create_incident(
            session, r.Incident(occurred_on=session.today(), kind="raid")
        )
        rows = _victims(f"G{run}", session.today())
        start = time.perf_counter()
        journey.group_intake(session, incident.incident_number, rows)
        grouped.append(time.perf_counter() - start)
        rows = _victims(f"S{run}", session.today())
        start = time.perf_counter()
        for row in rows:
            cases.create_case(session, row.person, row.case)
        single.append(time.perf_counter() - start)
    return statistics.median(grouped), statistics.median(single)


@contextlib.contextmanager
def journey_register(password: str, demo_cases: int = 300) -> Iterator[tuple[Path, str]]:
    """A new register in a temporary folder (user "bench") with ``demo_cases`` demo cases
    and one case of :func:`full_journey_case`: (its folder, that case's number). The
    folder is removed on leaving."""
    with temporary_folder("bench") as tmp:
        folder = Path(tmp) / "register"
        bench_register(folder, password)
        with open_register(folder, "bench", password) as session:
            add_demo_cases(session, demo_cases, seed=11)
            number = full_journey_case(session)
        yield folder, number
