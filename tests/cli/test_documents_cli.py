"""``tipdesk documents list|add|get`` (issue 24), and the documents in ``show --json``,
``person-export`` (a zip), ``check`` and ``erase``."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from PIL import Image

from tests.cli.conftest import PASSWORD, run
from tests.helpers import add_account
from tipdesk.services.register import open_register


@pytest.fixture
def demo(env, capsys):
    """A small demo register with a supervisor, sari (who may erase)."""
    folder = env / "demo"
    assert run(capsys, "demo", str(folder), "--cases", "20", "--seed", "5")[0] == 0
    with open_register(folder, "demo", PASSWORD) as session:
        add_account(session, "sari", "supervisor", PASSWORD)
    return folder


def photo() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((2600, 1800), 50).convert("RGB").save(out, "JPEG", quality=95)
    return out.getvalue()


PDF = b"%PDF-1.4\n% a scanned police report\n%%EOF\n"


def first(capsys, demo) -> str:
    code, out, err = run(capsys, "search", str(demo), "a", "--json", "--user", "sari")
    assert code == 0, err
    return json.loads(out)[0]["case_number"]


def listed(capsys, demo, number) -> list[dict]:
    code, out, err = run(capsys, "documents", "list", demo, number, "--json", "--user", "sari")
    assert code == 0, err
    return json.loads(out)


def test_add_list_get_and_show(demo, env, capsys):
    number = first(capsys, demo)
    (env / "IMG_0042.jpg").write_bytes(photo())
    (env / "lp.pdf").write_bytes(PDF)
    code, out, err = run(
        capsys, "documents", "add", demo, number, env / "IMG_0042.jpg", "--kind", "photo",
        "--date", "03/11/2026", "--user", "sari",
    )  # fmt: skip
    assert code == 0, err and number in out
    code, _, err = run(
        capsys, "documents", "add", demo, number, env / "lp.pdf", "--kind", "police_report",
        "--note", "LP dari Polres", "--user", "sari",
    )  # fmt: skip
    assert code == 0, err
    docs = listed(capsys, demo, number)
    by_kind = {d["kind"]: d for d in docs}
    assert by_kind["photo"]["media_type"] == "jpeg"
    assert by_kind["photo"]["document_on"] == "2026-11-03"
    assert by_kind["photo"]["size"] < (env / "IMG_0042.jpg").stat().st_size  # scaled down
    assert by_kind["police_report"]["size"] == len(PDF)
    # show --json lists them, without their bytes
    code, out, _ = run(capsys, "show", demo, number, "--json", "--user", "sari")
    shown = json.loads(out)["documents"]
    assert {d["id"] for d in shown} == {d["id"] for d in docs}
    assert all(set(d) >= {"kind", "size", "sha256"} and "data" not in d for d in shown)
    # get writes a plain copy where told, with the warning
    out_file = env / "copy.pdf"
    code, out, err = run(
        capsys, "documents", "get", demo, number, by_kind["police_report"]["id"],
        "--out", out_file, "--user", "sari",
    )  # fmt: skip
    assert code == 0 and out_file.read_bytes() == PDF and "NOT encrypted" in err


def test_what_is_not_a_document_is_refused(demo, env, capsys):
    number = first(capsys, demo)
    (env / "notes.txt").write_text("Catatan korban", "utf-8")
    code, _, err = run(
        capsys, "documents", "add", demo, number, env / "notes.txt", "--kind", "other",
        "--user", "sari",
    )  # fmt: skip
    assert code == 3 and "not a PDF, JPEG, PNG or WebP" in err
    assert listed(capsys, demo, number) == []
    code, _, err = run(
        capsys, "documents", "get", demo, number, "no-such-id", "--out", env, "--user", "sari"
    )
    assert code == 3 and not list(env.glob("*.pdf"))


def test_person_export_check_and_erase(demo, env, capsys):
    number = first(capsys, demo)
    (env / "lp.pdf").write_bytes(PDF)
    run(
        capsys, "documents", "add", demo, number, env / "lp.pdf", "--kind", "police_report",
        "--user", "sari",
    )  # fmt: skip
    out = env / "person.zip"
    code, _, err = run(capsys, "person-export", demo, number, "--out", out, "--user", "sari")
    assert code == 0, err
    with zipfile.ZipFile(out) as archive:
        assert archive.read("documents/01-police_report.pdf") == PDF
        assert {"person.json", "person.pdf"} <= set(archive.namelist())
    code, out_text, _ = run(capsys, "check", demo, "--user", "sari")
    assert code == 0 and "ok     documents" in out_text
    # A document altered inside the register: check names it.
    with open_register(demo, "sari", PASSWORD) as session:
        session.db.execute("UPDATE document_bytes SET data = CAST('%PDF-x' AS BLOB)")
    code, out_text, _ = run(capsys, "check", demo, "--user", "sari")
    assert code == 3 and "FAILED documents" in out_text and "SHA-256" in out_text
    code, out_text, err = run(
        capsys, "erase", demo, number, "--reason", "person_request", "--yes", "--user", "sari"
    )
    assert code == 0, err
    assert "1 documents destroyed" in out_text
    with open_register(demo, "sari", PASSWORD) as session:
        assert session.db.execute("SELECT count(*) FROM document_bytes").fetchone()[0] == 0


def test_a_referral_letter_lists_the_documents_given(demo, env, capsys, monkeypatch):
    from pypdf import PdfReader

    from tests.cli.test_cli import _referral_with_consent

    monkeypatch.setenv("TIPDESK_USER", "sari")

    number, referral = _referral_with_consent(capsys, demo)
    (env / "Visum-Maria.pdf").write_bytes(PDF)
    code, _, err = run(
        capsys, "documents", "add", demo, number, env / "Visum-Maria.pdf",
        "--kind", "medical_report", "--date", "20/11/2026", "--user", "sari",
    )  # fmt: skip
    assert code == 0, err
    [doc] = listed(capsys, demo, number)
    out = env / "letter.pdf"
    code, _, err = run(
        capsys, "letter", demo, referral, "--out", out, "--lang", "en",
        "--document", doc["id"], "--user", "sari",
    )  # fmt: skip
    assert code == 0, err
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "1 (one) file" in text and "20 November 2026" in text
    assert "Visum-Maria" not in text
    code, _, err = run(
        capsys, "letter", demo, referral, "--out", env / "b.pdf", "--new",
        "--document", "not-a-document", "--user", "sari",
    )  # fmt: skip
    assert code == 3 and not (env / "b.pdf").exists()
