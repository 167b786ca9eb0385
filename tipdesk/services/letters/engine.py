"""One engine for every kind of letter: the consent gate, the office's one yearly
numbering, issuing in one transaction, the archive, reprints and copies.

A kind of letter (:class:`LetterKind`) says how to read the record a letter is issued
for, what the letter says, how it is drawn and what issuing changes in the record; the
rest is the same for all kinds. All kinds take their numbers from the same counter and
the office's one number pattern.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from tipdesk.domain import records as r
from tipdesk.domain.errors import (
    ConsentToReferMissing,
    DocumentRefused,
    IdentityConsentWithdrawn,
    LetterAlreadyIssued,
    LetterDamaged,
    LetterLanguageDiffers,
    NoLetterIssued,
    NotFound,
    OverrideReasonNeeded,
    Problem,
    TipdeskError,
    ValidationFailed,
)
from tipdesk.domain.letters import letter_number
from tipdesk.domain.validation import unknown_code
from tipdesk.domain.vocab import LETTER_LANGUAGE
from tipdesk.services.access import audit, permissions
from tipdesk.services.letters.settings import complete_settings, letter_settings
from tipdesk.services.pdf.styles import unprintable
from tipdesk.services.session import Session, utc_now
from tipdesk.storage import counters, rows
from tipdesk.storage import documents as document_store
from tipdesk.storage import letters as archive
from tipdesk.storage.files import atomic_write

MIN_OVERRIDE_REASON = 10
CHILD_AGE = 18


class LetterNumberTaken(TipdeskError):
    """The number announced before issuing was taken meanwhile (by another program on
    the same register); nothing was issued. ``next`` is the number issuing would give now."""

    code = "letter_number_taken"


class RecordHasLetter(LetterAlreadyIssued):
    """A record (not a referral) that already has a letter, asked for another without
    ``new``."""

    code = "record_has_letter"


class NoLetterOfRecord(NoLetterIssued):
    """No letter of this kind was issued for the record in this register."""

    code = "no_letter_of_record"


class Content(Protocol):
    """What every kind of letter's content says besides its own words."""

    language: str
    number: str
    full_name: str  # "" unless the letter shows the person's identity
    copy: bool

    def texts(self) -> Sequence[str]: ...


@dataclass(frozen=True)
class Subject:
    """The record a letter is issued for, its case and person, and whatever else the
    kind reads (a referral's provider, an LPSK request's legal steps)."""

    record: Any
    case: r.Case
    person: r.Person
    more: Any = None


@dataclass(frozen=True)
class Terms:
    """How one letter is made: language, date, number ("" in a draft), attachments (the
    Lampiran's count) and the documents of the case the letter lists among them."""

    language: str
    day: dt.date
    number: str
    attachments: int
    draft: bool
    copy: bool = False
    documents: tuple[r.Document, ...] = ()


@dataclass(frozen=True)
class LetterKind:
    """A kind of letter (its name is the archive's ``kind``)."""

    name: str
    entity: str  # the table of the record it is issued for (audit)
    load: Callable[[Session, str], Subject]  # refuses a record the user may not see
    content: Callable[[Session, Subject, r.LetterSettings, Terms], Any]
    render: Callable[[Any], bytes]
    # The number and date the record names (issued by another register, or typed in).
    recorded: Callable[[Subject], tuple[str, dt.date | None]]
    # What issuing changes in the record (in the issuing transaction).
    mark_issued: Callable[[Subject, str, dt.date], None]
    already_issued: type[LetterAlreadyIssued] = RecordHasLetter
    none_issued: type[NoLetterIssued] = NoLetterOfRecord
    # Whether the letter lists documents of the case in its Lampiran (a referral does).
    lists_documents: bool = False


KINDS: dict[str, LetterKind] = {}


def register(kind: LetterKind) -> LetterKind:
    KINDS[kind.name] = kind
    return kind


def _kind(name: str) -> LetterKind:
    kind = KINDS.get(name)
    if kind is None:
        raise ValueError(f"no letter of kind {name!r}")
    return kind


