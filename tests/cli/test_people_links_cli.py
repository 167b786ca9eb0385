"""``tipdesk people-links list|scan|link|unlink|dismiss``: the province's review list and
its decisions, and a district's view of its links, from the command line (issue 23)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.cli.conftest import run
from tests.helpers import cli_environment, new_case, send


@pytest.fixture
def offices(three_offices, monkeypatch, tmp_path):
    """KUP and BEL each registered a Juariah Nahak (in two spellings), and Maria Bria
    under one NIK; the province NTT holds all four; every session closed for the
    commands (reopened at the end for the fixture's cleanup)."""
    kup, bel, ntt, stick = three_offices
    made = {
        "kup_juariah": new_case(
            kup.session, {"full_name": "Djuariah Nahak", "birth_date": dt.date(1990, 5, 1)}
        ),
        "bel_juariah": new_case(
            bel.session, {"full_name": "Juariah Nahak", "birth_date": dt.date(1991, 2, 1)}
        ),
        "kup_maria": new_case(kup.session, {"nik": "5371014403990001"}),
        "bel_maria": new_case(bel.session, {"full_name": "Maria Bria", "nik": "5371014403990001"}),
    }
    send(kup, ntt, stick)
    send(bel, ntt, stick)
    cli_environment(monkeypatch, tmp_path)
    for office in (kup, bel, ntt):
        office.session.close()
    numbers = {key: file.case.case_number for key, file in made.items()}
    yield kup, bel, ntt, stick, numbers
    for office in (kup, bel, ntt):
        office.session = office.open()


def _candidates(capsys, ntt) -> list[dict]:
    code, out, err = run(capsys, "people-links", "list", ntt.folder, "--candidates", "--json")
    assert code == 0, err
    return json.loads(out)


def test_scan_then_list_the_candidates_best_first(offices, capsys):
    _kup, _bel, ntt, _stick, numbers = offices
    code, out, err = run(capsys, "people-links", "scan", ntt.folder)
    assert code == 0, err
    assert "Check done: 2 pairs may be one person." in out

    found = _candidates(capsys, ntt)
    assert [pair["reasons"] for pair in found] == [["same_nik", "similar_name"], ["similar_name"]]
    nik_pair = {side["office"]: side for side in (found[0]["a"], found[0]["b"])}
    assert nik_pair["KUP"]["case_numbers"] == [numbers["kup_maria"]]
    assert nik_pair["BEL"]["full_name"] == "Maria Bria"
    assert nik_pair["BEL"]["nik"] == "5371014403990001"

    code, out, _ = run(capsys, "people-links", "list", ntt.folder, "--candidates")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2 pairs may be one person:"
    assert lines[1].startswith("== Same NIK, Similar name")
    assert any(numbers["bel_juariah"] in x and "Juariah Nahak" in x for x in lines)
    assert "Similar name, compatible age" in out


def test_link_list_and_unlink(offices, capsys):
    _kup, _bel, ntt, _stick, numbers = offices
    run(capsys, "people-links", "scan", ntt.folder)
    code, out, err = run(
        capsys,
        "people-links",
        "link",
        ntt.folder,
        numbers["kup_juariah"],
        numbers["bel_juariah"],
        "--json",
    )
    assert code == 0, err
    made = json.loads(out)
    assert {made["case_number_a"], made["case_number_b"]} == {
        numbers["kup_juariah"],
        numbers["bel_juariah"],
    }
    assert [p["reasons"] for p in _candidates(capsys, ntt)] == [["same_nik", "similar_name"]]

    code, out, _ = run(capsys, "people-links", "list", ntt.folder)
    assert code == 0
    assert made["id"] in out and "(KUP)" in out and "(BEL)" in out
    shown = json.loads(run(capsys, "people-links", "list", ntt.folder, "--json")[1])
    assert [row["id"] for row in shown] == [made["id"]]

    # a second link of the same pair: refused, exit 3, in the user's words
    code, out, err = run(
        capsys, "people-links", "link", ntt.folder, numbers["bel_juariah"], numbers["kup_juariah"]
    )
    assert code == 3 and out == ""
    assert "already linked as one" in err

    code, _, err = run(capsys, "people-links", "unlink", ntt.folder, made["id"], "--reason", "x")
    assert code == 3 and "too short" in err
    code, out, _ = run(
        capsys,
        "people-links",
        "unlink",
        ntt.folder,
        made["id"],
        "--reason",
        "Dua orang berbeda, dicek ke keluarga",
    )
    assert code == 0 and f"Link {made['id']} removed." in out
    assert json.loads(run(capsys, "people-links", "list", ntt.folder, "--json")[1]) == []


def test_a_district_lists_its_links_as_the_other_office_and_case_number(offices, capsys):
    kup, _bel, ntt, stick, numbers = offices
    run(capsys, "people-links", "link", ntt.folder, numbers["kup_maria"], numbers["bel_maria"])
    for office in (ntt, kup):
        office.session = office.open()
    send(ntt, kup, stick)
    for office in (ntt, kup):
        office.session.close()

    code, out, err = run(capsys, "people-links", "list", kup.folder)
    assert code == 0, err
    assert (
        f"{numbers['kup_maria']}: the same person is known at BEL (Kantor BEL), "
        f"case {numbers['bel_maria']}" in out
    )
    [row] = json.loads(run(capsys, "people-links", "list", kup.folder, "--json")[1])
    assert row["case_number"] == numbers["kup_maria"]
    assert row["other"] == {
        "office": "BEL",
        "office_name": "Kantor BEL",
        "case_number": numbers["bel_maria"],
    }
    assert "Maria Bria" not in out and "full_name" not in json.dumps(row)

    code, out, err = run(capsys, "people-links", "scan", kup.folder)
    assert code == 3 and out == ""
    assert "Only a province's register looks for and links one person" in err
    code, _, err = run(capsys, "people-links", "list", kup.folder, "--candidates")
    assert code == 3


def test_dismiss_keeps_a_pair_out_of_the_next_scan(offices, capsys, monkeypatch):
    _kup, _bel, ntt, _stick, numbers = offices
    run(capsys, "people-links", "scan", ntt.folder)
    code, out, _ = run(
        capsys,
        "people-links",
        "dismiss",
        ntt.folder,
        numbers["kup_juariah"],
        numbers["bel_juariah"],
    )
    assert code == 0 and "recorded as two people" in out
    assert run(capsys, "people-links", "scan", ntt.folder, "--json")[1].strip() == json.dumps(
        {"candidates": 1}, indent=2
    )
    assert [p["reasons"] for p in _candidates(capsys, ntt)] == [["same_nik", "similar_name"]]

    monkeypatch.setenv("TIPDESK_LANG", "id")
    code, _, err = run(
        capsys, "people-links", "link", ntt.folder, numbers["kup_juariah"], "KUP-1999-9999"
    )
    assert code == 3 and "KUP-1999-9999" in err and "tidak ditemukan" in err
    code, out, _ = run(capsys, "people-links", "list", ntt.folder)
    assert code == 0 and "Belum ada tautan orang yang sama." in out
