"""``tipdesk incident list|show``: the incidents that brought many victims at once, and
each victim's case, status and last legal step (issue 22)."""

import json

from tests.cli.conftest import run
from tests.helpers import cli_environment, demo_register, sign_in
from tipdesk.services.casework.cases import open_case, update_case_fields


def _the_incident(capsys, folder):
    code, out, err = run(capsys, "incident", "list", folder, "--json")
    assert code == 0, err
    found = json.loads(out)
    assert len(found) == 1
    return found[0]


def test_list_and_show_name_the_deportation_and_its_forty_victims(demo, capsys, monkeypatch):
    incident = _the_incident(capsys, demo)
    assert incident["kind"] == "deportation" and incident["cases"] == 40
    number = incident["incident_number"]
    assert number.startswith("KUP-KJ-")

    code, out, _ = run(capsys, "incident", "list", demo)
    assert code == 0
    assert number in out and "Deportation" in out and "40 cases" in out

    code, out, _ = run(capsys, "incident", "show", demo, number)
    assert code == 0
    assert f"== Incident {number}" in out
    assert "Victims (40)" in out and "Nunukan" in out
    shown = json.loads(run(capsys, "incident", "show", demo, number, "--json")[1])
    victims = shown["victims"]
    assert shown["cases"] == 40 and shown["hidden"] == 0 and len(victims) == 40
    # each line: the case number, the victim's name, the status in words, the last step
    for victim in victims[:5]:
        line = next(x for x in out.splitlines() if victim["case_number"] in x)
        assert victim["full_name"] in line
    assert any("no legal step yet" in x for x in out.splitlines()[6:])

    monkeypatch.setenv("TIPDESK_LANG", "id")
    code, out, _ = run(capsys, "incident", "show", demo, number)
    assert code == 0
    assert f"== Kejadian {number}" in out and "Korban (40)" in out and "Deportasi" in out
    code, out, _ = run(capsys, "incident", "list", demo)
    assert "40 kasus" in out and "Deportasi" in out


def test_show_json_gives_each_victims_case_as_show_does(demo, capsys):
    number = _the_incident(capsys, demo)["incident_number"]
    shown = json.loads(run(capsys, "incident", "show", demo, number, "--json")[1])
    assert shown["incident"]["incident_number"] == number
    with_steps = [v for v in shown["victims"] if v["last_legal_step"]][:3]
    for victim in [*with_steps, shown["victims"][0]]:
        case = json.loads(run(capsys, "show", demo, victim["case_number"], "--json")[1])
        assert case["case"]["incident_id"] == shown["incident"]["id"]
        assert case["person"]["full_name"] == victim["full_name"]
        assert case["case"]["status"] == victim["status"]
        steps = sorted(case["legal_steps"], key=lambda s: (s["step_on"], s["id"]))
        expected = {"kind": steps[-1]["kind"], "on": steps[-1]["step_on"]} if steps else None
        assert victim["last_legal_step"] == expected


def test_an_unknown_incident_is_refused_in_the_users_language(demo, capsys, monkeypatch):
    code, out, err = run(capsys, "incident", "show", demo, "KUP-KJ-1999-9999")
    assert code == 3 and out == ""
    assert "Incident 'KUP-KJ-1999-9999' was not found in this register." in err
    assert "Traceback" not in err
    monkeypatch.setenv("TIPDESK_LANG", "id")
    code, _, err = run(capsys, "incident", "show", demo, "KUP-KJ-1999-9999")
    assert code == 3
    assert "Kejadian 'KUP-KJ-1999-9999' tidak ditemukan" in err


def test_a_caseworker_sees_the_names_of_her_own_victims_only(tmp_path, capsys, monkeypatch):
    folder = demo_register(
        tmp_path / "reg", 60, seed=4, accounts={"ani": "caseworker", "ana": "analyst"}
    )
    cli_environment(monkeypatch, tmp_path, user="admin")
    number = _the_incident(capsys, folder)["incident_number"]
    everyone = json.loads(run(capsys, "incident", "show", folder, number, "--json")[1])
    mine, other = everyone["victims"][0], everyone["victims"][1]
    with sign_in(folder, "admin") as admin:
        update_case_fields(admin, mine["case_number"], {"assigned_to": "ani"})
        assert open_case(admin, other["case_number"]).case.assigned_to != "ani"

    monkeypatch.setenv("TIPDESK_USER", "ani")
    shown = json.loads(run(capsys, "incident", "show", folder, number, "--json")[1])
    assert [v["case_number"] for v in shown["victims"]] == [mine["case_number"]]
    assert shown["hidden"] == 39 and shown["cases"] == 40
    code, out, _ = run(capsys, "incident", "show", folder, number)
    assert code == 0
    assert mine["full_name"] in out and other["full_name"] not in out
    assert other["case_number"] not in out
    assert "and 39 more cases that are not yours (not shown)" in out

    monkeypatch.setenv("TIPDESK_USER", "ana")  # an analyst sees no case, nor its names
    code, out, err = run(capsys, "incident", "show", folder, number)
    assert code == 3 and mine["full_name"] not in out + err


def test_showing_an_incidents_victims_is_audited(demo, capsys):
    number = _the_incident(capsys, demo)["incident_number"]

    def viewed() -> list[dict]:
        found = json.loads(run(capsys, "audit", demo, "--json")[1])
        return [e for e in found if e["action"] == "incident_viewed"]

    before = len(viewed())
    run(capsys, "incident", "list", demo)  # no names: not a read to audit
    assert len(viewed()) == before
    shown = json.loads(run(capsys, "incident", "show", demo, number, "--json")[1])
    after = viewed()
    assert len(after) == before + 1
    assert after[0]["record_id"] == shown["incident"]["id"] and after[0]["username"] == "demo"
    code, out, _ = run(capsys, "audit", demo)
    assert code == 0 and "Incident's victims viewed" in out


def test_search_for_an_incidents_number_finds_its_cases(demo, capsys):
    number = _the_incident(capsys, demo)["incident_number"]
    shown = json.loads(run(capsys, "incident", "show", demo, number, "--json")[1])
    code, out, _ = run(capsys, "search", demo, number.lower(), "--json", "--limit", "100")
    assert code == 0
    found = json.loads(out)
    assert sorted(f["case_number"] for f in found) == sorted(
        v["case_number"] for v in shown["victims"]
    )
