"""Referral letters: office letter settings, drafts, issuing with a number that is never
given twice, the archive, reprints, and the provider's reply.

A letter is issued in one transaction that takes the next number of the year, renders the
PDF, stores it with its SHA-256 in the local ``letters`` archive and marks the referral
``sent``. A reprint returns the archived bytes, so it is the letter as issued. The number
can be looked at before (:func:`next_number`) without taking it. A sent referral whose
letter this archive does not hold (issued by another office's register) is shown as a
copy marked so, with its own number and date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from tipdesk.domain import records as r
from tipdesk.domain.errors import (
    ConsentToReferMissing,
    IdentityConsentWithdrawn,
    LetterAlreadyIssued,
    LetterDamaged,
    LetterLanguageDiffers,
    LetterSettingsIncomplete,
    NoLetterIssued,
    NotFound,
    OverrideReasonNeeded,
    Problem,
    ReplyNotAllowed,
    TipdeskError,
    ValidationFailed,
)
from tipdesk.domain.letters import letter_number
from tipdesk.domain.messages import field_label
from tipdesk.domain.regions import wilayah_name
from tipdesk.domain.validation import logo_bytes, unknown_code, validate
from tipdesk.domain.vocab import LETTER_LANGUAGE, SERVICE_TYPE, SEX, URGENCY
from tipdesk.services.access import audit, permissions
from tipdesk.services.letters.templates import LetterContent, render
from tipdesk.services.pdf.styles import unprintable
from tipdesk.services.session import Session, utc_now
from tipdesk.storage import counters, local, rows
from tipdesk.storage import letters as archive
from tipdesk.storage.files import atomic_write

SETTINGS_KEY = local.LETTER_SETTINGS
MIN_OVERRIDE_REASON = 10
REPLY_STATUSES = ("accepted", "declined", "completed")
CHILD_AGE = 18

__all__ = [
    "REPLY_STATUSES",
    "ArchiveEntry",
    "Letter",
    "LetterContent",
    "LetterNumberTaken",
    "can_override",
    "copy_of_letter",
    "draft_letter",
    "initial_settings",
    "issue_letter",
    "letter_settings",
    "letters_of_referral",
    "list_letters",
    "logo_problems",
    "next_number",
    "record_reply",
    "reprint_letter",
    "save_letter_settings",
    "save_pdf",
]


class LetterNumberTaken(TipdeskError):
    """The number announced before issuing was taken meanwhile (by another program on
    the same register); nothing was issued. ``next`` is the number issuing would give now."""

    code = "letter_number_taken"


# --- settings ---------------------------------------------------------------------------


def letter_settings(session: Session) -> r.LetterSettings:
    """The office's letter settings; until an admin saves them, what the office record
    already says (letterhead, head of office, city of the office's region)."""
    saved = local.get_setting(session.db, SETTINGS_KEY)
    known = set(r.fields_of(r.LetterSettings))
    if saved is not None:
        return r.LetterSettings(**{k: v for k, v in saved.items() if k in known})
    return initial_settings(session.office)


def initial_settings(office: r.Office, *, logo: str = "") -> r.LetterSettings:
    """Letter settings from what the office record says (letterhead, head of office,
    city of the office's region), with ``logo`` (base64 PNG or JPEG, "" for none)."""
    return r.LetterSettings(
        letterhead=list(office.letterhead) or [office.name],
        logo=logo,
        city=_place_name(office.region_code),
        signatory_title=office.head_title,
        signatory_name=office.head_name,
        signatory_nip=office.head_nip,
    )


def logo_problems(logo: str) -> list[Problem]:
    """What is wrong with a logo (base64 text) as Letter settings checks it: not a PNG
    or JPEG image, or too large; empty when it is usable or there is none."""
    return [p for p in validate(r.LetterSettings(logo=logo)) if p.field == "logo" and p.is_error]


def save_letter_settings(session: Session, settings: r.LetterSettings) -> list[Problem]:
    """Validate and store the settings (admin only); the office record's letterhead and
    head of office follow them, so the provincial office sees the same."""
    permissions.require(session, "edit_letter_settings")
    settings.letterhead = [line.strip() for line in settings.letterhead if line.strip()]
    settings.address_lines = [line.strip() for line in settings.address_lines if line.strip()]
    settings.copies = [line.strip() for line in settings.copies if line.strip()]
    problems = validate(settings, today=session.today())
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    office = rows.get(session.db, r.Office, session.office.id) or session.office
    office.letterhead = list(settings.letterhead)
    office.head_title, office.head_name = settings.signatory_title, settings.signatory_name
    office.head_nip = settings.signatory_nip
    with session.write() as db:
        local.set_setting(
            db, SETTINGS_KEY, {k: getattr(settings, k) for k in r.fields_of(r.LetterSettings)}
        )
        rows.update(db, office, session.stamp)
    session.office = office
    return problems


def _complete_settings(session: Session) -> r.LetterSettings:
    settings = letter_settings(session)
    errors = [p for p in validate(settings, today=session.today()) if p.is_error]
    if errors:
        lang = settings.language
        raise LetterSettingsIncomplete(
            fields=", ".join(dict.fromkeys(field_label(p.field, lang) for p in errors))
        )
    return settings


def _place_name(region_code: str) -> str:
    """``53.71`` -> ``Kupang``: the name of a regency or city without its kind."""
    name = wilayah_name(region_code) if region_code else None
    if not name:
        return ""
    for prefix in ("KABUPATEN ", "KAB. ", "KOTA ADM. ", "KOTA "):
        if name.upper().startswith(prefix):
            name = name[len(prefix) :]
            break
    return name.title() if name.isupper() else name


# --- letters ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Letter:
    """A rendered letter: a draft (``row`` is None) or an issued one."""

    pdf: bytes
    content: LetterContent
    row: archive.LetterRow | None
    warnings: tuple[Problem, ...] = ()

    @property
    def number(self) -> str:
        return self.row.number if self.row else self.content.number

    @property
    def is_copy(self) -> bool:
        return self.content.copy


@dataclass(frozen=True)
class ArchiveEntry:
    letter: archive.LetterRow
    case_number: str


@dataclass
class _Parts:
    referral: r.Referral
    case: r.Case
    person: r.Person
    provider: r.Provider


def _parts(session: Session, referral_id: str) -> _Parts:
    db = session.db
    referral = rows.get(db, r.Referral, referral_id)
    if referral is None or referral.deleted:
        raise NotFound(what="referral", key=referral_id)
    case = rows.get(db, r.Case, referral.case_id)
    person = rows.get(db, r.Person, case.person_id) if case else None
    provider = rows.get(db, r.Provider, referral.provider_id)
    if case is None or case.deleted or person is None:
        raise NotFound(what="case", key=referral.case_id)
    permissions.require(session, "issue_letters")
    permissions.require_case(session, case)
    if provider is None or provider.deleted:
        raise NotFound(what="provider", key=referral.provider_id)
    return _Parts(referral, case, person, provider)


def can_override(session: Session) -> bool:
    """Whether the signed-in user may issue a letter without recorded consent to refer."""
    return permissions.allowed(session, "override_consent")


def _consent_gate(session: Session, case: r.Case, override_reason: str) -> str:
    """The override reason to archive ("" when consent is recorded); refuses otherwise."""
    if case.consent_services:
        return ""
    reason = override_reason.strip()
    if not reason:
        raise ConsentToReferMissing(case_number=case.case_number)
    permissions.require(session, "override_consent")
    if len(reason.replace(" ", "")) < MIN_OVERRIDE_REASON:
        raise OverrideReasonNeeded(minimum=MIN_OVERRIDE_REASON)
    return reason


def _content(
    session: Session,
    parts: _Parts,
    settings: r.LetterSettings,
    *,
    language: str,
    day: dt.date,
    number: str,
    attachments: int,
    draft: bool,
    copy: bool = False,
) -> LetterContent:
    referral, case, person, provider = (parts.referral, parts.case, parts.person, parts.provider)
    lang = language
    share = bool(case.consent_share)
    worker = local.get_user(session.db, case.assigned_to) or session.user
    services = [SERVICE_TYPE.label_or_code(code, lang) for code in referral.services_requested]
    if len(services) == 1:
        subject = (
            f"Rujukan {services[0]}"
            if lang == "id"
            else f"Referral for {services[0][:1].lower()}{services[0][1:]}"
        )
    else:
        subject = "Rujukan Layanan" if lang == "id" else "Referral for services"
    head = provider.contact_title.strip() or ("Pimpinan" if lang == "id" else "The Head")
    addressee = (head, provider.name) if provider.name not in head else (head,)
    return LetterContent(
        language=lang,
        paper=settings.paper,
        letterhead=tuple(settings.letterhead),
        address_lines=tuple(settings.address_lines),
        logo=logo_bytes(settings),
        city=settings.city,
        date=day,
        number=number,
        attachments=attachments,
        subject=subject,
        addressee=addressee,
        addressee_place=_place_name(provider.region_code) or settings.city,
        register_number=person.register_number,
        initials=r.initials(person.full_name),
        age=r.age_of(person, day),
        sex=SEX.label_or_code(person.sex, lang) if person.sex else "-",
        full_name=person.full_name if share else "",
        nik=person.nik if share else "",
        services=tuple(services),
        reason=referral.reason,
        urgency=URGENCY.label_or_code(referral.urgency, lang),
        worker_name=worker.display_name or worker.username,
        worker_phone=worker.phone,
        office_name=session.office.name,
        signatory_title=settings.signatory_title,
        signatory_name=settings.signatory_name,
        signatory_rank=settings.signatory_rank,
        signatory_nip=settings.signatory_nip,
        copies=tuple(settings.copies),
        draft=draft,
        copy=copy,
    )


def _warnings(content: LetterContent) -> tuple[Problem, ...]:
    texts = (
        content.full_name,
        content.initials,
        content.reason,
        *content.addressee,
        content.addressee_place,
        content.worker_name,
        *content.letterhead,
        *content.address_lines,
        content.signatory_name,
        *content.copies,
    )
    missing = unprintable(" ".join(texts))
    if missing:
        return (
            Problem("letter", "unprintable_characters", "warning", params={"count": len(missing)}),
        )
    return ()


def _classification(settings: r.LetterSettings, age: int | None) -> str:
    """Child-protection classification unless the person is known to be an adult: a
    person of unknown age is treated as a child (UU 35/2014's presumption)."""
    if age is None or age < CHILD_AGE:
        return settings.classification_child
    return settings.classification_adult


def _number(
    session: Session, settings: r.LetterSettings, parts: _Parts, day: dt.date, seq: int
) -> str:
    return letter_number(
        settings.number_pattern,
        number=seq,
        day=day,
        classification=_classification(settings, r.age_of(parts.person, day)),
        unit=settings.unit_code,
        office=session.office.code,
    )


def next_number(
    session: Session, referral_id: str, *, new: bool = False, override_reason: str = ""
) -> str:
    """The number issuing a letter for this referral now would give, after the same
    checks as :func:`issue_letter` (so a refusal comes before the question "issue number
    N?"); nothing is taken, and a letter issued elsewhere meanwhile may take it first:
    ``issue_letter`` with ``expected_number`` then refuses."""
    settings = _complete_settings(session)
    parts = _parts(session, referral_id)
    _issuable(session, parts, new=new, override_reason=override_reason)
    day = session.today()
    return _number(session, settings, parts, day, archive.next_seq(session.db, day.year))


def _issuable(session: Session, parts: _Parts, *, new: bool, override_reason: str) -> str:
    """Refuses a second letter not asked for and a letter without consent to refer; the
    override reason to archive ("" when consent is recorded)."""
    issued = archive.for_referral(session.db, parts.referral.id)
    if issued and not new:
        raise LetterAlreadyIssued(number=issued[-1].number)
    if parts.referral.letter_number and not new:
        # Issued by another office's register (the archive stays where it was made).
        raise LetterAlreadyIssued(number=parts.referral.letter_number)
    return _consent_gate(session, parts.case, override_reason)


def _language(settings: r.LetterSettings, language: str | None) -> str:
    lang = language or settings.language
    if lang not in LETTER_LANGUAGE:
        raise ValidationFailed([unknown_code("language", lang, "letter_language")])
    return lang


def draft_letter(
    session: Session, referral_id: str, *, language: str | None = None, attachments: int = 0
) -> Letter:
    """The letter as it would be issued today, marked DRAFT and without a number; nothing
    is written. The consent gate is not applied: a draft is for looking only."""
    permissions.require(session, "issue_letters")
    settings = _complete_settings(session)
    parts = _parts(session, referral_id)
    content = _content(
        session,
        parts,
        settings,
        language=_language(settings, language),
        day=session.today(),
        number="",
        attachments=max(0, attachments),
        draft=True,
    )
    return Letter(render(content), content, None, _warnings(content))


def issue_letter(
    session: Session,
    referral_id: str,
    *,
    language: str | None = None,
    attachments: int = 0,
    new: bool = False,
    override_reason: str = "",
    expected_number: str | None = None,
) -> Letter:
    """Issue a letter for a referral: take the next number of the year, archive the PDF
    and mark the referral sent, in one transaction.

    A referral that already has a letter gets another one (with a new number) only when
    ``new`` is true. Without recorded consent to refer, only a supervisor may issue, with
    ``override_reason``, which is archived with the letter. With ``expected_number`` (the
    number the user was shown, from :func:`next_number`) nothing is issued unless the
    letter gets exactly that number: :class:`LetterNumberTaken` says which it would get."""
    settings = _complete_settings(session)
    lang = _language(settings, language)
    if attachments < 0:
        raise ValidationFailed(
            [Problem("attachments", "invalid_number", params={"value": str(attachments)})]
        )
    with session.write(immediate=True) as db:
        parts = _parts(session, referral_id)
        reason = _issuable(session, parts, new=new, override_reason=override_reason)
        day = session.today()
        if expected_number is not None:
            coming = _number(session, settings, parts, day, archive.next_seq(db, day.year))
            if coming != expected_number:
                raise LetterNumberTaken(number=expected_number, next=coming)
        seq = counters.take(db, archive.LETTER_COUNTER, day.year)
        number = _number(session, settings, parts, day, seq)
        content = _content(
            session,
            parts,
            settings,
            language=lang,
            day=day,
            number=number,
            attachments=attachments,
            draft=False,
        )
        pdf = render(content)
        row = archive.LetterRow(
            id=session.new_id(),
            number=number,
            year=day.year,
            seq=seq,
            referral_id=referral_id,
            case_id=parts.case.id,
            issued_on=day.isoformat(),
            issued_at=utc_now(),
            language=lang,
            includes_identity=bool(content.full_name),
            attachments=attachments,
            override_reason=reason,
            username=session.user.username,
            sha256=hashlib.sha256(pdf).hexdigest(),
        )
        archive.insert(db, row, pdf)
        referral = parts.referral
        referral.status, referral.letter_number, referral.letter_date = "sent", number, day
        rows.update(db, referral, session.stamp)
        audit.record(
            session,
            "letter_issued",
            entity="referrals",
            record_id=referral_id,
            case_number=parts.case.case_number,
            detail={"number": number, "override": bool(reason), "identity": row.includes_identity},
        )
    return Letter(pdf, content, row, _warnings(content))


def reprint_letter(
    session: Session, referral_id: str, *, language: str | None = None, override_reason: str = ""
) -> Letter:
    """The referral's latest letter exactly as issued (checked against its SHA-256).

    Refused when the letter showed the person's identity and that consent is no longer
    recorded, and, like issuing, when consent to refer is now missing (unless the letter
    was issued under a supervisor's override, which covers its reprints)."""
    parts = _parts(session, referral_id)
    issued = archive.for_referral(session.db, referral_id)
    if not issued:
        raise NoLetterIssued(referral=referral_id)
    row = issued[-1]
    if language and language != row.language:
        raise LetterLanguageDiffers(
            number=row.number, language=LETTER_LANGUAGE.label(row.language, "en")
        )
    if row.includes_identity and not parts.case.consent_share:
        raise IdentityConsentWithdrawn(number=row.number)
    if not row.override_reason:
        # A letter issued under a supervisor's override is covered by that override.
        _consent_gate(session, parts.case, override_reason)
    pdf = archive.pdf_of(session.db, row.id) or b""
    if hashlib.sha256(pdf).hexdigest() != row.sha256:
        raise LetterDamaged(number=row.number)
    settings = letter_settings(session)
    content = _content(
        session,
        parts,
        settings,
        language=row.language,
        day=dt.date.fromisoformat(row.issued_on),
        number=row.number,
        attachments=row.attachments,
        draft=False,
    )
    with session.write():
        audit.record(
            session,
            "letter_reprinted",
            entity="referrals",
            record_id=referral_id,
            case_number=parts.case.case_number,
            detail={"number": row.number},
        )
    return Letter(pdf, content, row, ())


def copy_of_letter(
    session: Session, referral_id: str, *, language: str | None = None, override_reason: str = ""
) -> Letter:
    """A copy of a sent referral's letter whose PDF this register does not hold (issued
    by another office's register, or recorded without one): made now from the case with
    the letter's own number and date, marked COPY across each page; nothing is archived.

    Refused like a reprint when consent to refer is now missing; the person's name and
    NIK show only if consent to share them is recorded now."""
    parts = _parts(session, referral_id)
    referral = parts.referral
    if not referral.letter_number or archive.for_referral(session.db, referral_id):
        raise NoLetterIssued(referral=referral_id)
    _consent_gate(session, parts.case, override_reason)
    settings = _complete_settings(session)
    content = _content(
        session,
        parts,
        settings,
        language=_language(settings, language),
        day=referral.letter_date or session.today(),
        number=referral.letter_number,
        attachments=0,
        draft=False,
        copy=True,
    )
    pdf = render(content)
    with session.write():
        audit.record(
            session,
            "letter_reprinted",
            entity="referrals",
            record_id=referral_id,
            case_number=parts.case.case_number,
            detail={"number": referral.letter_number, "copy": True},
        )
    return Letter(pdf, content, None, _warnings(content))


def letters_of_referral(session: Session, referral_id: str) -> list[archive.LetterRow]:
    _parts(session, referral_id)  # refuses a referral of a case the user may not see
    return archive.for_referral(session.db, referral_id)


def list_letters(session: Session, *, limit: int | None = None) -> list[ArchiveEntry]:
    """The archive, newest first, with each letter's case number (case staff; numbers
    and dates only, no personal data)."""
    permissions.require(session, "issue_letters")
    letters = archive.all_letters(session.db, limit=limit)
    if not permissions.allowed(session, "view_all_cases"):
        # A case worker's own cases' letters only: an override reason is free text.
        ids = sorted({row.case_id for row in letters})
        mine = {
            i
            for i in ids
            if (c := rows.get(session.db, r.Case, i)) is not None and permissions.owns(session, c)
        }
        letters = [row for row in letters if row.case_id in mine]
    numbers = archive.case_numbers(session.db, sorted({row.case_id for row in letters}))
    return [ArchiveEntry(row, numbers.get(row.case_id, "")) for row in letters]


def save_pdf(pdf: bytes, path: Path) -> None:
    """Write a letter where the user chose (temporary name, then renamed)."""
    atomic_write(Path(path), pdf)


# --- the provider's reply ----------------------------------------------------------------


def record_reply(
    session: Session,
    referral_id: str,
    *,
    status: str,
    responded_on: dt.date,
    response: str = "",
    follow_up_on: dt.date | None = None,
) -> list[Problem]:
    """Record what the provider answered (accepted, declined or completed), when, a note,
    and when to follow up; the follow-up date shows on the dashboard."""
    referral = rows.get(session.db, r.Referral, referral_id)
    if referral is None or referral.deleted:
        raise NotFound(what="referral", key=referral_id)
    permissions.require(session, "issue_letters")
    case = rows.get(session.db, r.Case, referral.case_id)
    if case is None:
        raise NotFound(what="case", key=referral.case_id)
    permissions.require_case(session, case)
    if referral.status not in ("sent", *REPLY_STATUSES):
        raise ReplyNotAllowed(status=referral.status)
    problems = []
    if not status:
        problems.append(Problem("status", "required"))
    elif status not in REPLY_STATUSES:
        problems.append(
            unknown_code("status", status, "referral_status", allowed=sorted(REPLY_STATUSES))
        )
    if responded_on is None:
        problems.append(Problem("responded_on", "required"))
    referral.status, referral.responded_on = status, responded_on
    referral.response, referral.follow_up_on = response.strip(), follow_up_on
    seen = {(p.field, p.code) for p in problems}
    problems += [
        p for p in validate(referral, today=session.today()) if (p.field, p.code) not in seen
    ]
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    with session.write() as db:
        rows.update(db, referral, session.stamp)
    return [p for p in problems if not p.is_error]
