"""Documents kept with a case (issue 24): scans and photos attached to the person, the
case or one of its records, kept encrypted in the register and shown from memory.

What a file is comes from its bytes, never from its name: a PDF, a JPEG, a PNG or a WebP
image (HEIC is refused with a way out). A photo is scaled down on attach unless asked not
to (``SCALE_TO`` pixels on its longest side), which also drops its EXIF data, where a
phone keeps the place the photo was taken. A document's bytes never change; its kind,
date and note may. Who may see the case may see its documents; who may change the case
may attach, edit and remove them. Viewing one and saving a plain copy are audited.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from tipdesk.domain import records as r
from tipdesk.domain.errors import DocumentRefused, NotFound, ValidationFailed
from tipdesk.domain.validation import DOCUMENT_SUBJECTS, validate
from tipdesk.services.access import audit, permissions
from tipdesk.services.casework import cases
from tipdesk.services.session import Session
from tipdesk.storage import documents as store
from tipdesk.storage import journey as journey_store
from tipdesk.storage import rows
from tipdesk.storage.files import atomic_file

# A photo's longest side after scaling, and the JPEG quality it is saved at: a page of a
# document stays legible, and a phone's 8 MB picture becomes a few hundred KB.
SCALE_TO = 2000
JPEG_QUALITY = 85
# Images are decoded to be checked and scaled: one larger than this is refused rather
# than let a crafted file take the laptop's memory.
MAX_PIXELS = 60_000_000
SUFFIX = {"pdf": ".pdf", "jpeg": ".jpg", "png": ".png", "webp": ".webp"}


def sniff(data: bytes) -> str | None:
    """The document format of ``data`` from its first bytes, or None."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def _is_heic(data: bytes) -> bool:
    return data[4:8] == b"ftyp" and data[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"hevc")


@dataclass(frozen=True)
class Prepared:
    data: bytes
    media_type: str
    scaled: bool


def prepare(data: bytes, *, scale: bool = True) -> Prepared:
    """Check the bytes of a file to attach and, for a photo, scale it down (``scale``).
    Raises ``DocumentRefused`` (empty, too_large, heic, unknown_format, unreadable_image)."""
    if not data:
        raise DocumentRefused(reason="empty")
    media_type = sniff(data)
    if media_type is None:
        raise DocumentRefused(reason="heic" if _is_heic(data) else "unknown_format")
    if media_type != "pdf":
        data, scaled = _image(data, media_type, scale)
        if scaled:
            media_type = "jpeg"
    else:
        scaled = False
    if len(data) > r.MAX_DOCUMENT_BYTES:
        raise DocumentRefused(
            reason="too_large",
            size=round(len(data) / 1024 / 1024, 1),
            max=r.MAX_DOCUMENT_BYTES // 1024 // 1024,
        )
    return Prepared(data, media_type, scaled)


def _image(data: bytes, media_type: str, scale: bool) -> tuple[bytes, bool]:
    """The image checked (it decodes); with ``scale``, one that is larger than
    ``SCALE_TO`` or 1 MB, or carries EXIF data (a phone's, with where it was taken), is
    saved again as a JPEG of at most ``SCALE_TO``, turned upright, without EXIF."""
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise DocumentRefused(reason="unreadable_image")
            image.load()
            small = max(image.size) <= SCALE_TO and len(data) <= 1024 * 1024
            placed = bool(image.getexif())
            if not scale or (small and not placed):
                return data, False
            turned = ImageOps.exif_transpose(image)
            turned.thumbnail((SCALE_TO, SCALE_TO))
            if turned.mode not in ("RGB", "L"):
                turned = turned.convert("RGB")
            out = io.BytesIO()
            turned.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    except DocumentRefused:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise DocumentRefused(reason="unreadable_image") from None
    scaled = out.getvalue()
    if len(scaled) >= len(data) and not placed:
        return data, False  # a drawing that was smaller as it came
    return scaled, True


def _writable(session: Session, case: r.Case) -> r.Case:
    permissions.require_change(session, case)
    return case


def _document(session: Session, document_id: str) -> tuple[r.Document, r.Case]:
    """A live document and its case, if the signed-in user may see the case."""
    document = store.get(session.db, document_id)
    case = rows.get(session.db, r.Case, document.case_id) if document else None
    if document is None or case is None:
        permissions.require(session, "view_own_cases")
        raise NotFound(what="document", key=document_id[:64])
    permissions.require_case(session, case)
    if document.deleted:
        raise NotFound(what="document", key=document_id[:64])
    return document, case


def list_documents(session: Session, case_number: str) -> list[r.Document]:
    """The documents of a case and of its person (attached from any of their cases)."""
    case = cases.live_case(session, case_number)
    return store.of_case(session.db, case.id, case.person_id)


