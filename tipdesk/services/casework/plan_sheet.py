"""The intervention plan on paper, for the case conference (issue 22).

:func:`plan_pdf` gathers what the paper says (:class:`PlanSheet`: decided here, from the
case file) and :func:`render` sets it with the letter engine's parts: the office's
letterhead on the first page, its paper and margins, the bundled fonts, page numbers.

The paper is the office's internal working document. It names the victim (the people
at a case conference plan for a person they all know), with sex, age, risk level and
the needs the last assessment found; it leaves out the NIK, address, telephone, the
chronology and the assessment's free-text findings, which planning does not need. Who
may view the case may print it; each print is written in the audit trail.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, NextPageTemplate, Paragraph, Spacer, Table

from tipdesk.domain import records as r
from tipdesk.domain.errors import NotFound, TipdeskError, ValidationFailed
from tipdesk.domain.letters import long_date
from tipdesk.domain.validation import logo_bytes, unknown_code
from tipdesk.domain.vocab import (
    ASSESSMENT_DOMAIN,
    LETTER_LANGUAGE,
    PLAN_GOAL_STATUS,
    RISK_LEVEL,
    SERVICE_TYPE,
    SEX,
)
from tipdesk.services.access import audit, permissions
from tipdesk.services.letters import letter_settings
from tipdesk.services.letters.templates import MARGINS, PAPER
from tipdesk.services.pdf.components import (
    Letterhead,
    fields_table,
    letterhead_document,
    numbered_canvas,
)
from tipdesk.services.pdf.styles import Styles, markup, styles
from tipdesk.services.session import Session
from tipdesk.storage import cases as case_store
from tipdesk.storage import local

CHILD_AGE = 18
TABLE_SIZE = 9.0  # the goals table is set a little smaller than the text
# Goal, services and referrals, target date, review date, status: shares of the width
# left after the number column.
COLUMNS = (0.36, 0.25, 0.12, 0.12, 0.15)
NUMBER_COLUMN = 0.8 * cm
HEADING_ROOM = 3.5 * cm


class PlanHasNoGoals(TipdeskError):
    """The plan has no goal: there is nothing to print."""

    code = "plan_sheet_no_goals"


@dataclass(frozen=True)
class GoalLine:
    number: int
    goal: str
    serving: tuple[str, ...]  # the linked services and referrals, as read
    target: str
    review: str
    status: str


@dataclass(frozen=True)
class PlanSheet:
    """What one printed plan says, every value already in the paper's language."""

    language: str
    paper: str
    letterhead: tuple[str, ...]
    address_lines: tuple[str, ...]
    logo: bytes | None
    office_name: str
    case_number: str
    register_number: str
    full_name: str
    sex: str
    age: str
    risk: str
    worker: str
    needs_date: str  # "" when no assessment recorded needs
    needs: tuple[str, ...]
    domains: tuple[tuple[str, tuple[GoalLine, ...]], ...]  # domain label, its goals
    approval: str
    approved: bool
    printed: str  # "Dicetak pada 28 November 2026 oleh Admin"


