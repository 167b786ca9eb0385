"""The records of the register (DESIGN.md section 3) as plain dataclasses.

Each field declares in its metadata what it holds (``kind``), its vocabulary, whether it
is personal (scrubbed on delete, withheld from de-identified output) and whether it is
required. Validation, storage and the command line all read these declarations, so a
field is described once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# Field kinds: text, code (one vocabulary code), codes (list of codes), date, int, flag,
# lines (list of free-text lines), ref (id of another record).


def _f(
    kind: str,
    *,
    default: Any = None,
    vocab: str | None = None,
    personal: bool = False,
    required: bool = False,
    max_len: int | None = None,
    editable: bool = True,
) -> Any:
    meta = {
        "kind": kind,
        "vocab": vocab,
        "personal": personal,
        "required": required,
        "max_len": max_len,
        "editable": editable,
    }
    if kind in ("codes", "lines"):
        return field(default_factory=list, metadata=meta)
    return field(default=default, metadata=meta)


def text_field(*, personal: bool = False, required: bool = False, max_len: int = 200) -> Any:
    return _f("text", default="", personal=personal, required=required, max_len=max_len)


def code_field(vocab: str, *, required: bool = False, default: str | None = None) -> Any:
    return _f("code", vocab=vocab, required=required, default=default)


def codes_field(vocab: str) -> Any:
    return _f("codes", vocab=vocab)


def date_field(*, personal: bool = False, required: bool = False) -> Any:
    return _f("date", personal=personal, required=required)


def integer_field(*, personal: bool = False) -> Any:
    return _f("int", personal=personal)


def flag_field(default: bool = False) -> Any:
    return _f("flag", default=default)


def ref_field(*, required: bool = False) -> Any:
    return _f("ref", required=required, default="", editable=False)


def system_field(kind: str = "text", default: Any = "") -> Any:
    return _f(kind, default=default, editable=False)


@dataclass(kw_only=True)
class Synced:
    """Columns every synced row carries (DESIGN.md section 3)."""

    id: str = system_field()
    origin: str = system_field()
    rev: str = system_field()
    updated_at: str = system_field()
    updated_by: str = system_field()
    deleted: bool = system_field("flag", False)


@dataclass(kw_only=True)
class Office(Synced):
    code: str = text_field(required=True, max_len=12)
    name: str = text_field(required=True)
    level: str = code_field("office_level", required=True, default="district")
    region_code: str = text_field(max_len=13)
    parent_office_id: str = system_field()
    letterhead: list[str] = _f("lines")
    head_name: str = text_field()
    head_title: str = text_field()
    head_nip: str = text_field(max_len=24)


@dataclass(kw_only=True)
class Person(Synced):
    register_number: str = system_field()
    full_name: str = text_field(personal=True, required=True)
    alias: str = text_field(personal=True)
    sex: str | None = code_field("sex", required=True)
    birth_date: dt.date | None = date_field(personal=True)
    estimated_age: int | None = integer_field()
    nik: str = text_field(personal=True, max_len=24)
    nationality: str | None = code_field("nationality", default="indonesian")
    phone: str = text_field(personal=True, max_len=24)
    address: str = text_field(personal=True, max_len=300)
    region_code: str = text_field(max_len=13)
    education: str | None = code_field("education")
    occupation: str = text_field(personal=True)
    disability: str | None = code_field("disability")
    marital_status: str | None = code_field("marital_status")
    language: str = text_field(personal=True, max_len=80)
    guardian_name: str = text_field(personal=True)
    guardian_relationship: str = text_field(personal=True, max_len=80)
    guardian_phone: str = text_field(personal=True, max_len=24)


@dataclass(kw_only=True)
class Case(Synced):
    case_number: str = system_field()
    person_id: str = ref_field(required=True)
    opened_on: dt.date | None = date_field(required=True)
    intake_source: str | None = code_field("intake_source")
    status: str = code_field("case_status", required=True, default="open")
    risk_level: str | None = code_field("risk_level")
    assigned_to: str = text_field(max_len=64)
    trafficking_status: str | None = code_field("trafficking_status", default="possible")
    exploitation_types: list[str] = codes_field("exploitation")
    labour_sector: str | None = code_field("labour_sector")
    means_of_control: list[str] = codes_field("means_of_control")
    recruitment_method: str | None = code_field("recruitment_method")
    recruiter_relationship: str | None = code_field("recruiter_relationship")
    recruitment_region: str = text_field(max_len=13)
    recruitment_place: str = text_field(personal=True)
    transit_countries: list[str] = codes_field("country")
    transit_place: str = text_field(personal=True)
    exploitation_country: str | None = code_field("country")
    exploitation_place: str = text_field(personal=True)
    cross_border: bool = flag_field()
    migrant_worker: bool = flag_field()
    consent_services: bool = flag_field()
    consent_share: bool = flag_field()
    consent_statistics: bool = flag_field()
    consent_date: dt.date | None = date_field()
    consent_by: str = text_field(personal=True)
    follow_up_on: dt.date | None = date_field()
    closed_on: dt.date | None = date_field()
    closure_reason: str | None = code_field("closure_reason")
    summary: str = text_field(personal=True, max_len=10_000)
    # Who registered the case (m006), and the supervisor who approved its closure.
    created_by: str = system_field()
    closure_approved_by: str = system_field()
    closure_approved_on: dt.date | None = system_field("date", None)


@dataclass(kw_only=True)
class Service(Synced):
    case_id: str = ref_field(required=True)
    service_type: str | None = code_field("service_type", required=True)
    provider_id: str = ref_field()
    status: str = code_field("service_status", required=True, default="planned")
    planned_on: dt.date | None = date_field()
    started_on: dt.date | None = date_field()
    completed_on: dt.date | None = date_field()
    description: str = text_field(personal=True, max_len=4000)
    outcome: str = text_field(personal=True, max_len=4000)


@dataclass(kw_only=True)
class Referral(Synced):
    case_id: str = ref_field(required=True)
    provider_id: str = ref_field(required=True)
    services_requested: list[str] = codes_field("service_type")
    reason: str = text_field(personal=True, max_len=6000)
    urgency: str = code_field("urgency", required=True, default="routine")
    letter_number: str = system_field()
    letter_date: dt.date | None = date_field()
    status: str = code_field("referral_status", required=True, default="draft")
    response: str = text_field(personal=True, max_len=4000)
    responded_on: dt.date | None = date_field()
    follow_up_on: dt.date | None = date_field()


@dataclass(kw_only=True)
class Provider(Synced):
    name: str = text_field(required=True)
    provider_type: str | None = code_field("provider_type", required=True)
    address: str = text_field(max_len=300)
    region_code: str = text_field(max_len=13)
    phone: str = text_field(max_len=40)
    email: str = text_field(max_len=120)
    contact_person: str = text_field()
    contact_title: str = text_field()
    services_offered: list[str] = codes_field("service_type")


@dataclass(kw_only=True)
class CaseNote(Synced):
    case_id: str = ref_field(required=True)
    noted_on: dt.date | None = date_field(required=True)
    author: str = system_field()
    text: str = text_field(personal=True, required=True, max_len=20_000)


@dataclass(kw_only=True)
class User:
    """A staff account (local only, never synced)."""

    username: str = text_field(required=True, max_len=64)
    display_name: str = text_field(max_len=120)
    role: str = code_field("role", required=True, default="caseworker")
    phone: str = text_field(max_len=40)
    active: bool = flag_field(True)
    created_at: str = system_field()
    removed: bool = system_field("flag", False)


DEFAULT_NUMBER_PATTERN = "{classification}/{number}/{unit}/{month_roman}/{year}"


@dataclass(kw_only=True)
class LetterSettings:
    """How this office's letters look and are numbered (local, set by an admin).

    ``logo`` is a PNG or JPEG image as base64 text ("" for none).
    """

    letterhead: list[str] = _f("lines", required=True)
    address_lines: list[str] = _f("lines")
    logo: str = system_field()
    city: str = text_field(required=True, max_len=80)
    number_pattern: str = _f("text", default=DEFAULT_NUMBER_PATTERN, required=True, max_len=120)
    classification_child: str = _f("text", default="400.2.4", max_len=40)
    classification_adult: str = _f("text", default="400.2.3", max_len=40)
    unit_code: str = _f("text", default="UPTD-PPA", max_len=40)
    signatory_title: str = text_field(required=True, max_len=200)
    signatory_name: str = text_field(required=True, max_len=120)
    signatory_rank: str = text_field(max_len=80)
    signatory_nip: str = text_field(max_len=24)
    copies: list[str] = _f("lines")
    paper: str = code_field("paper", required=True, default="a4")
    language: str = code_field("letter_language", required=True, default="id")


@dataclass(kw_only=True)
class CaseFile:
    """A case opened for work: the case with its person and everything attached to it."""

    case: Case
    person: Person
    services: list[Service] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    notes: list[CaseNote] = field(default_factory=list)
    providers: dict[str, Provider] = field(default_factory=dict)


def fields_of(record_type: type) -> dict[str, dataclasses.Field]:
    """The declared fields of a record type, by name."""
    return {f.name: f for f in dataclasses.fields(record_type)}


def personal_fields(record_type: type) -> list[str]:
    return [name for name, f in fields_of(record_type).items() if f.metadata.get("personal")]


def editable_fields(record_type: type) -> list[str]:
    return [name for name, f in fields_of(record_type).items() if f.metadata.get("editable")]


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Completed years between ``birth_date`` and ``day``."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def age_of(person: Person, day: dt.date) -> int | None:
    """A person's age on ``day``: from the birth date if known, else the estimate."""
    if person.birth_date:
        return age_on(person.birth_date, day)
    return person.estimated_age


# A record read from a row whose values the app cannot read (DESIGN.md section 5b: a row
# taken in before those values were checked) carries the names of those fields in this
# attribute, set by the storage layer after construction; the record keeps the rest.
UNREADABLE = "unreadable"


def unreadable_fields(record: object) -> tuple[str, ...]:
    """Names of the fields of ``record`` whose stored value could not be read (those
    fields hold their default) or is outside what the field may hold; () if none."""
    return tuple(getattr(record, UNREADABLE, ()))


def initials(full_name: str) -> str:
    """``Maria Goreti Bria`` -> ``M.G.B.``: how letters and statistics name a person."""
    return "".join(part[0].upper() + "." for part in full_name.split() if part[:1].isalpha())