@dataclass(frozen=True)
class Letter:
    """A rendered letter: a draft (``row`` is None) or an issued one."""

    pdf: bytes
    content: Any
    row: archive.LetterRow | None
    warnings: tuple[Problem, ...] = ()

    @property
    def number(self) -> str:
        return self.row.number if self.row else self.content.number

    @property
    def is_copy(self) -> bool:
        return bool(self.content.copy)


@dataclass(frozen=True)
class ArchiveEntry:
    letter: archive.LetterRow
    case_number: str


# --- checks ------------------------------------------------------------------------------


def can_override(session: Session) -> bool:
    """Whether the signed-in user may issue a letter without recorded consent to refer."""
    return permissions.allowed(session, "override_consent")


def consent_gate(session: Session, case: r.Case, override_reason: str) -> str:
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


def case_and_person(session: Session, case_id: str) -> tuple[r.Case, r.Person]:
    """The live case of a record and its person, if the user may issue its letters."""
    case = rows.get(session.db, r.Case, case_id)
    person = rows.get(session.db, r.Person, case.person_id) if case else None
    if case is None or case.deleted or person is None:
        raise NotFound(what="case", key=case_id)
    permissions.require(session, "issue_letters")
    permissions.require_case(session, case)
    return case, person


def warnings(content: Content) -> tuple[Problem, ...]:
    missing = unprintable(" ".join(content.texts()))
    if missing:
        return (
            Problem("letter", "unprintable_characters", "warning", params={"count": len(missing)}),
        )
    return ()


def classification(settings: r.LetterSettings, age: int | None) -> str:
    """Child-protection classification unless the person is known to be an adult: a
    person of unknown age is treated as a child (UU 35/2014's presumption)."""
    if age is None or age < CHILD_AGE:
        return settings.classification_child
    return settings.classification_adult


def _number(
    session: Session, settings: r.LetterSettings, subject: Subject, day: dt.date, seq: int
) -> str:
    return letter_number(
        settings.number_pattern,
        number=seq,
        day=day,
        classification=classification(settings, r.age_of(subject.person, day)),
        unit=settings.unit_code,
        office=session.office.code,
    )


def _issuable(
    session: Session, kind: LetterKind, subject: Subject, *, new: bool, override_reason: str
) -> str:
    """Refuses a second letter not asked for and a letter without consent to refer; the
    override reason to archive ("" when consent is recorded)."""
    issued = archive.for_record(session.db, kind.name, subject.record.id)
    if issued and not new:
        raise kind.already_issued(number=issued[-1].number)
    recorded, _day = kind.recorded(subject)
    if recorded and not new:
        # Issued by another office's register (the archive stays where it was made).
        raise kind.already_issued(number=recorded)
    return consent_gate(session, subject.case, override_reason)


def chosen_documents(
    session: Session, kind: LetterKind, subject: Subject, ids: Sequence[str]
) -> tuple[r.Document, ...]:
    """The live documents ``ids`` names, in that order (once each), if every one is of the
    letter's case or of its person; refused otherwise (the number is not taken)."""
    wanted = list(dict.fromkeys(i for i in ids if i))
    if not wanted:
        return ()
    if not kind.lists_documents:
        raise ValueError(f"a letter of kind {kind.name!r} lists no documents")
    case, person = subject.case, subject.person
    found = {d.id: d for d in document_store.chosen(session.db, wanted)}
    for document_id in wanted:
        document = found.get(document_id)
        if document is None or not (
            document.case_id == case.id
            or (document.attached_to == "person" and document.person_id == person.id)
        ):
            raise DocumentRefused(reason="not_of_this_case", case_number=case.case_number)
    return tuple(found[i] for i in wanted)


def _listed(session: Session, row: archive.LetterRow) -> tuple[r.Document, ...]:
    """The documents an issued letter lists that are still kept (for its content only:
    the letter itself is the archived PDF)."""
    return tuple(document_store.chosen(session.db, list(row.documents)))


def language_of(settings: r.LetterSettings, language: str | None) -> str:
    lang = language or settings.language
    if lang not in LETTER_LANGUAGE:
        raise ValidationFailed([unknown_code("language", lang, "letter_language")])
    return lang