TEXT = {
    "id": {
        "title": "Rencana Intervensi",
        "purpose": "Bahan konferensi kasus",
        "confidential": "RAHASIA — dokumen kerja internal. Memuat data pribadi korban "
        "tindak pidana perdagangan orang yang wajib dirahasiakan (UU Nomor 21 Tahun 2007; "
        "UU Nomor 27 Tahun 2022). Jangan diserahkan kepada pihak di luar konferensi "
        "kasus; musnahkan bila tidak diperlukan lagi.",
        "case_number": "Nomor kasus",
        "register_number": "Nomor registrasi",
        "name": "Nama",
        "sex": "Jenis kelamin",
        "age": "Umur",
        "years": "{age} tahun",
        "estimated": "sekitar {age} tahun",
        "child": "{age} (anak)",
        "unknown_age": "tidak diketahui",
        "risk": "Tingkat risiko",
        "risk_triage": "{level} (triase {date})",
        "risk_intake": "{level} (dicatat saat pengaduan)",
        "no_risk": "belum dinilai",
        "worker": "Pendamping kasus",
        "needs": "Kebutuhan menurut asesmen {date}",
        "needs_heading": "Kebutuhan",
        "no_assessment": "Belum ada asesmen yang mencatat kebutuhan.",
        "goals": "Tujuan menurut ranah",
        "no": "No.",
        "goal": "Tujuan",
        "serving": "Layanan dan rujukan",
        "target": "Target",
        "review": "Tinjauan",
        "status": "Status",
        "service": "Layanan {what}",
        "referral": "Rujukan {what}",
        "by": "{what} — {provider}",
        "approval": "Persetujuan",
        "approved": "Disetujui oleh {name} pada {date}.",
        "not_approved": "Belum disetujui: {count} dari {total} tujuan menunggu persetujuan "
        "supervisor.",
        "printed": "Dicetak pada {date} oleh {name}",
        "page": "Halaman {n} dari {total}",
    },
    "en": {
        "title": "Intervention plan",
        "purpose": "For the case conference",
        "confidential": "CONFIDENTIAL — internal working paper. It holds personal data of "
        "a victim of trafficking in persons, which must be kept confidential (Law No. 21 "
        "of 2007; Law No. 27 of 2022). Do not hand it to anyone outside the case "
        "conference; destroy it when it is no longer needed.",
        "case_number": "Case number",
        "register_number": "Register number",
        "name": "Name",
        "sex": "Sex",
        "age": "Age",
        "years": "{age} years",
        "estimated": "about {age} years",
        "child": "{age} (child)",
        "unknown_age": "unknown",
        "risk": "Risk level",
        "risk_triage": "{level} (triage of {date})",
        "risk_intake": "{level} (recorded at intake)",
        "no_risk": "not assessed yet",
        "worker": "Case worker",
        "needs": "Needs found by the assessment of {date}",
        "needs_heading": "Needs",
        "no_assessment": "No assessment has recorded needs yet.",
        "goals": "Goals by domain",
        "no": "No.",
        "goal": "Goal",
        "serving": "Services and referrals",
        "target": "Target",
        "review": "Review",
        "status": "Status",
        "service": "Service: {what}",
        "referral": "Referral: {what}",
        "by": "{what} — {provider}",
        "approval": "Approval",
        "approved": "Approved by {name} on {date}.",
        "not_approved": "Not approved yet: {count} of {total} goals wait for a supervisor's "
        "approval.",
        "printed": "Printed on {date} by {name}",
        "page": "Page {n} of {total}",
    },
}


# --- what the paper says -------------------------------------------------------------------


def plan_pdf(session: Session, case_number: str, *, language: str) -> bytes:
    """The case's intervention plan as a PDF in ``language`` ("id" or "en"), for whoever
    may view the case; refused (:class:`PlanHasNoGoals`) when the plan has no goal. The
    print is audited."""
    if language not in LETTER_LANGUAGE:
        raise ValidationFailed([unknown_code("language", language, "letter_language")])
    case = case_store.case_by_number(session.db, case_number)
    if case is None:
        permissions.require(session, "view_own_cases")
        raise NotFound(what="case", key=case_number)
    permissions.require_case(session, case)
    if case.deleted:
        raise NotFound(what="case", key=case_number)
    file = case_store.load_case_file(session.db, case)
    sheet = plan_sheet(session, file, language)
    pdf = render(sheet)
    with session.write():
        # A read of the case's personal data, as a PDF of its plan goals (named by
        # their table, as the case journey's audit rows name them).
        audit.record(
            session,
            "plan_printed",
            entity="cases",
            record_id=case.id,
            case_number=case_number,
            detail={
                "kind": "plan_goals",
                "format": "pdf",
                "goals": sum(len(goals) for _d, goals in sheet.domains),
            },
        )
    return pdf


def plan_sheet(session: Session, file: r.CaseFile, lang: str) -> PlanSheet:
    """What the printed plan of ``file`` says in ``lang`` (nothing is checked or written)."""
    t = TEXT[lang]
    goals = [g for g in file.plan_goals if not g.deleted]
    if not goals:
        raise PlanHasNoGoals(case_number=file.case.case_number)
    settings = letter_settings(session)
    today = session.today()
    person = file.person
    needs_from = _latest([a for a in file.assessments if a.kind == "biopsychosocial" or a.needs])
    waiting = [g for g in goals if not g.approved_by]
    if waiting:
        approval = t["not_approved"].format(count=len(waiting), total=len(goals))
    else:
        last = max(goals, key=lambda g: (g.approved_on or dt.date.min, g.approved_by))
        approval = t["approved"].format(
            name=_display_name(session, last.approved_by),
            date=long_date(last.approved_on, lang) if last.approved_on else "-",
        )
    return PlanSheet(
        language=lang,
        paper=settings.paper,
        letterhead=tuple(settings.letterhead),
        address_lines=tuple(settings.address_lines),
        logo=logo_bytes(settings),
        office_name=session.office.name,
        case_number=file.case.case_number,
        register_number=person.register_number,
        full_name=person.full_name,
        sex=SEX.label_or_code(person.sex, lang) if person.sex else "-",
        age=_age(person, today, t),
        risk=_risk(file, lang),
        worker=_display_name(session, file.case.assigned_to) if file.case.assigned_to else "-",
        needs_date=long_date(needs_from.assessed_on, lang)
        if needs_from and needs_from.assessed_on
        else "",
        needs=tuple(ASSESSMENT_DOMAIN.label_or_code(code, lang) for code in needs_from.needs)
        if needs_from
        else (),
        domains=_by_domain(file, goals, lang),
        approval=approval,
        approved=not waiting,
        printed=t["printed"].format(
            date=long_date(today, lang), name=_display_name(session, session.user.username)
        ),
    )


