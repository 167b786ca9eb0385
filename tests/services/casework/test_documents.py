"""Documents kept with a case (issue 24): attached, checked, scaled, read back from
memory, saved as a plain copy only where asked, removed with their bytes."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.helpers import add_journey, new_case
from tipdesk.domain import records as r
from tipdesk.domain.errors import DocumentRefused, NotFound, ValidationFailed
from tipdesk.services.casework import documents
from tipdesk.storage import documents as store


def photo(width: int = 3000, height: int = 2000, *, exif_place: bool = False) -> bytes:
    """A JPEG like a phone's: noisy, large, with EXIF (a GPS tag when ``exif_place``)."""
    image = Image.effect_noise((width, height), 60).convert("RGB")
    exif = Image.Exif()
    exif[0x0110] = "Phone X"  # model
    if exif_place:
        exif[0x8825] = {1: "S", 2: (10.0, 9.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95, exif=exif)
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_pdf_is_kept_byte_for_byte_and_read_back(session):
    file = new_case(session)
    doc = documents.attach(
        session, file.case.case_number, PDF, kind="police_report", file_name="C:\\scan\\lp.pdf"
    )
    assert doc.media_type == "pdf" and doc.size == len(PDF) and doc.file_name == "lp.pdf"
    listed = documents.list_documents(session, file.case.case_number)
    assert [d.id for d in listed] == [doc.id]
    got, data = documents.read_document(session, doc.id)
    assert data == PDF and got.sha256 == doc.sha256


def test_a_phone_photo_is_scaled_and_loses_its_exif(session):
    file = new_case(session)
    original = photo(exif_place=True)
    doc = documents.attach(
        session, file.case.case_number, original, kind="photo", file_name="IMG_1.jpeg"
    )
    _, data = documents.read_document(session, doc.id)
    assert len(data) < len(original) / 2
    with Image.open(io.BytesIO(data)) as image:
        assert max(image.size) == documents.SCALE_TO
        assert not image.getexif()
    kept = documents.attach(
        session, file.case.case_number, original, kind="photo", file_name="b.jpg", scale=False
    )
    assert documents.read_document(session, kept.id)[1] == original


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"PK\x03\x04 a zip", "unknown_format"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", "heic"),
        (b"\xff\xd8\xff\xe0 not really a jpeg", "unreadable_image"),
    ],
)
def test_what_is_not_a_document_is_refused_and_nothing_is_kept(session, data, reason):
    file = new_case(session)
    with pytest.raises(DocumentRefused) as refused:
        documents.attach(session, file.case.case_number, data, kind="other", file_name="x")
    assert refused.value.params["reason"] == reason
    assert documents.list_documents(session, file.case.case_number) == []
    assert session.db.execute("SELECT count(*) FROM document_bytes").fetchone()[0] == 0


def test_a_file_over_the_cap_is_refused(session, monkeypatch):
    monkeypatch.setattr(r, "MAX_DOCUMENT_BYTES", 100)
    file = new_case(session)
    with pytest.raises(DocumentRefused) as refused:
        documents.attach(session, file.case.case_number, PDF * 5, kind="other", file_name="x")
    assert refused.value.code == "document_refused_too_large"


def test_a_document_names_a_record_of_its_own_case(session):
    file = new_case(session)
    other = new_case(session, {"full_name": "Rina Lestari"})
    add_journey(session, other.case.id)
    step = session.db.execute("SELECT id FROM legal_steps LIMIT 1").fetchone()[0]
    with pytest.raises(DocumentRefused):
        documents.attach(
            session,
            file.case.case_number,
            PDF,
            kind="police_report",
            file_name="lp.pdf",
            attached_to="legal_step",
            attached_id=step,
        )
    with pytest.raises(ValidationFailed):
        documents.attach(session, file.case.case_number, PDF, kind="nonsense", file_name="lp.pdf")
    doc = documents.attach(
        session,
        other.case.case_number,
        PDF,
        kind="police_report",
        file_name="lp.pdf",
        attached_to="legal_step",
        attached_id=step,
    )
    assert doc.attached_id == step


def test_removing_a_document_destroys_its_bytes(session):
    file = new_case(session)
    doc = documents.attach(session, file.case.case_number, PDF, kind="consent", file_name="c.pdf")
    documents.remove_document(session, doc.id)
    assert not store.has_bytes(session.db, doc.id)
    with pytest.raises(NotFound):
        documents.read_document(session, doc.id)
    tomb = store.get(session.db, doc.id)
    assert tomb.deleted and tomb.file_name == "" and tomb.sha256 == ""


def test_a_persons_document_shows_in_each_of_their_cases(session):
    file = new_case(session)
    doc = documents.attach(
        session,
        file.case.case_number,
        PDF,
        kind="identity_card",
        file_name="ktp.pdf",
        attached_to="person",
    )
    second = new_case(session)  # another person: does not see it
    assert documents.list_documents(session, second.case.case_number) == []
    assert [d.id for d in documents.list_documents(session, file.case.case_number)] == [doc.id]


def test_a_saved_copy_is_the_document_and_is_audited(session, tmp_path):
    file = new_case(session)
    doc = documents.attach(session, file.case.case_number, PDF, kind="consent", file_name="c.pdf")
    out = documents.save_copy(session, doc.id, tmp_path)
    assert out == tmp_path / "c.pdf" and out.read_bytes() == PDF
    actions = [row[0] for row in session.db.execute("SELECT action FROM audit_log")]
    assert "document_saved" in actions and "document_added" in actions


def test_a_small_phone_photo_still_loses_where_it_was_taken(session):
    file = new_case(session)
    small = photo(800, 600, exif_place=True)
    assert len(small) < 1024 * 1024
    doc = documents.attach(session, file.case.case_number, small, kind="photo", file_name="a.jpg")
    _, data = documents.read_document(session, doc.id)
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (800, 600) and not image.getexif()
