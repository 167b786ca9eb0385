"""``tipdesk transfer request|accept|decline|list|letter`` (issue 23): a case handed from
KUP to BEL through their province NTT, with real batches between the commands."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.conftest import run
from tests.helpers import (
    TODAY,
    Office,
    cli_environment,
    close_all,
    copy_offices,
    letter_settings,
    new_case,
    send,
    stick_in,
)
from tipdesk.services import letters

REASON = "Korban kembali ke keluarganya di Atambua."


@dataclass
class Trio:
    kup: Office
    bel: Office
    ntt: Office
    stick: Path
    case: str  # KUP's case, with consent to refer
    unconsented: str  # KUP's case without it

    def relay(self, sender: Office, receiver: Office, name: str) -> None:
        """``sender``'s next batch to ``receiver`` through the province, with the
        registers opened for it and closed again (the commands open them too)."""
        for office in (sender, self.ntt, receiver):
            office.session = office.open()
        try:
            send(sender, self.ntt, self.stick / f"{name}-1.tipbatch")
            send(self.ntt, receiver, self.stick / f"{name}-2.tipbatch")
        finally:
            close_all((sender, self.ntt, receiver))


@pytest.fixture(scope="module")
def enrolled(tmp_path_factory, enrolled_trio) -> Trio:
    """KUP with its letter settings and two cases; one full round, so each office knows
    the others; every register closed."""
    where = tmp_path_factory.mktemp("transfer-cli")
    kup, bel, ntt = copy_offices(enrolled_trio, where)
    letters.save_letter_settings(kup.session, letter_settings())
    consent = dict(consent_services=True, consent_date=TODAY, consent_by="korban")
    case = new_case(kup.session, **consent).case.case_number
    unconsented = new_case(kup.session, {"full_name": "Yohana Seran", "nik": ""}).case.case_number
    stick = stick_in(where)
    for n, (a, b) in enumerate(((kup, ntt), (bel, ntt), (ntt, kup), (ntt, bel))):
        send(a, b, stick / f"start-{n}.tipbatch")
    close_all((kup, bel, ntt))
    return Trio(kup, bel, ntt, stick, case, unconsented)


@pytest.fixture
def trio(tmp_path, monkeypatch, enrolled) -> Trio:
    """A copy of ``enrolled`` of the test's own (closed), and the commands' environment."""
    offices = copy_offices((enrolled.kup, enrolled.bel, enrolled.ntt), tmp_path)
    close_all(offices)
    cli_environment(monkeypatch, tmp_path)
    return Trio(*offices, stick_in(tmp_path), enrolled.case, enrolled.unconsented)


def listed(capsys, office: Office) -> list[dict]:
    code, out, err = run(capsys, "transfer", "list", office.folder, "--json")
    assert code == 0, err
    return json.loads(out)


def pdf_text(path: Path) -> str:
    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def request(capsys, trio: Trio, *extra) -> tuple[int, str, str]:
    return run(
        capsys, "transfer", "request", trio.kup.folder, trio.case, "--to", "BEL",
        "--reason", REASON, *extra,
    )  # fmt: skip


def test_a_request_with_its_letter_is_listed_as_outgoing_and_requested(trio, capsys, tmp_path):
    out_pdf = tmp_path / "pelimpahan.pdf"
    code, out, err = request(capsys, trio, "--letter", out_pdf)
    assert code == 0, err
    assert f"Transfer of case {trio.case} to BEL requested (1 case(s) of the person" in out
    [shown] = listed(capsys, trio.kup)
    number = shown["letter_number"]
    assert f"Issued: {number} -> {out_pdf}" in out
    assert "NOT encrypted" in err  # as `tipdesk letter` warns
    assert {k: shown[k] for k in ("case_number", "from", "to", "direction", "status")} == {
        "case_number": trio.case,
        "from": "KUP",
        "to": "BEL",
        "direction": "outgoing",
        "status": "requested",
    }
    assert shown["reason"] == REASON and shown["cases_moving"] == 1
    body = pdf_text(out_pdf)
    assert number in body and "Pelimpahan Penanganan Kasus" in body
    assert trio.case in body and REASON in body and "Kantor BEL" in body

    code, out, _ = run(capsys, "transfer", "list", trio.kup.folder)
    assert code == 0
    line = next(x for x in out.splitlines() if trio.case in x)
    assert "outgoing" in line and "KUP -> BEL" in line and "Requested" in line
    assert number in line


def test_a_second_request_and_bad_input_are_refused_in_one_line(trio, capsys, monkeypatch):
    assert request(capsys, trio)[0] == 0
    code, out, err = request(capsys, trio)
    assert (code, out) == (3, "")
    assert err == (
        f"tipdesk: A transfer of the person of case {trio.case} is already waiting for a "
        "decision; wait for it.\n"
    )
    monkeypatch.setenv("TIPDESK_LANG", "id")
    code, _, err = request(capsys, trio)
    assert code == 3 and "sudah diajukan dan belum diputuskan" in err
    monkeypatch.setenv("TIPDESK_LANG", "en")
    code, _, err = run(
        capsys, "transfer", "request", trio.kup.folder, trio.unconsented, "--to", "XYZ",
        "--reason", REASON,
    )  # fmt: skip
    assert code == 3 and "Office 'XYZ' is not known to this register." in err
    code, _, err = run(
        capsys, "transfer", "request", trio.kup.folder, trio.unconsented, "--to", "BEL",
        "--reason", "pindah",
    )  # fmt: skip
    assert code == 3 and "too short" in err
    # the sender cannot decide its own request; a decline needs its reason
    code, _, err = run(capsys, "transfer", "accept", trio.kup.folder, trio.case)
    assert code == 3 and "only that office decides it" in err
    with pytest.raises(SystemExit) as usage:
        run(capsys, "transfer", "decline", trio.bel.folder, trio.case)
    assert usage.value.code == 2
    assert "required: --reason" in capsys.readouterr().err
    assert [t["case_number"] for t in listed(capsys, trio.kup)] == [trio.case]


def test_accepted_at_the_receiving_office_after_real_batches(trio, capsys):
    assert request(capsys, trio)[0] == 0
    assert listed(capsys, trio.bel) == []  # not there before the batches carry it
    trio.relay(trio.kup, trio.bel, "ask")
    [offered] = listed(capsys, trio.bel)
    assert (offered["direction"], offered["status"]) == ("incoming", "requested")
    code, out, err = run(capsys, "transfer", "accept", trio.bel.folder, trio.case)
    assert code == 0, err
    assert f"Transfer of case {trio.case} accepted: this office now holds the person's file" in out
    trio.relay(trio.bel, trio.kup, "accept")
    [done] = listed(capsys, trio.kup)
    assert (done["direction"], done["status"], done["decided_by"]) == (
        "outgoing",
        "accepted",
        "admin",
    )
    assert done["decided_on"] is not None
    # KUP holds a read-only copy now: it cannot hand the case over again
    code, _, err = request(capsys, trio)
    assert code == 3 and f"Case {trio.case} is not this office's" in err


def test_declined_at_the_receiving_office_the_case_stays(trio, capsys, monkeypatch):
    assert request(capsys, trio)[0] == 0
    trio.relay(trio.kup, trio.bel, "ask")
    monkeypatch.setenv("TIPDESK_LANG", "id")
    code, out, err = run(
        capsys, "transfer", "decline", trio.bel.folder, trio.case, "--reason",
        "Keluarga korban tidak di Belu.",
    )  # fmt: skip
    assert code == 0, err
    assert f"Pelimpahan kasus {trio.case} ditolak; kasus tetap di KUP." in out
    trio.relay(trio.bel, trio.kup, "decline")
    [declined] = listed(capsys, trio.kup)
    assert declined["status"] == "declined"
    assert declined["decision_reason"] == "Keluarga korban tidak di Belu."
    code, out, _ = run(capsys, "transfer", "list", trio.kup.folder)
    assert "keluar" in out and "Ditolak" in out
    assert listed(capsys, trio.bel)[0]["status"] == "declined"


def test_the_letter_command_issues_and_reprints_byte_for_byte(trio, capsys, tmp_path):
    assert request(capsys, trio)[0] == 0
    first, again = tmp_path / "a.pdf", tmp_path / "b.pdf"
    code, out, err = run(
        capsys, "transfer", "letter", trio.kup.folder, trio.case, "--out", first, "--lang", "en"
    )
    assert code == 0, err
    number = listed(capsys, trio.kup)[0]["letter_number"]
    assert f"Issued: {number} -> {first}" in out and "NOT encrypted" in err
    assert "Transfer of a Case" in pdf_text(first)
    code, out, _ = run(
        capsys, "transfer", "letter", trio.kup.folder, trio.case, "--out", again, "--reprint"
    )
    assert code == 0 and f"Reprinted: {number} -> {again}" in out
    assert again.read_bytes() == first.read_bytes()
    code, _, err = run(capsys, "transfer", "letter", trio.kup.folder, trio.case, "--out", again)
    assert code == 3 and f"already has letter {number}" in err
    # the receiving office writes no letter for a transfer it did not ask for
    trio.relay(trio.kup, trio.bel, "ask")
    code, _, err = run(
        capsys, "transfer", "letter", trio.bel.folder, trio.case, "--out", tmp_path / "c.pdf"
    )
    assert code == 3
    assert err == (
        f"tipdesk: This office has not asked for a transfer of case {trio.case}; the "
        "transfer letter is written by the office that asked.\n"
    )
    assert not (tmp_path / "c.pdf").exists()


def test_a_refused_letter_leaves_the_request_standing_and_says_how_to_issue_it(
    trio, capsys, tmp_path
):
    out_pdf = tmp_path / "pelimpahan.pdf"
    code, out, err = run(
        capsys, "transfer", "request", trio.kup.folder, trio.unconsented, "--to", "BEL",
        "--reason", REASON, "--letter", out_pdf,
    )  # fmt: skip
    assert code == 3
    assert f"Transfer of case {trio.unconsented} to BEL requested" in out
    assert "consent" in err.splitlines()[0]
    assert f"tipdesk transfer letter REGISTER {trio.unconsented} --out FILE.pdf" in err
    assert not out_pdf.exists()
    [standing] = listed(capsys, trio.kup)
    assert (standing["status"], standing["letter_number"]) == ("requested", "")