def _latest(assessments: list[r.Assessment]) -> r.Assessment | None:
    return max(assessments, key=lambda a: (a.assessed_on or dt.date.min, a.id), default=None)


def _display_name(session: Session, username: str) -> str:
    if username == session.user.username:
        return session.user.display_name or username
    user = local.get_user(session.db, username)
    return (user.display_name if user else "") or username


def _age(person: r.Person, today: dt.date, t: dict[str, str]) -> str:
    age = r.age_of(person, today)
    if age is None:
        return t["unknown_age"]
    text = t["years" if person.birth_date else "estimated"].format(age=age)
    return t["child"].format(age=text) if age < CHILD_AGE else text


def _risk(file: r.CaseFile, lang: str) -> str:
    """The level of the latest risk triage with its date; else the level recorded at
    intake."""
    t = TEXT[lang]
    triage = _latest([a for a in file.assessments if a.kind == "risk_triage" and a.risk_level])
    if triage is not None and triage.assessed_on:
        return t["risk_triage"].format(
            level=RISK_LEVEL.label_or_code(triage.risk_level, lang),
            date=long_date(triage.assessed_on, lang),
        )
    if file.case.risk_level:
        return t["risk_intake"].format(level=RISK_LEVEL.label_or_code(file.case.risk_level, lang))
    return t["no_risk"]


def _serving(file: r.CaseFile, lang: str) -> dict[str, str]:
    """Each service and referral of the case as the paper names it: its kind and its
    provider."""
    t = TEXT[lang]

    def provider_of(provider_id: str) -> str:
        provider = file.providers.get(provider_id) if provider_id else None
        return provider.name if provider and not provider.deleted else ""

    def said(what: str, provider: str) -> str:
        return t["by"].format(what=what, provider=provider) if provider else what

    named = {
        s.id: said(
            t["service"].format(what=SERVICE_TYPE.label_or_code(s.service_type, lang)),
            provider_of(s.provider_id),
        )
        for s in file.services
    }
    for x in file.referrals:
        kinds = ", ".join(SERVICE_TYPE.label_or_code(c, lang) for c in x.services_requested)
        named[x.id] = said(t["referral"].format(what=kinds or "-"), provider_of(x.provider_id))
    return named


def _by_domain(
    file: r.CaseFile, goals: list[r.PlanGoal], lang: str
) -> tuple[tuple[str, tuple[GoalLine, ...]], ...]:
    """The goals in the order of the domains' vocabulary, each domain's by target date."""
    order = {term.code: i for i, term in enumerate(ASSESSMENT_DOMAIN)}
    ranked = sorted(
        goals,
        key=lambda g: (
            order.get(g.domain or "", len(order)),
            g.domain or "",
            g.target_on or dt.date.max,
            g.id,
        ),
    )
    named = _serving(file, lang)
    groups: list[tuple[str, list[GoalLine]]] = []
    for number, goal in enumerate(ranked, 1):
        label = ASSESSMENT_DOMAIN.label_or_code(goal.domain, lang) if goal.domain else "-"
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(
            GoalLine(
                number=number,
                goal=goal.goal,
                serving=tuple(named[i] for i in goal.linked_ids if i in named),
                target=long_date(goal.target_on, lang) if goal.target_on else "-",
                review=long_date(goal.review_on, lang) if goal.review_on else "-",
                status=PLAN_GOAL_STATUS.label_or_code(goal.status, lang),
            )
        )
    return tuple((label, tuple(lines)) for label, lines in groups)


# --- the paper -----------------------------------------------------------------------------


