"""The person's rights under UU 27/2022 (Pelindungan Data Pribadi): access to everything
held about them, and erasure.

:func:`person_data` gathers the person record, each of their cases with its services,
referrals, notes and the case journey's records, the letters issued for them and the
audit trail about them;
:func:`export_person_data` writes it as JSON or as a readable PDF (not encrypted: it is
handed to the person). :func:`erase_person` scrubs the person and all their records to
tombstones (kept, so a sync cannot bring the data back), drops them from the search
index, empties their archived letters' PDFs, deletes the sync conflicts that held their
values, remembers the erased ids so that no later import writes values into them again,
and then rebuilds the database file so their text is gone from its bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tipdesk.domain import records as r
from tipdesk.domain.audit import action_label
from tipdesk.domain.errors import (
    AlreadyErased,
    BadArgument,
    NotFound,
    OutputExists,
    UnknownErasureReason,
)
from tipdesk.domain.messages import field_label
from tipdesk.domain.vocab import VOCABULARIES
from tipdesk.services.access import audit, permissions
from tipdesk.services.casework import cases
from tipdesk.services.casework.documents import SUFFIX as DOCUMENT_SUFFIX
from tipdesk.services.register import DB_FILE
from tipdesk.services.session import Session, utc_now
from tipdesk.storage import audit as audit_store
from tipdesk.storage import cases as case_store
from tipdesk.storage import documents as document_store
from tipdesk.storage import people_links as link_store
from tipdesk.storage import privacy as store
from tipdesk.storage import rows, search
from tipdesk.storage import transfers as transfer_store
from tipdesk.storage.connection import Database, OperationalError
from tipdesk.storage.files import atomic_file, atomic_write

FORMAT = "tipdesk-person-data/1"
ERASURE_REASONS = ("person_request", "legal_order", "entered_by_mistake")
EXPORT_SUFFIXES = (".json", ".pdf", ".zip")
# VACUUM rebuilds the file in memory (about its size in RAM); a larger register is not
# rebuilt: secure_delete has overwritten the scrubbed cells and freed pages already, the
# index is merged and the log emptied, so the text is gone from the file all the same.
VACUUM_LIMIT = 512 * 1024 * 1024
_INTERNAL = ("origin", "rev", "person_id", "case_id")
# Kinds of case records the export lists in a way of their own (with the provider's name).
_LISTED_APART = ("services", "referrals", "case_notes")


# --- right of access -------------------------------------------------------------------


def _person_of(session: Session, case_number: str) -> tuple[r.Person, list[r.Case]]:
    case = store.case_by_number(session.db, case_number)
    if case is None:
        raise NotFound(what="case", key=case_number)
    person = rows.get(session.db, r.Person, case.person_id)
    if person is None:
        raise NotFound(what="person", key=case.person_id)
    return person, store.cases_of_person(session.db, person.id)


def _record(record: Any) -> dict[str, Any]:
    data = {}
    for f in dataclasses.fields(record):
        if f.name in _INTERNAL:
            continue
        value = getattr(record, f.name)
        data[f.name] = value.isoformat() if isinstance(value, dt.date) else value
    if r.unreadable_fields(record):
        # Stored values the app cannot read (DESIGN.md section 5b) are named, not given.
        data["unreadable"] = list(r.unreadable_fields(record))
    return data


def person_data(session: Session, case_number: str) -> dict[str, Any]:
    """Everything this register holds about the person of ``case_number``: the person,
    each of their cases (deleted ones too, marked) with its services, referrals (with the
    provider's name), notes, the letters issued (number, date, language, provider; not
    the PDF) and the audit rows about them."""
    permissions.require(session, "export_person_data")
    db = session.db
    person, their_cases = _person_of(session, case_number)
    items = store.items_of_cases(db, [c.id for c in their_cases])
    letters = store.letters_of_cases(db, [c.id for c in their_cases])
    referrals_by_id = {ref.id: ref for ref in items["referrals"]}
    providers = store.providers_by_id(
        db, [x.provider_id for x in (*items["services"], *items["referrals"])]
    )
    audit_rows: dict[int, dict] = {}
    queries = [audit_store.AuditQuery(record_id=person.id)]
    queries += [audit_store.AuditQuery(case_number=c.case_number) for c in their_cases]
    for query in queries:
        for row in audit_store.entries(db, query, limit=1_000_000):
            audit_rows[row["seq"]] = row

    def provider_name(provider_id: str) -> str:
        provider = providers.get(provider_id)
        return provider.name if provider else ""

    out_cases = []
    for case in their_cases:

        def of_case(table: str, case_id: str = case.id) -> list:
            return [x for x in items[table] if x.case_id == case_id]

        out_cases.append(
            {
                "case": _record(case),
                "services": [
                    {**_record(s), "provider_name": provider_name(s.provider_id)}
                    for s in of_case("services")
                ],
                "referrals": [
                    {**_record(f), "provider_name": provider_name(f.provider_id)}
                    for f in of_case("referrals")
                ],
                "notes": [_record(n) for n in of_case("case_notes")],
                **{
                    child.file_list: [_record(x) for x in of_case(child.table)]
                    for child in r.CASE_CHILDREN
                    if child.table not in _LISTED_APART
                },
                "letters": [
                    {
                        "number": letter.number,
                        "kind": letter.kind,
                        "issued_on": letter.issued_on,
                        "language": letter.language,
                        "includes_identity": letter.includes_identity,
                        "issued_by": letter.username,
                        "attachments": letter.attachments,
                        "provider_name": provider_name(
                            referrals_by_id[letter.referral_id].provider_id
                            if letter.referral_id in referrals_by_id
                            else ""
                        ),
                    }
                    for letter in letters
                    if letter.case_id == case.id
                ],
            }
        )
    return {
        "format": FORMAT,
        "exported_at": utc_now(),
        "exported_by": session.user.username,
        "office": {"code": session.office.code, "name": session.office.name},
        "person": _record(person),
        "cases": out_cases,
        # Handing over to another office, and the province's "same person" links (issue 23)
        "transfers": [_record(t) for t in transfer_store.of_person(db, person.id)],
        "links": [_record(link) for link in link_store.links_of_person(db, person.id)],
        "audit": [
            {
                k: row[k]
                for k in (
                    "at",
                    "username",
                    "action",
                    "entity",
                    "record_id",
                    "case_number",
                    "detail",
                )
            }
            for _seq, row in sorted(audit_rows.items())
        ],
    }


def export_person_data(session: Session, case_number: str, out: Path, *, lang: str = "id") -> Path:
    """Write :func:`person_data` to ``out``: readable JSON (UTF-8, indented), a PDF if
    ``out`` ends in ``.pdf`` (labels in ``lang``), or a zip of both with the documents'
    files (``.zip``; each document streamed in, a part at a time). The file is not
    encrypted."""
    permissions.require(session, "export_person_data")
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        raise BadArgument(argument="--out", reason="the file name must end in .json, .pdf or .zip")
    if out.exists():
        raise OutputExists(path=str(out))
    if not out.parent.is_dir():
        raise BadArgument(argument=str(out.parent), reason="the folder does not exist")
    data = person_data(session, case_number)
    text = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    if suffix == ".zip":
        return _export_zip(session, case_number, data, text, out, lang)
    payload = _pdf(data, lang) if suffix == ".pdf" else text
    with session.write(immediate=True):
        audit.record(
            session,
            "person_exported",
            entity="persons",
            record_id=data["person"]["id"],
            case_number=case_number,
            detail={"format": suffix[1:], "cases": len(data["cases"])},
        )
        atomic_write(out, payload)  # inside: no audit row without the file
    return out


def _export_zip(
    session: Session, case_number: str, data: dict, text: bytes, out: Path, lang: str
) -> Path:
    """The person's data as JSON and PDF, and every live document of theirs as its file
    (``documents/01-police_report.pdf``...: numbered, by kind, never by its stored name),
    in one zip written to a temporary name and renamed."""
    person_ids = [data["person"]["id"]]
    found = document_store.of_persons(session.db, person_ids)
    with session.write(immediate=True):
        audit.record(
            session,
            "person_exported",
            entity="persons",
            record_id=data["person"]["id"],
            case_number=case_number,
            detail={"format": "zip", "cases": len(data["cases"]), "documents": len(found)},
        )
        with atomic_file(out) as handle, zipfile.ZipFile(handle, "w") as archive:
            archive.writestr("person.json", text)
            archive.writestr("person.pdf", _pdf(data, lang))
            for number, document in enumerate(found, start=1):
                suffix = DOCUMENT_SUFFIX.get(document.media_type or "", "")
                name = f"documents/{number:02d}-{document.kind or 'document'}{suffix}"
                with archive.open(name, "w", force_zip64=True) as member:
                    for piece in document_store.read_parts(session.db, document.id):
                        member.write(piece)
    return out


# --- the PDF ---------------------------------------------------------------------------

_TEXT = {
    "id": {
        "title": "Data pribadi yang disimpan",
        "person": "Data orang",
        "case": "Kasus",
        "services": "Layanan",
        "referrals": "Rujukan",
        "notes": "Catatan",
        "assessments": "Asesmen",
        "plan_goals": "Rencana intervensi",
        "legal_steps": "Proses hukum",
        "restitution": "Restitusi",
        "lpsk_requests": "Permohonan perlindungan LPSK",
        "returns": "Pemulangan",
        "checkups": "Kunjungan reintegrasi",
        "documents": "Dokumen (isinya di folder documents/ dalam berkas zip)",
        "simfoni_entries": "Pencatatan di SIMFONI-PPA",
        "letters": "Surat yang diterbitkan",
        "audit": "Jejak audit",
        "provider": "Lembaga layanan",
        "deleted": "dihapus",
        "none": "(tidak ada)",
        "yes": "Ya",
        "no": "Tidak",
        "made": "Dibuat {at} oleh {by}, {office}.",
        "letter": "{number}, {date}, {kind}, {language}",
        "referral": "surat rujukan",
        "lpsk_request": "permohonan perlindungan kepada LPSK",
        "handover": "berita acara serah terima",
        "transfer": "surat pelimpahan",
        "transfers": "Pelimpahan ke kantor lain",
        "links": "Tercatat juga di kantor lain (orang yang sama)",
        "confidential": "RAHASIA: dokumen ini memuat data pribadi dan tidak terenkripsi.",
    },
    "en": {
        "title": "Personal data held",
        "person": "The person",
        "case": "Case",
        "services": "Services",
        "referrals": "Referrals",
        "notes": "Notes",
        "assessments": "Assessments",
        "plan_goals": "Intervention plan",
        "legal_steps": "Criminal case",
        "restitution": "Restitution",
        "lpsk_requests": "LPSK protection requests",
        "returns": "Return home",
        "checkups": "Reintegration check-ups",
        "documents": "Documents (their contents are in the zip file's documents/ folder)",
        "simfoni_entries": "Entered into SIMFONI-PPA",
        "letters": "Letters issued",
        "audit": "Audit trail",
        "provider": "Service provider",
        "deleted": "deleted",
        "none": "(none)",
        "yes": "Yes",
        "no": "No",
        "made": "Made {at} by {by}, {office}.",
        "letter": "{number}, {date}, {kind}, {language}",
        "referral": "referral letter",
        "lpsk_request": "request for protection to LPSK",
        "handover": "handover record",
        "transfer": "transfer letter",
        "transfers": "Transfers to another office",
        "links": "Also registered at another office (same person)",
        "confidential": "CONFIDENTIAL: this document holds personal data and is not encrypted.",
    },
}
_SKIP_IN_PDF = (
    "id",
    "updated_by",
    "deleted",
    "provider_id",
    "linked_ids",
    "return_id",
    "incident_id",
)
# Labels the shared catalogue has no use for elsewhere (system fields).
_MORE_LABELS = {
    "updated_at": {"id": "Terakhir diubah (UTC)", "en": "Last changed (UTC)"},
    "created_by": {"id": "Didaftarkan oleh", "en": "Registered by"},
    "closure_approved_by": {"id": "Penutupan disetujui oleh", "en": "Closure approved by"},
    "closure_approved_on": {"id": "Tanggal persetujuan penutupan", "en": "Closure approved on"},
    "author": {"id": "Ditulis oleh", "en": "Written by"},
    "unreadable": {"id": "Isian yang tidak dapat dibaca", "en": "Fields that cannot be read"},
}


def _value(record_type: type, name: str, value: Any, lang: str) -> str:
    t = _TEXT[lang]
    f = r.fields_of(record_type).get(name)
    vocab = f.metadata.get("vocab") if f else None
    if isinstance(value, bool):
        return t["yes"] if value else t["no"]
    if name == "unreadable":
        return ", ".join(field_label(v, lang) for v in value)
    if isinstance(value, list):
        return ", ".join(
            VOCABULARIES[vocab].label_or_code(v, lang) if vocab else str(v) for v in value
        )
    if vocab and value:
        return VOCABULARIES[vocab].label_or_code(value, lang)
    return str(value)


def _pairs(record_type: type, data: dict, lang: str) -> list[tuple[str, str]]:
    t = _TEXT[lang]
    pairs = []
    for name, value in data.items():
        if name in _SKIP_IN_PDF or value in ("", [], None):
            continue
        label = (
            t["provider"]
            if name == "provider_name"
            else _MORE_LABELS[name][lang]
            if name in _MORE_LABELS
            else field_label(name, lang)
        )
        if name == "updated_at":
            value = str(value)[:16].replace("T", " ")
        pairs.append((label, _value(record_type, name, value, lang)))
    return pairs


def _pdf(data: dict, lang: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from tipdesk.services.pdf.styles import markup, styles

    lang = lang if lang in _TEXT else "id"
    t, s = _TEXT[lang], styles()
    width = A4[0] - 4 * cm
    story: list = []

    def para(text: str, style=s.plain) -> Paragraph:
        return Paragraph(markup(text), style)

    def table(pairs: list[tuple[str, str]]) -> None:
        if not pairs:
            story.append(para(t["none"], s.small))
            return
        grid = Table(
            [[para(k, s.bold), para(v)] for k, v in pairs],
            colWidths=[5.5 * cm, width - 5.5 * cm],
            hAlign="LEFT",
        )
        grid.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        story.append(grid)

    def heading(text: str) -> None:
        story.append(para(text, s.heading))

    story.append(para(t["title"], s.heading))
    story.append(
        para(
            t["made"].format(
                at=data["exported_at"][:16].replace("T", " "),
                by=data["exported_by"],
                office=f"{data['office']['name']} ({data['office']['code']})",
            ),
            s.small,
        )
    )
    story.append(para(t["confidential"], s.small))
    story.append(Spacer(1, 0.3 * cm))
    heading(t["person"])
    table(_pairs(r.Person, data["person"], lang))
    for item in data["cases"]:
        case = item["case"]
        mark = f" ({t['deleted']})" if case.get("deleted") else ""
        heading(f"{t['case']} {case['case_number']}{mark}")
        table(_pairs(r.Case, case, lang))
        for key, record_type in [(c.file_list, c.record) for c in r.CASE_CHILDREN]:
            heading(t[key])
            if not item[key]:
                story.append(para(t["none"], s.small))
            for record in item[key]:
                table(_pairs(record_type, record, lang))
                story.append(Spacer(1, 0.15 * cm))
        heading(t["letters"])
        if not item["letters"]:
            story.append(para(t["none"], s.small))
        for letter in item["letters"]:
            line = t["letter"].format(
                number=letter["number"],
                date=letter["issued_on"],
                kind=t.get(letter["kind"], letter["kind"]),
                language=VOCABULARIES["letter_language"].label_or_code(letter["language"], lang),
            )
            if letter["provider_name"]:
                line += f", {letter['provider_name']}"
            story.append(para(line))
    for key, record_type in (("transfers", r.Transfer), ("links", r.PersonLink)):
        heading(t[key])
        if not data.get(key):
            story.append(para(t["none"], s.small))
        for record in data.get(key, []):
            table(_pairs(record_type, record, lang))
            story.append(Spacer(1, 0.15 * cm))
    heading(t["audit"])
    if not data["audit"]:
        story.append(para(t["none"], s.small))
    for row in data["audit"]:
        story.append(
            para(
                f"{row['at'][:16].replace('T', ' ')}  {row['username']}  "
                f"{action_label(row['action'], lang)}"
                + (f"  {row['case_number']}" if row["case_number"] else ""),
                s.small,
            )
        )
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        invariant=1,
        title=t["title"],
        creator="TipDesk",
    )
    doc.build(story)
    return buffer.getvalue()


# --- right to erasure ------------------------------------------------------------------


@dataclass(frozen=True)
class ErasureResult:
    person_id: str
    case_numbers: list[str]
    records: int  # person, cases and every record of them made tombstones
    documents: int  # documents destroyed (their bytes gone with the rows)
    letters: int  # archived letters whose PDF was emptied
    conflicts: int  # sync conflicts removed
    compacted: bool  # the database's write-ahead log was folded in and emptied
    vacuumed: bool  # and the file was rebuilt (registers up to VACUUM_LIMIT)


def erase_person(session: Session, case_number: str, reason: str) -> ErasureResult:
    """Erase the person of ``case_number`` and everything of theirs, for ``reason``
    (one of :data:`ERASURE_REASONS`). Cannot be undone.

    One transaction: tombstones (scrubbed), the search index (merged, so the words leave
    its pages), the letters' PDFs, the sync conflicts, the list of erased ids and the
    audit row. Then the log is folded in and emptied and the file rebuilt, so the text is
    gone from the bytes of both (``compacted`` is False if another program kept the log
    open: it is emptied when that program closes the register)."""
    permissions.require(session, "erase_person")
    if reason not in ERASURE_REASONS:
        raise UnknownErasureReason(known=", ".join(ERASURE_REASONS))
    person, their_cases = _person_of(session, case_number)
    if person.id in store.erased_ids(session.db):
        raise AlreadyErased(case_number=case_number)
    case_ids = [c.id for c in their_cases]
    with session.write(immediate=True) as db:
        documents = document_store.count_live(db, case_ids)
        conflicts = _tombstone(session, db, person, their_cases)
        items = store.items_of_cases(db, case_ids)
        ids = [person.id, *case_ids, *(x.id for table in items.values() for x in table)]
        ids += [t.id for t in transfer_store.of_person(db, person.id, live=False)]
        ids += [x.id for x in link_store.links_of_person(db, person.id, live=False)]
        letters = store.blank_letters(db, case_ids)
        conflicts += store.remove_conflicts(db, ids)
        store.optimize_search(db)
        store.add_erased(db, ids)
        audit.record(
            session,
            "person_erased",
            entity="persons",
            record_id=person.id,
            case_number=case_number,
            detail={
                "reason": reason,
                "cases": len(case_ids),
                "records": len(ids),
                "letters": letters,
                "conflicts": conflicts,
                "documents": documents,
            },
        )
    vacuum = (session.folder / DB_FILE).stat().st_size <= VACUUM_LIMIT
    try:
        compacted = store.compact(session.db, vacuum=vacuum)
    except OperationalError:  # another program is writing; the pages are scrubbed
        compacted = vacuum = False
    return ErasureResult(
        person_id=person.id,
        case_numbers=[c.case_number for c in their_cases],
        records=len(ids),
        documents=documents,
        letters=letters,
        conflicts=conflicts,
        compacted=compacted,
        vacuumed=vacuum,
    )


def _tombstone(session: Session, db: Database, person: r.Person, their_cases: list[r.Case]) -> int:
    """Make the person, their cases and every item of those cases scrubbed tombstones,
    inside the caller's transaction. Returns how many sync conflicts about those records
    were removed (counted here: after it there are none left to count)."""
    records = [person.id]
    for case in their_cases:
        file = case_store.load_case_file(db, case)
        for item in r.records_of(file):
            rows.soft_delete(db, item, session.stamp)
            records.append(item.id)
        if not case.deleted:
            rows.soft_delete(db, case, session.stamp)
        records.append(case.id)
    # The person's transfers (their reasons) and the links that name them go too.
    for other in (
        *transfer_store.of_person(db, person.id),
        *link_store.links_of_person(db, person.id),
    ):
        rows.soft_delete(db, other, session.stamp)
        records.append(other.id)
    rows.soft_delete(db, person, session.stamp)
    search.refresh(db, [search.rid_for_case(db, c.id) for c in their_cases])
    _, conflicts = cases.scrub_beside_rows(db, [c.id for c in their_cases], records)
    return conflicts


def is_erased(session: Session, record_id: str) -> bool:
    return record_id in store.erased_ids(session.db)