def attach(
    session: Session,
    case_number: str,
    data: bytes,
    *,
    kind: str,
    file_name: str,
    attached_to: str = "case",
    attached_id: str = "",
    document_on: dt.date | None = None,
    note: str = "",
    scale: bool = True,
) -> r.Document:
    """Keep ``data`` (a file's bytes) as a document of the case: checked, scaled if it is
    a photo and ``scale``, then its row and its bytes written in one transaction."""
    case = _writable(session, cases.live_case(session, case_number))
    prepared = prepare(data, scale=scale)
    name = Path(file_name.replace("\\", "/")).name.strip()[:200]
    if prepared.scaled:
        name = str(Path(name).with_suffix(SUFFIX["jpeg"])) if name else ""
    document = r.Document(
        case_id=case.id,
        person_id=case.person_id,
        attached_to=attached_to,
        attached_id=attached_id,
        kind=kind,
        document_on=document_on,
        note=note,
        file_name=name,
        media_type=prepared.media_type,
        size=len(prepared.data),
        sha256=hashlib.sha256(prepared.data).hexdigest(),
    )
    problems = validate(document, today=session.today()) + _subject(session, document, case)
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    with session.write() as db:
        document.id, document.origin = session.new_id(), session.office.id
        store.write_bytes(db, document.id, _pieces(prepared.data))
        rows.insert(db, document, session.stamp)
        _audit(session, "document_added", document, case, size=document.size)
    return document


def _pieces(data: bytes) -> list[bytes]:
    return [data[i : i + store.PART] for i in range(0, len(data), store.PART)] or [b""]


def _subject(session: Session, document: r.Document, case: r.Case) -> list:
    """A document attached to a record names a live record of its own case."""
    table = DOCUMENT_SUBJECTS.get(document.attached_to or "")
    if table is None or not document.attached_id:
        return []
    if document.attached_id in journey_store.live_ids(session.db, table, case.id):
        return []
    raise DocumentRefused(reason="not_of_this_case", case_number=case.case_number)


def update_document(session: Session, document: r.Document) -> None:
    """Save a document's kind, date, note and what it is attached to (its bytes, name and
    case stay as stored)."""
    stored, case = _document(session, document.id)
    _writable(session, case)
    edited = dataclasses.replace(
        stored,
        kind=document.kind,
        document_on=document.document_on,
        note=document.note,
        attached_to=document.attached_to,
        attached_id=document.attached_id,
    )
    problems = validate(edited, today=session.today()) + _subject(session, edited, case)
    if any(p.is_error for p in problems):
        raise ValidationFailed(problems)
    changed = [
        name
        for name in ("kind", "document_on", "note", "attached_to", "attached_id")
        if getattr(edited, name) != getattr(stored, name)
    ]
    if not changed:
        return
    with session.write() as db:
        rows.update(db, edited, session.stamp)
        _audit(session, "document_changed", edited, case, fields=changed)


def remove_document(session: Session, document_id: str) -> None:
    """Remove a document: its bytes are destroyed at once and the removal travels."""
    stored, case = _document(session, document_id)
    _writable(session, case)
    with session.write() as db:
        rows.soft_delete(db, stored, session.stamp)
        _audit(session, "document_removed", stored, case)


def read_document(session: Session, document_id: str) -> tuple[r.Document, bytes]:
    """A document and its bytes, in memory, checked against their SHA-256 (audited)."""
    document, case = _document(session, document_id)
    data = store.read_bytes(session.db, document.id)
    if not data or len(data) != document.size:
        raise DocumentRefused(reason="bytes_missing", id=document.id)
    audit.record_read(
        session,
        "document_viewed",
        entity="documents",
        record_id=document.id,
        case_number=case.case_number,
    )
    return document, data


def suggested_name(document: r.Document) -> str:
    """A file name for a saved copy: the original name, or the kind and the date."""
    if document.file_name:
        return document.file_name
    day = document.document_on.isoformat() if document.document_on else "undated"
    return f"{document.kind or 'document'}-{day}{SUFFIX.get(document.media_type or '', '')}"


def save_copy(session: Session, document_id: str, out: Path) -> Path:
    """Write a plain, unencrypted copy of a document where the user chose (after the same
    warning as an unencrypted letter, which the caller gives); audited."""
    document, case = _document(session, document_id)
    out = Path(out)
    if out.is_dir():
        out = out / suggested_name(document)
    total = 0
    with atomic_file(out) as handle:
        for data in store.read_parts(session.db, document.id):
            handle.write(data)
            total += len(data)
        if total != document.size:
            raise DocumentRefused(reason="bytes_missing", id=document.id)
    audit.record(
        session,
        "document_saved",
        entity="documents",
        record_id=document.id,
        case_number=case.case_number,
        detail={"kind": document.kind, "size": document.size},
    )
    return out


def _audit(session: Session, action: str, document: r.Document, case: r.Case, **detail) -> None:
    audit.record(
        session,
        action,
        entity="documents",
        record_id=document.id,
        case_number=case.case_number,
        detail={"kind": document.kind, **detail},
    )
