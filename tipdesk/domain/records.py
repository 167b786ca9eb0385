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
    # The incident (a raid, a deportation) that brought this victim with others (m015):
    # set by linking, never typed; the case keeps its own owner whoever owns the incident.
    incident_id: str = ref_field()


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


# --- The case journey (DESIGN.md section 10) ------------------------------------------------

# Rupiah amounts: whole rupiah, at most this (ten trillion; no TPPO claim comes near).
MAX_RUPIAH = 10_000_000_000_000
# A verdict's prison term in months, and perpetrators counted on one legal step.
MAX_SENTENCE_MONTHS = 1200
MAX_PERPETRATORS = 1000


@dataclass(kw_only=True)
class Assessment(Synced):
    """A risk triage (level and the day a response is due) or a biopsychosocial
    assessment (the domains with needs, and what was found)."""

    case_id: str = ref_field(required=True)
    kind: str = code_field("assessment_kind", required=True, default="risk_triage")
    assessed_on: dt.date | None = date_field(required=True)
    assessed_by: str = text_field(max_len=120)
    risk_level: str | None = code_field("risk_level")
    respond_by: dt.date | None = date_field()
    needs: list[str] = codes_field("assessment_domain")
    findings: str = text_field(personal=True, max_len=10_000)


@dataclass(kw_only=True)
class PlanGoal(Synced):
    """One goal of the intervention plan (rencana intervensi). A supervisor approves the
    plan as closure is approved: the approval is recorded on each goal, and a change of
    what a goal aims at takes it back."""

    case_id: str = ref_field(required=True)
    goal: str = text_field(personal=True, required=True, max_len=2000)
    domain: str | None = code_field("assessment_domain", required=True)
    # ids of the case's services and referrals that serve the goal
    linked_ids: list[str] = _f("lines", editable=False)
    target_on: dt.date | None = date_field()
    review_on: dt.date | None = date_field()
    status: str = code_field("plan_goal_status", required=True, default="planned")
    approved_by: str = system_field()
    approved_on: dt.date | None = system_field("date", None)


@dataclass(kw_only=True)
class LegalStep(Synced):
    """A dated step of the criminal case. Perpetrators are counted, with their
    relationship to the victim, never named."""

    case_id: str = ref_field(required=True)
    kind: str | None = code_field("legal_step_kind", required=True)
    step_on: dt.date | None = date_field(required=True)
    reference_number: str = text_field(personal=True, max_len=120)
    authority: str = text_field(max_len=200)
    restitution_requested: bool = flag_field()
    outcome: str | None = code_field("verdict_outcome")
    sentence_months: int | None = integer_field()
    perpetrators: int | None = integer_field()
    perpetrator_relationship: str | None = code_field("recruiter_relationship")
    note: str = text_field(personal=True, max_len=4000)


@dataclass(kw_only=True)
class Restitution(Synced):
    """The victim's claim for restitution, from request to payment, in whole rupiah."""

    case_id: str = ref_field(required=True)
    requested_on: dt.date | None = date_field()
    requested_amount: int | None = integer_field()
    requested_by: str = text_field(max_len=200)
    lpsk_assessed_on: dt.date | None = date_field()
    lpsk_assessed_amount: int | None = integer_field()
    awarded_on: dt.date | None = date_field()
    awarded_amount: int | None = integer_field()
    paid_on: dt.date | None = date_field()
    paid_amount: int | None = integer_field()
    note: str = text_field(personal=True, max_len=4000)


@dataclass(kw_only=True)
class LpskRequest(Synced):
    """A request to LPSK for protection, and its decision."""

    case_id: str = ref_field(required=True)
    requested_on: dt.date | None = date_field(required=True)
    protection_types: list[str] = codes_field("lpsk_protection")
    decision: str = code_field("lpsk_decision", required=True, default="pending")
    decided_on: dt.date | None = date_field()
    note: str = text_field(personal=True, max_len=4000)
    letter_number: str = system_field()  # of the request's letter to LPSK, once issued