# --- the use cases -----------------------------------------------------------------------


def draft(
    session: Session,
    kind: str,
    record_id: str,
    *,
    language: str | None = None,
    attachments: int = 0,
    documents: Sequence[str] = (),
) -> Letter:
    """The letter as it would be issued today, marked DRAFT and without a number; nothing
    is written. The consent gate is not applied: a draft is for looking only.
    ``documents`` (ids of documents of the case) are listed and counted in the Lampiran."""
    found = _kind(kind)
    permissions.require(session, "issue_letters")
    settings = complete_settings(session)
    subject = found.load(session, record_id)
    listed = chosen_documents(session, found, subject, documents)
    terms = Terms(
        language_of(settings, language),
        session.today(),
        "",
        max(0, attachments, len(listed)),
        True,
        documents=listed,
    )
    content = found.content(session, subject, settings, terms)
    return Letter(found.render(content), content, None, warnings(content))


def coming_number(
    session: Session,
    kind: str,
    record_id: str,
    *,
    new: bool = False,
    override_reason: str = "",
    documents: Sequence[str] = (),
) -> str:
    """The number issuing this letter now would give, after the same checks as
    :func:`issue` (so a refusal comes before the question "issue number N?"); nothing is
    taken, and a letter issued elsewhere meanwhile may take it first: ``issue`` with
    ``expected_number`` then refuses."""
    found = _kind(kind)
    settings = complete_settings(session)
    subject = found.load(session, record_id)
    _issuable(session, found, subject, new=new, override_reason=override_reason)
    chosen_documents(session, found, subject, documents)
    day = session.today()
    return _number(session, settings, subject, day, archive.next_seq(session.db, day.year))


def issue(
    session: Session,
    kind: str,
    record_id: str,
    *,
    language: str | None = None,
    attachments: int = 0,
    documents: Sequence[str] = (),
    new: bool = False,
    override_reason: str = "",
    expected_number: str | None = None,
) -> Letter:
    """Issue a letter for a record: take the office's next number of the year, archive
    the PDF and note the letter in the record, in one transaction.

    A record that already has a letter gets another one (with a new number) only when
    ``new`` is true. Without recorded consent to refer, only a supervisor may issue, with
    ``override_reason``, which is archived with the letter. With ``expected_number`` (the
    number the user was shown, from :func:`coming_number`) nothing is issued unless the
    letter gets exactly that number: :class:`LetterNumberTaken` says which it would get.

    ``documents`` (ids of documents of the case or of its person, for a kind that lists
    them) are listed at the end of the letter and counted in its Lampiran (at least as
    many as ``attachments``); their ids are archived with the letter."""
    found = _kind(kind)
    settings = complete_settings(session)
    lang = language_of(settings, language)
    if attachments < 0:
        raise ValidationFailed(
            [Problem("attachments", "invalid_number", params={"value": str(attachments)})]
        )
    with session.write(immediate=True) as db:
        subject = found.load(session, record_id)
        if found.name != "transfer":  # (a transfer letter goes with the case it hands over)
            permissions.require_change(session, subject.case)
        reason = _issuable(session, found, subject, new=new, override_reason=override_reason)
        listed = chosen_documents(session, found, subject, documents)
        count = max(attachments, len(listed))
        day = session.today()
        if expected_number is not None:
            coming = _number(session, settings, subject, day, archive.next_seq(db, day.year))
            if coming != expected_number:
                raise LetterNumberTaken(number=expected_number, next=coming)
        seq = counters.take(db, archive.LETTER_COUNTER, day.year)
        number = _number(session, settings, subject, day, seq)
        content = found.content(
            session,
            subject,
            settings,
            Terms(lang, day, number, count, False, documents=listed),
        )
        pdf = found.render(content)
        row = archive.LetterRow(
            id=session.new_id(),
            number=number,
            year=day.year,
            seq=seq,
            kind=found.name,
            record_id=record_id,
            case_id=subject.case.id,
            issued_on=day.isoformat(),
            issued_at=utc_now(),
            language=lang,
            includes_identity=bool(content.full_name),
            attachments=count,
            override_reason=reason,
            username=session.user.username,
            sha256=hashlib.sha256(pdf).hexdigest(),
            documents=tuple(d.id for d in listed),
        )
        archive.insert(db, row, pdf)
        found.mark_issued(subject, number, day)
        rows.update(db, subject.record, session.stamp)
        detail: dict[str, Any] = {
            "number": number,
            "override": bool(reason),
            "identity": row.includes_identity,
        }
        if listed:
            detail["documents"] = len(listed)
        audit.record(
            session,
            "letter_issued",
            entity=found.entity,
            record_id=record_id,
            case_number=subject.case.case_number,
            detail=detail if found.name == archive.REFERRAL else {**detail, "kind": found.name},
        )
    return Letter(pdf, content, row, warnings(content))


