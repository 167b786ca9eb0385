"""The printed intervention plan (issue 22): its text read back from the PDF in both
languages, long plans over several pages with nothing cut off, refusals, the audit."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from tests.helpers import letter_settings, new_case, provider, second_user
from tests.services.test_letters import pages, runs, text
from tipdesk.domain import records as r
from tipdesk.domain.errors import NotPermitted
from tipdesk.domain.messages import describe_error
from tipdesk.services import letters
from tipdesk.services.access import audit
from tipdesk.services.casework import cases, journey
from tipdesk.services.casework.plan_sheet import PlanHasNoGoals, plan_pdf

NIK = "5371015403990001"
PHONE = "081234567890"


@pytest.fixture
def office(session):
    letters.save_letter_settings(session, letter_settings())
    return session


def plan_case(session, goals: list[tuple[str, str]] | None = None) -> r.CaseFile:
    """A case with a triage, an assessment, a service and a referral, and ``goals``
    ((domain, text)); by default a mental-health goal served by both and a livelihood
    goal served by nothing."""
    file = new_case(session, {"nik": NIK, "phone": PHONE})
    case_id = file.case.id
    hospital = provider(session)
    service = r.Service(
        case_id=case_id,
        service_type="psychological",
        provider_id=hospital.id,
        planned_on=dt.date(2026, 10, 10),
    )
    cases.add_service(session, service)
    referral = r.Referral(
        case_id=case_id,
        provider_id=hospital.id,
        services_requested=["health"],
        reason="Pemeriksaan.",
        urgency="urgent",
    )
    cases.add_referral(session, referral)
    journey.add_record(
        session,
        r.Assessment(
            case_id=case_id,
            kind="risk_triage",
            assessed_on=dt.date(2026, 10, 3),
            risk_level="high",
            respond_by=dt.date(2026, 10, 4),
        ),
    )
    journey.add_record(
        session,
        r.Assessment(
            case_id=case_id,
            kind="biopsychosocial",
            assessed_on=dt.date(2026, 10, 5),
            needs=["mental_health", "livelihood"],
            findings="Sulit tidur sejak pulang.",
        ),
    )
    if goals is None:
        journey.add_record(
            session,
            r.PlanGoal(
                case_id=case_id,
                goal="Konseling trauma mingguan",
                domain="mental_health",
                linked_ids=[service.id, referral.id],
                target_on=dt.date(2027, 3, 1),
                review_on=dt.date(2026, 12, 15),
                status="in_progress",
            ),
        )
        journey.add_record(
            session,
            r.PlanGoal(case_id=case_id, goal="Pelatihan menjahit", domain="livelihood"),
        )
    for domain, goal in goals or ():
        journey.add_record(
            session,
            r.PlanGoal(case_id=case_id, goal=goal, domain=domain, target_on=dt.date(2027, 3, 1)),
        )
    return cases.open_case(session, file.case.case_number, audit=False)


def test_the_plan_in_indonesian_shows_each_goal_with_what_serves_it(office):
    file = plan_case(office)
    said = text(plan_pdf(office, file.case.case_number, language="id"))
    for expected in (
        "Rencana Intervensi",
        f"Nomor kasus : {file.case.case_number}",
        "Nama : Maria Goreti Bria",
        "Jenis kelamin : Perempuan",
        "Umur : 27 tahun",
        "Tingkat risiko : Tinggi (triase 3 Oktober 2026)",
        "Kebutuhan menurut asesmen 5 Oktober 2026",
        "Kesehatan mental dan psikologis, Ekonomi dan mata pencaharian",
        # the domain, then the goal with its services and referrals, dates and status
        "Kesehatan mental dan psikologis No. Tujuan Layanan dan rujukan Target Tinjauan "
        "Status 1. Konseling trauma mingguan",
        "Layanan Pendampingan psikologis — RSUD Prof. Dr. W. Z. Johannes",
        "Rujukan Rehabilitasi kesehatan — RSUD Prof. Dr. W. Z. Johannes",
        "1 Maret 2027 15 Desember 2026 Sedang berjalan",
        "Ekonomi dan mata pencaharian No. Tujuan",
        "2. Pelatihan menjahit - - - Direncanakan",
        "Belum disetujui: 2 dari 2 tujuan menunggu persetujuan supervisor.",
        "Dicetak pada 28 November 2026 oleh admin · Halaman 1 dari 1",
        "UPTD PERLINDUNGAN PEREMPUAN DAN ANAK",  # the office's letterhead
    ):
        assert expected in said, expected


def test_the_approved_plan_in_english_names_the_supervisor(office):
    file = plan_case(office)
    supervisor = second_user(office, "budi", "supervisor")
    try:
        journey.approve_plan(supervisor, file.case.case_number)
        said = text(plan_pdf(supervisor, file.case.case_number, language="en"))
    finally:
        supervisor.close()
    for expected in (
        "Intervention plan",
        "Sex : Female",
        "Age : 27 years",
        "Risk level : High (triage of 3 October 2026)",
        "Needs found by the assessment of 5 October 2026",
        "Mental health No. Goal Services and referrals Target Review Status",
        "Service: Psychological support — RSUD Prof. Dr. W. Z. Johannes",
        "Referral: Health rehabilitation — RSUD Prof. Dr. W. Z. Johannes",
        "1 March 2027 15 December 2026 In progress",
        "2. Pelatihan menjahit - - - Planned",
        "Approved by Budi on 28 November 2026.",
        "Printed on 28 November 2026 by Budi · Page 1 of 1",
    ):
        assert expected in said, expected
    assert "Belum disetujui" not in said and "Not approved" not in said


def test_the_paper_carries_no_nik_phone_or_findings(office):
    file = plan_case(office)
    said = text(plan_pdf(office, file.case.case_number, language="id"))
    assert "Maria Goreti Bria" in said
    for withheld in (NIK, PHONE, "Sulit tidur", "Tawau"):
        assert withheld not in said


def test_a_long_plan_runs_over_pages_with_every_goal_whole(office):
    domains = ["mental_health", "livelihood", "legal", "safety", "education"]
    goals = [
        (
            domains[i % len(domains)],
            f"Tujuan {i + 1:02d}: "
            + " ".join(f"langkah{i + 1:02d}x{j:03d}" for j in range(10 + 12 * (i % 6))),
        )
        for i in range(24)
    ]
    goals.append(("safety", "Tujuan 25: " + ("pendampingan aman " * 200)[:1980].strip()))
    file = plan_case(office, goals)
    pdf = plan_pdf(office, file.case.case_number, language="id")
    found = pages(pdf)
    assert len(found) >= 4
    said = text(pdf)
    words = said.split()
    for _domain, goal in goals:
        # Whole, in order; a goal broken between pages goes on after the page's foot and
        # the repeated column heads.
        assert _in_order(goal.split(), words), goal[:20]
    assert "Belum disetujui: 25 dari 25 tujuan" in said
    for n in range(1, len(found) + 1):
        assert f"Halaman {n} dari {len(found)}" in found[n - 1]
    # Every line is drawn inside the page, between its margins.
    width, height = (float(x) for x in PdfReader(io.BytesIO(pdf)).pages[0].mediabox[2:])
    for n in range(len(found)):
        for _t, x, y in runs(pdf, n):
            assert 0 < x < width and 0 < y < height
    # A goal that does not fit at the foot of a page goes on with the domain's head above,
    # and a domain's head stands once on a page.
    flat = [" ".join(page.split()) for page in found]
    assert any("Keamanan No. Tujuan" in page for page in flat[2:])
    for label in ("Kesehatan mental dan psikologis", "Hukum", "Keamanan", "Pendidikan"):
        assert all(page.count(f"{label} No. Tujuan") <= 1 for page in flat), label


def _in_order(wanted: list[str], words: list[str]) -> bool:
    """Whether ``wanted`` appear in ``words`` one after another, others between allowed."""
    start = words.index(wanted[0]) if wanted[0] in words else len(words)
    rest = iter(words[start:])
    return all(any(w == word for word in rest) for w in wanted)


def test_a_plan_without_goals_is_not_printed(office):
    file = new_case(office)
    with pytest.raises(PlanHasNoGoals) as refused:
        plan_pdf(office, file.case.case_number, language="id")
    assert "belum punya tujuan" in describe_error(refused.value, "id")
    assert "nothing to print" in describe_error(refused.value, "en")
    goal = r.PlanGoal(case_id=file.case.id, goal="Pulang ke rumah", domain="family_and_care")
    journey.add_record(office, goal)
    journey.remove_record(office, r.PlanGoal, goal.id)
    with pytest.raises(PlanHasNoGoals):
        plan_pdf(office, file.case.case_number, language="en")


def test_each_print_is_audited_and_others_cases_are_refused(office):
    file = plan_case(office)
    number = file.case.case_number

    def prints() -> list:
        return [
            e
            for e in audit.case_entries(office, number)
            if e.detail.get("kind") == "plan_goals" and e.detail.get("format") == "pdf"
        ]

    plan_pdf(office, number, language="id")
    plan_pdf(office, number, language="en")
    entries = prints()
    assert [(e.username, e.action, e.detail["goals"]) for e in entries] == [
        ("admin", "plan_printed", 2)
    ] * 2
    worker = second_user(office, "siti", "caseworker")  # not her case
    try:
        with pytest.raises(NotPermitted):
            plan_pdf(worker, number, language="id")
    finally:
        worker.close()
    assert len(prints()) == 2
