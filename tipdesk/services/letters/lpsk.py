"""The request to LPSK for protection, issued from an LPSK request of a case.

It names the protection asked for (the ``lpsk_protection`` vocabulary), the state of the
criminal case (the police report and the latest legal step; the report's number only
when the person's identity may be shared) and, when facilitation of restitution is
asked, the restitution request. Issuing records the letter's number on the request.
"""

from __future__ import annotations

import datetime as dt

import tipdesk.services.letters.engine as engine
import tipdesk.services.letters.particulars as particulars
from tipdesk.domain import records as r
from tipdesk.domain.errors import NotFound
from tipdesk.domain.letters import long_date
from tipdesk.domain.vocab import LEGAL_STEP_KIND, LPSK_PROTECTION
from tipdesk.services.letters.engine import Subject, Terms
from tipdesk.services.letters.lpsk_pdf import LPSK_TEXT, LpskContent, render
from tipdesk.services.session import Session
from tipdesk.storage import rows

RESTITUTION = "restitution_facilitation"

_WORDS = {
    "id": {
        "number": " nomor {number}",
        "date": ", tanggal {date}",
        "latest": "Tahap terakhir: {step}.",
        "none": "Belum ada langkah perkara pidana yang tercatat.",
        "restitution": "Korban memohon fasilitasi restitusi melalui LPSK, termasuk penilaian "
        "besarnya kerugian korban.",
        "requested": " Permohonan restitusi telah diajukan pada {date}{amount}.",
        "amount": " sebesar {amount}",
    },
    "en": {
        "number": " number {number}",
        "date": ", dated {date}",
        "latest": "Latest step: {step}.",
        "none": "No step of the criminal case is recorded yet.",
        "restitution": "The victim asks LPSK to facilitate restitution, including an "
        "assessment of the victim's losses.",
        "requested": " Restitution was requested on {date}{amount}.",
        "amount": " for {amount}",
    },
}


def _load(session: Session, request_id: str) -> Subject:
    request = rows.get(session.db, r.LpskRequest, request_id)
    if request is None or request.deleted:
        raise NotFound(what="lpsk_request", key=request_id)
    case, person = engine.case_and_person(session, request.case_id)
    steps = rows.select(session.db, r.LegalStep, "case_id = ? AND deleted = 0", [case.id])
    claims = rows.select(session.db, r.Restitution, "case_id = ? AND deleted = 0", [case.id])
    return Subject(request, case, person, (steps, claims))


def rupiah(amount: int, lang: str) -> str:
    """``Rp85.000.000`` (Indonesian), ``IDR 85,000,000`` (English)."""
    if lang == "id":
        return "Rp" + f"{amount:,}".replace(",", ".")
    return f"IDR {amount:,}"


def _step(step: r.LegalStep, lang: str, share: bool) -> str:
    w = _WORDS[lang]
    text = LEGAL_STEP_KIND.label_or_code(step.kind, lang)
    if share and step.reference_number.strip():
        text += w["number"].format(number=step.reference_number.strip())
    if step.authority.strip():
        text += f", {step.authority.strip()}"
    if step.step_on:
        text += w["date"].format(date=long_date(step.step_on, lang))
    return text


def legal_status(steps: list[r.LegalStep], lang: str, *, share: bool) -> tuple[str, ...]:
    """The police report (the latest, if several) and the latest step, as sentences."""
    w = _WORDS[lang]
    dated = sorted(steps, key=lambda s: (s.step_on or dt.date.min, s.id))
    if not dated:
        return (w["none"],)
    reports = [s for s in dated if s.kind == "police_report"]
    lines = [_step(reports[-1], lang, share) + "."] if reports else []
    if not reports or dated[-1] is not reports[-1]:
        lines.append(w["latest"].format(step=_step(dated[-1], lang, share)))
    return tuple(lines)


def restitution(request: r.LpskRequest, claims: list[r.Restitution], lang: str) -> str:
    """The sentence asking for facilitation of restitution, with the request made, if any."""
    if RESTITUTION not in request.protection_types:
        return ""
    w = _WORDS[lang]
    asked = sorted((c.requested_on, c.id, c) for c in claims if c.requested_on)
    if not asked:
        return w["restitution"]
    day, _id, claim = asked[-1]
    amount = (
        w["amount"].format(amount=rupiah(claim.requested_amount, lang))
        if claim.requested_amount
        else ""
    )
    return w["restitution"] + w["requested"].format(date=long_date(day, lang), amount=amount)


def _content(
    session: Session, subject: Subject, settings: r.LetterSettings, terms: Terms
) -> LpskContent:
    request, (steps, claims) = subject.record, subject.more
    lang = terms.language
    t = LPSK_TEXT[lang]
    return LpskContent(
        **particulars.of_office(session, settings, terms),
        **particulars.of_person(subject, terms),
        **particulars.of_worker(session, subject.case),
        subject=t["lpsk_subject"],
        addressee=(t["lpsk_head"],),
        addressee_place=t["lpsk_place"],
        protections=tuple(
            LPSK_PROTECTION.label_or_code(code, lang) for code in request.protection_types
        ),
        legal_status=legal_status(steps, lang, share=bool(subject.case.consent_share)),
        restitution=restitution(request, claims, lang),
    )


def _recorded(subject: Subject) -> tuple[str, dt.date | None]:
    return subject.record.letter_number, subject.record.requested_on


def _mark(subject: Subject, number: str, _day: dt.date) -> None:
    subject.record.letter_number = number


KIND = engine.register(
    engine.LetterKind("lpsk_request", "lpsk_requests", _load, _content, render, _recorded, _mark)
)
