"""``tipdesk simfoni list|record|remove`` (issue 25): the cases of a period not yet
entered into SIMFONI-PPA, recorded once each."""

from __future__ import annotations

import json

from tests.cli.conftest import run


def cases_of(capsys, demo) -> list[dict]:
    code, out, err = run(
        capsys, "simfoni", "list", demo, "--from", "01/01/2000", "--to", "31/12/2026", "--json"
    )
    assert code == 0, err
    return json.loads(out)


def test_record_list_and_remove(demo, capsys):
    every = cases_of(capsys, demo)
    assert every and all(c["reference"] is None for c in every)
    first, second = every[0]["case_number"], every[1]["case_number"]
    code, out, err = run(
        capsys, "simfoni", "record", demo, first, "--reference", "5371/2026/00123",
        "--date", "02/12/2026",
    )  # fmt: skip
    assert code == 0, err and first in out
    [entered] = [c for c in cases_of(capsys, demo) if c["reference"]]
    assert entered["case_number"] == first and entered["entered_on"] == "2026-12-02"
    code, out, _ = run(
        capsys, "simfoni", "list", demo, "--from", "01/01/2000", "--to", "31/12/2026",
        "--missing",
    )  # fmt: skip
    assert first not in out and second in out
    assert f"{len(every)} cases, 1 entered into SIMFONI-PPA, {len(every) - 1} not yet" in out
    # Twice, or the same reference for another case: refused, nothing changed.
    code, _, err = run(capsys, "simfoni", "record", demo, first, "--reference", "X-1")
    assert code == 3 and "already recorded" in err
    code, _, err = run(capsys, "simfoni", "record", demo, second, "--reference", "5371/2026/00123")
    assert code == 3 and first in err
    code, _, err = run(
        capsys, "simfoni", "list", demo, "--from", "31/12/2026", "--to", "01/01/2026"
    )
    assert code == 3 and "ends before it starts" in err
    assert run(capsys, "simfoni", "remove", demo, first)[0] == 0
    assert all(c["reference"] is None for c in cases_of(capsys, demo))