def reprint(
    session: Session,
    kind: str,
    record_id: str,
    *,
    language: str | None = None,
    override_reason: str = "",
) -> Letter:
    """The record's latest letter exactly as issued (checked against its SHA-256).

    Refused when the letter showed the person's identity and that consent is no longer
    recorded, and, like issuing, when consent to refer is now missing (unless the letter
    was issued under a supervisor's override, which covers its reprints)."""
    found = _kind(kind)
    subject = found.load(session, record_id)
    issued = archive.for_record(session.db, found.name, record_id)
    if not issued:
        raise found.none_issued(referral=record_id)
    row = issued[-1]
    if language and language != row.language:
        raise LetterLanguageDiffers(
            number=row.number, language=LETTER_LANGUAGE.label(row.language, "en")
        )
    if row.includes_identity and not subject.case.consent_share:
        raise IdentityConsentWithdrawn(number=row.number)
    if not row.override_reason:
        # A letter issued under a supervisor's override is covered by that override.
        consent_gate(session, subject.case, override_reason)
    pdf = archive.pdf_of(session.db, row.id) or b""
    if hashlib.sha256(pdf).hexdigest() != row.sha256:
        raise LetterDamaged(number=row.number)
    terms = Terms(
        row.language,
        dt.date.fromisoformat(row.issued_on),
        row.number,
        row.attachments,
        False,
        documents=_listed(session, row),
    )
    content = found.content(session, subject, letter_settings(session), terms)
    _reprinted(session, found, subject, {"number": row.number})
    return Letter(pdf, content, row, ())


def copy_of(
    session: Session,
    kind: str,
    record_id: str,
    *,
    language: str | None = None,
    override_reason: str = "",
) -> Letter:
    """A copy of a letter the record names but whose PDF this register does not hold
    (issued by another office's register, or recorded without one): made now from the
    case with the letter's own number and date, marked COPY across each page; nothing is
    archived.

    Refused like a reprint when consent to refer is now missing; the person's name and
    NIK show only if consent to share them is recorded now."""
    found = _kind(kind)
    subject = found.load(session, record_id)
    number, day = found.recorded(subject)
    if not number or archive.for_record(session.db, found.name, record_id):
        raise found.none_issued(referral=record_id)
    consent_gate(session, subject.case, override_reason)
    settings = complete_settings(session)
    terms = Terms(
        language_of(settings, language), day or session.today(), number, 0, False, copy=True
    )
    content = found.content(session, subject, settings, terms)
    pdf = found.render(content)
    _reprinted(session, found, subject, {"number": number, "copy": True})
    return Letter(pdf, content, None, warnings(content))


def _reprinted(session: Session, kind: LetterKind, subject: Subject, detail: dict) -> None:
    with session.write():
        audit.record(
            session,
            "letter_reprinted",
            entity=kind.entity,
            record_id=subject.record.id,
            case_number=subject.case.case_number,
            detail=detail,
        )


def issued_for(session: Session, kind: str, record_id: str) -> list[archive.LetterRow]:
    """The letters of ``kind`` issued for a record, oldest first."""
    found = _kind(kind)
    found.load(session, record_id)  # refuses a record of a case the user may not see
    return archive.for_record(session.db, found.name, record_id)


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