@dataclass(kw_only=True)
class Return(Synced):
    """The victim's return home: who escorted, when, and the handover record (berita
    acara serah terima) to the origin district."""

    case_id: str = ref_field(required=True)
    origin_region: str = text_field(max_len=13)
    escort: str | None = code_field("return_escort", required=True)
    departed_on: dt.date | None = date_field()
    arrived_on: dt.date | None = date_field()
    handover_on: dt.date | None = date_field()
    handover_number: str = text_field(max_len=120)
    note: str = text_field(personal=True, max_len=4000)


@dataclass(kw_only=True)
class ReintegrationCheckup(Synced):
    """A dated reintegration check-up after a return, and when the next one is due."""

    case_id: str = ref_field(required=True)
    return_id: str = ref_field()
    checked_on: dt.date | None = date_field(required=True)
    status: str | None = code_field("reintegration_status", required=True)
    next_on: dt.date | None = date_field()
    note: str = text_field(personal=True, max_len=4000)


@dataclass(kw_only=True)
class SimfoniEntry(Synced):
    """That a case was entered into SIMFONI-PPA, the national online register of violence
    against women and children (issue 25): when, by whom, under which SIMFONI reference.
    One live entry a case, so that no case is entered twice or forgotten."""

    case_id: str = ref_field(required=True)
    entered_on: dt.date | None = date_field(required=True)
    entered_by: str = text_field(required=True, max_len=120)
    reference: str = text_field(personal=True, required=True, max_len=60)
    note: str = text_field(personal=True, max_len=1000)


# The largest document kept (issue 24): a scanned court decision of a hundred pages fits.
MAX_DOCUMENT_BYTES = 25 * 1024 * 1024


@dataclass(kw_only=True)
class Document(Synced):
    """A scan or photo kept with a case (issue 24): an identity card, a consent, a police
    or medical report, a court decision, a photo. The row travels and merges like any
    record of the case; its bytes are kept encrypted in the register (never in a file of
    their own), travel beside the row in a batch and never change: another scan is
    another document. ``attached_to`` says what it belongs to: the person (shown with
    every case of theirs), the case, or one record of it (``attached_id``)."""

    case_id: str = ref_field(required=True)
    person_id: str = ref_field(required=True)
    attached_to: str | None = code_field("document_subject", required=True, default="case")
    attached_id: str = ref_field()
    kind: str | None = code_field("document_kind", required=True)
    document_on: dt.date | None = date_field()
    note: str = text_field(personal=True, max_len=1000)
    file_name: str = _f("text", default="", personal=True, max_len=200, editable=False)
    media_type: str | None = _f("code", vocab="document_format", editable=False)
    size: int | None = system_field("int", None)
    sha256: str = _f("text", default="", personal=True, max_len=64, editable=False)


@dataclass(kw_only=True)
class Incident(Synced):
    """One event that brought many victims at once (a raid, a deportation). Owned by the
    office that recorded it; cases of any office may name it (``Case.incident_id``)."""

    incident_number: str = system_field()
    occurred_on: dt.date | None = date_field(required=True)
    kind: str | None = code_field("incident_kind", required=True)
    region_code: str = text_field(max_len=13)
    place: str = text_field(personal=True, max_len=200)
    note: str = text_field(personal=True, max_len=4000)


@dataclass(kw_only=True)
class Transfer(Synced):
    """A case handed to another office (pelimpahan, DESIGN.md section 10): asked for by
    the office that owns it (or by the province on its own authority), decided by the
    office it goes to. The person moves with all of their cases. ``hop`` counts the
    transfers of one person, so the owner is the receiver of the accepted one with the
    highest hop, whatever order they arrive in."""

    case_id: str = ref_field(required=True)
    person_id: str = ref_field(required=True)
    from_office: str = ref_field(required=True)
    to_office: str = ref_field(required=True)
    hop: int = system_field("int", 1)
    reason: str = text_field(personal=True, required=True, max_len=2000)
    requested_on: dt.date | None = date_field(required=True)
    requested_by: str = system_field()
    letter_number: str = system_field()
    status: str = code_field("transfer_status", required=True, default="requested")
    decided_on: dt.date | None = date_field()
    decided_by: str = system_field()
    decision_reason: str = text_field(personal=True, max_len=2000)