def render(sheet: PlanSheet) -> bytes:
    """The plan as PDF bytes: the letterhead on the first page, the goals' table over as
    many pages as it needs, "printed on … by …" and the page number at every foot."""
    t = TEXT[sheet.language]
    buffer = io.BytesIO()
    head = Letterhead(sheet.letterhead, sheet.address_lines, sheet.logo)
    doc, width = letterhead_document(
        buffer,
        PAPER.get(sheet.paper, PAPER["a4"]),
        MARGINS,
        head,
        0.4 * cm,
        title=f"{t['title']} {sheet.case_number}",
        author=sheet.office_name,
        subject=t["purpose"],
    )

    def page_label(n: int, total: int) -> str:
        return f"{sheet.printed} · {t['page'].format(n=n, total=total)}"

    doc.build(_story(sheet, width), canvasmaker=numbered_canvas(page_label))
    return buffer.getvalue()


def _story(sheet: PlanSheet, width: float) -> list:
    t = TEXT[sheet.language]
    s = styles()
    title = ParagraphStyle("plan_title", parent=s.heading, fontSize=13, leading=16, alignment=1)
    centred = ParagraphStyle("plan_centred", parent=s.plain, alignment=1)
    story: list = [
        NextPageTemplate("later"),
        Paragraph(markup(t["title"]), title),
        Paragraph(markup(f"{t['purpose']} · {sheet.case_number}"), centred),
        Spacer(1, 0.3 * cm),
        Paragraph(markup(t["confidential"]), s.note),
        fields_table(
            [
                (t["case_number"], sheet.case_number),
                (t["register_number"], sheet.register_number or "-"),
                (t["name"], sheet.full_name),
                (t["sex"], sheet.sex),
                (t["age"], sheet.age),
                (t["risk"], sheet.risk),
                (t["worker"], sheet.worker),
            ],
            width,
            indent=0,
            s=s,
        ),
        Spacer(1, 0.3 * cm),
    ]
    if sheet.needs_date:
        story += _heading(t["needs"].format(date=sheet.needs_date), s)
        story.append(Paragraph(markup(", ".join(sheet.needs) or "-"), s.plain))
    else:
        story += _heading(t["needs_heading"], s)
        story.append(Paragraph(markup(t["no_assessment"]), s.plain))
    story += [Spacer(1, 0.3 * cm), *_heading(t["goals"], s)]
    story += [_goals_table(label, lines, width, t) for label, lines in sheet.domains]
    story += [
        Spacer(1, 0.3 * cm),
        *_heading(t["approval"], s),
        Paragraph(markup(sheet.approval), s.plain if sheet.approved else s.bold),
    ]
    return story


def _heading(text: str, s: Styles) -> list:
    """A heading, on a new page if too little of this one is left for a line or two of
    what follows it."""
    return [CondPageBreak(HEADING_ROOM), Paragraph(markup(text), s.heading)]


def _goals_table(
    domain: str, lines: tuple[GoalLine, ...], width: float, t: dict[str, str]
) -> Table:
    """One domain's goals under its name. The name and the column heads repeat on each
    page the table reaches, and a tall row breaks between pages rather than run off one,
    so no goal's text is ever cut off."""
    s = styles(TABLE_SIZE)
    rest = width - NUMBER_COLUMN
    widths = [NUMBER_COLUMN, *(rest * share for share in COLUMNS)]
    header = [
        Paragraph(markup(t[key]), s.bold)
        for key in ("no", "goal", "serving", "target", "review", "status")
    ]
    data: list[list] = [[Paragraph(markup(domain), s.bold), "", "", "", "", ""], header]
    bullet = ParagraphStyle(
        "plan_bullet", parent=s.plain, leftIndent=7, bulletIndent=0, bulletText="•"
    )
    for line in lines:
        data.append(
            [
                Paragraph(markup(f"{line.number}."), s.plain),
                Paragraph(markup(line.goal), s.plain),
                [Paragraph(markup(item), bullet) for item in line.serving]
                if len(line.serving) > 1
                else Paragraph(markup(line.serving[0] if line.serving else "-"), s.plain),
                Paragraph(markup(line.target), s.plain),
                Paragraph(markup(line.review), s.plain),
                Paragraph(markup(line.status), s.plain),
            ]
        )
    # Split at the foot of the page, inside a goal's row if need be (first: split row by
    # row, ReportLab puts the next row's start on the same page under heads of its own),
    # never leaving less than two lines of a row behind.
    table = Table(
        data,
        colWidths=widths,
        repeatRows=2,
        splitByRow=0,
        splitInRow=int(TABLE_SIZE * 1.3 * 2 + 5),
        hAlign="LEFT",
    )
    table.setStyle(
        [
            ("SPAN", (0, 0), (-1, 0)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.85, 0.85)),
            ("BACKGROUND", (0, 1), (-1, 1), colors.Color(0.94, 0.94, 0.94)),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    return table
