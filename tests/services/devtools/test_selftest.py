"""The installation self-test (issue 8) runs every step and says when one fails."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tipdesk import cli
from tipdesk.services.devtools import selftest


def test_every_step_passes_and_the_folder_is_gone(monkeypatch, tmp_path):
    made = []
    real = selftest.temp_folder

    def spy(kind):
        made.append(real(kind))
        return made[-1]

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(selftest, "temp_folder", spy)
    steps = selftest.run_selftest()
    assert [s.ok for s in steps] == [True] * selftest.STEP_COUNT
    assert made and not Path(made[0]).exists()


def test_a_failing_step_is_reported_and_the_command_fails(monkeypatch, capsys):
    from tipdesk.services import letters

    def broken(*args, **kwargs):
        raise RuntimeError("the printer caught fire")

    monkeypatch.setattr(letters, "issue_letter", broken)
    assert cli.main(["selftest"]) == cli.EXIT_ERROR
    out = capsys.readouterr().out
    assert "FAIL render and issue a referral letter (PDF)" in out
    assert "RuntimeError at test_selftest.py" in out
    assert "the printer caught fire" not in out  # messages may hold data: never shown
    assert "ok   export an encrypted, signed batch" in out
    assert out.strip().endswith(f"{selftest.STEP_COUNT - 1} passed, 1 failed")
