"""``tipdesk selftest``: does this installation work? (issue 8)

Builds two throwaway offices in a temporary folder — a district and its province — and
runs through what an office does: create a register, register a case, issue a referral
letter, export a batch, import it at the province, read the figures. Each step is timed
and reported; one failure does not hide the others' results where they can still run.
The folder is deleted at the end. Only synthetic data is used.
"""

from __future__ import annotations

import datetime as dt
import shutil
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tipdesk.domain import records as r
from tipdesk.storage.files import temp_folder

PASSWORD = "selftest-password"
STEP_COUNT = 6  # a step that could not run (an earlier one failed) is missing


@dataclass(frozen=True)
class Step:
    name: str
    ok: bool
    ms: float
    detail: str = ""  # on failure: the exception type and where it was raised


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1] if frames else None
    place = f" at {Path(last.filename).name}:{last.lineno} in {last.name}" if last else ""
    return f"{type(exc).__name__}{place}"


def run_selftest(report: Callable[[Step], None] = lambda _: None) -> list[Step]:
    """Run every step, calling ``report`` after each; return them all."""
    from tipdesk.security.keyslots import KdfParams
    from tipdesk.services import letters, reports, sync
    from tipdesk.services.casework import cases
    from tipdesk.services.register import create_register, open_register

    kdf = KdfParams(time_cost=1, memory_kib=16 * 1024, parallelism=1)
    steps: list[Step] = []
    state: dict = {}
    tmp = temp_folder("selftest")

    def step(name: str, action: Callable[[], object]) -> bool:
        started = time.perf_counter()
        try:
            action()
            result = Step(name, True, (time.perf_counter() - started) * 1000)
        except Exception as exc:  # every failure is reported, never raised
            result = Step(name, False, (time.perf_counter() - started) * 1000, _where(exc))
        steps.append(result)
        report(result)
        return result.ok

    def create() -> None:
        for code, level, region in (("TST", "district", "53.71"), ("TSP", "province", "53")):
            create_register(
                tmp / code,
                r.Office(code=code, name=f"Self-test {code}", level=level, region_code=region),
                r.User(username="selftest", role="admin"),
                PASSWORD,
                kdf=kdf,
                letter_settings=r.LetterSettings(
                    letterhead=["PEMERINTAH KOTA UJI", f"UPTD PPA {code}"],
                    city="Kupang",
                    signatory_title="Kepala UPTD PPA",
                    signatory_name="Uji Coba",
                ),
            )
        state["district"] = open_register(tmp / "TST", "selftest", PASSWORD)
        state["province"] = open_register(tmp / "TSP", "selftest", PASSWORD)

    def add_case() -> None:
        s = state["district"]
        person = r.Person(
            full_name="Uji Coba Sintetis",
            sex="female",
            birth_date=dt.date(2000, 1, 1),
            region_code="53.71",
        )
        case = r.Case(
            opened_on=s.today(),
            exploitation_types=["forced_labour"],
            consent_services=True,
            consent_date=s.today(),
            consent_by="korban",
        )
        file, _ = cases.create_case(s, person, case)
        provider = r.Provider(name="RSUD Uji", provider_type="hospital", region_code="53.71")
        cases.create_provider(s, provider)
        referral = r.Referral(
            case_id=file.case.id,
            provider_id=provider.id,
            services_requested=["health"],
            reason="Pemeriksaan.",
        )
        cases.add_referral(s, referral)
        state["case_number"], state["referral"] = file.case.case_number, referral.id
        assert cases.find_cases(s, "Sintetis")[0]["case_number"] == file.case.case_number

    def letter() -> None:
        issued = letters.issue_letter(state["district"], state["referral"])
        assert issued.pdf.startswith(b"%PDF") and issued.number

    def export() -> None:
        d, p = state["district"], state["province"]
        for src, dst in ((d, p), (p, d)):
            path, fingerprint = sync.export_key_file(src, tmp / f"{src.office.code}.tipkey")
            sync.trust_key_file(dst, path.read_bytes(), fingerprint)
        state["batch"] = sync.export_batch(d, "TSP", tmp).path
        assert b"Sintetis" not in state["batch"].read_bytes()

    def import_() -> None:
        summary = sync.import_batch(state["province"], state["batch"])
        assert summary.applied > 0
        assert cases.open_case(state["province"], state["case_number"]).person.full_name

    def figures() -> None:
        s = state["province"]
        report_ = reports.build_report(s, s.today().replace(day=1), s.today())
        assert report_.tables["summary"].value("new_cases") == 1

    try:
        ok = step("create two registers (district, province)", create)
        ok = ok and step("register a case with a referral and search it", add_case)
        if ok:
            step("render and issue a referral letter (PDF)", letter)
            if step("export an encrypted, signed batch", export) and step(
                "import the batch at the province", import_
            ):
                step("build the statistics report", figures)
    finally:
        for key in ("district", "province"):
            if key in state:
                state[key].close()
        shutil.rmtree(tmp, ignore_errors=True)
    return steps