@dataclass(kw_only=True)
class PersonLink(Synced):
    """Two persons registered by two offices that a province found to be one ("same
    person"): a link, never a merge. Each office sees only the other's office and case
    number (``case_number_a`` names person a's case, for office b to see). Unlinking
    deletes the link (it travels, and is audited)."""

    person_a: str = ref_field(required=True)
    person_b: str = ref_field(required=True)
    office_a: str = ref_field(required=True)
    office_b: str = ref_field(required=True)
    case_number_a: str = system_field()
    case_number_b: str = system_field()
    reasons: list[str] = codes_field("duplicate_reason")
    linked_on: dt.date | None = date_field(required=True)
    linked_by: str = system_field()
    note: str = text_field(personal=True, max_len=1000)


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
    assessments: list[Assessment] = field(default_factory=list)
    plan_goals: list[PlanGoal] = field(default_factory=list)
    legal_steps: list[LegalStep] = field(default_factory=list)
    restitution: list[Restitution] = field(default_factory=list)
    lpsk_requests: list[LpskRequest] = field(default_factory=list)
    returns: list[Return] = field(default_factory=list)
    checkups: list[ReintegrationCheckup] = field(default_factory=list)
    simfoni_entries: list[SimfoniEntry] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    incident: Incident | None = None


@dataclass(frozen=True)
class CaseChild:
    """A kind of record that belongs to one case (``case_id``): it has its case's owner
    (DESIGN.md section 5b), travels, merges, is listed in History, exported for the
    person and erased with them like every other. ``file_list``: its list on the
    CaseFile; ``dated_by``: the date field a case file lists them by (then the id);
    ``thing``: how messages name one (``messages._THINGS``)."""

    table: str
    record: type
    file_list: str
    dated_by: str
    thing: str


# Every kind of record of a case, in the order a batch applies them (a record another
# one names comes first). A new kind of case record is one line here and a migration.
CASE_CHILDREN: tuple[CaseChild, ...] = (
    CaseChild("services", Service, "services", "planned_on", "service"),
    CaseChild("referrals", Referral, "referrals", "letter_date", "referral"),
    CaseChild("case_notes", CaseNote, "notes", "noted_on", "casenote"),
    CaseChild("assessments", Assessment, "assessments", "assessed_on", "assessment"),
    CaseChild("plan_goals", PlanGoal, "plan_goals", "target_on", "plan_goal"),
    CaseChild("legal_steps", LegalStep, "legal_steps", "step_on", "legal_step"),
    CaseChild("restitution", Restitution, "restitution", "requested_on", "restitution"),
    CaseChild("lpsk_requests", LpskRequest, "lpsk_requests", "requested_on", "lpsk_request"),
    CaseChild("returns", Return, "returns", "departed_on", "return"),
    CaseChild("reintegration_checkups", ReintegrationCheckup, "checkups", "checked_on", "checkup"),
    CaseChild("simfoni_entries", SimfoniEntry, "simfoni_entries", "entered_on", "simfoni_entry"),
    # Last: a document names the person, the case or any record above.
    CaseChild("documents", Document, "documents", "document_on", "document"),
)
CHILD_TABLES: dict[str, type] = {child.table: child.record for child in CASE_CHILDREN}
# Every synced table and its record, parents before children (the order a batch applies).
SYNCED_RECORDS: dict[str, type] = {
    "offices": Office,
    "providers": Provider,
    "incidents": Incident,
    # Before persons and cases: an accepted transfer moves its records' owner first, so
    # the new owner's changes to them in the same batch are its own.
    "transfers": Transfer,
    "persons": Person,
    "cases": Case,
    **CHILD_TABLES,
    "person_links": PersonLink,
}


def records_of(file: CaseFile) -> list[Any]:
    """Every record of the case a case file holds (services, referrals, notes, the case
    journey's), not the case, its person or its incident."""
    return [item for child in CASE_CHILDREN for item in getattr(file, child.file_list)]


def child_of_table(table: str) -> CaseChild | None:
    return next((child for child in CASE_CHILDREN if child.table == table), None)


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
