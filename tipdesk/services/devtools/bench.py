"""``tipdesk bench``: the budgets of the register core, each with the raw figure it should
be compared with, measured in the same run on the same machine.

Every measure is ``{"value", "unit", "baseline", "budget"}``; later issues add measures
without changing that shape.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import random
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from tipdesk.domain.records import LetterSettings, Office, User
from tipdesk.security.keyslots import KdfParams, derive
from tipdesk.services.access import analysis
from tipdesk.services.casework.cases import find_cases, open_case, save_case_file
from tipdesk.services.devtools import demo_pools
from tipdesk.services.devtools.demo import add_demo_cases
from tipdesk.services.devtools.document_measures import document_measures
from tipdesk.services.devtools.measures import (  # noqa: F401 (used by the app's measures too)
    STEPS,
    measure,
    median_ms,
    peak_memory_mb,
    report_in_child,
    resident_memory_mb,
)
from tipdesk.services.devtools.people_measures import people_measures
from tipdesk.services.register import create_register, open_register
from tipdesk.storage import benchmarks, search
from tipdesk.storage.files import temporary_folder

PASSWORD = "bench-password-not-secret"


def bare_search(session, text: str, *, limit: int = 50) -> list[int]:
    """The bare FTS5 query a search is compared with."""
    return search.bare_match(session.db, text, limit=limit)


def letter_render(session, samples: int = 15) -> dict:
    """Median time to render a one-page referral letter (a draft, through the service,
    so reading the referral is included), against a bare ReportLab document of the same
    text in a built-in font."""
    from tipdesk.services import letters
    from tipdesk.services.letters import templates as letter_templates

    letters.save_letter_settings(
        session,
        LetterSettings(
            letterhead=[
                "PEMERINTAH KOTA KUPANG",
                "DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK",
                "UPTD PERLINDUNGAN PEREMPUAN DAN ANAK",
            ],
            address_lines=["Jl. Contoh No. 1, Kupang 85111"],
            city="Kupang",
            signatory_title="Kepala UPTD PPA Kota Kupang",
            signatory_name="Nama Kepala",
            signatory_nip="198001012005012001",
            copies=["Arsip"],
        ),
    )
    ids = benchmarks.sample_referral_ids(session.db, samples * 4, seed=17)
    one_page = []
    for referral_id in ids:  # the first render also loads the fonts: a warm-up
        letter = letters.draft_letter(session, referral_id)
        if letter_templates.page_count(letter.pdf) == 1:
            one_page.append((referral_id, letter.content))
        if len(one_page) == samples:
            break
    value = statistics.median(
        median_ms(functools.partial(letters.draft_letter, session, r), 3) for r, _c in one_page
    )
    baseline = statistics.median(
        median_ms(functools.partial(bare_letter, c), 3) for _r, c in one_page
    )
    return measure(value, "ms", baseline, 50)


def bare_letter(content) -> bytes:
    """The letter's words as plain paragraphs in Helvetica: what ReportLab costs alone."""
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["Normal"]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(
        [Paragraph(escape(line), style) for line in letter_words(content)]
    )
    return buffer.getvalue()


def letter_words(c) -> list[str]:
    from tipdesk.services.letters import templates as letter_templates

    return [
        *c.letterhead,
        *c.address_lines,
        f"{c.city}, {c.date}",
        c.number,
        c.subject,
        *c.addressee,
        c.addressee_place,
        c.register_number,
        c.initials,
        str(c.age),
        c.sex,
        *c.services,
        c.reason,
        c.urgency,
        c.worker_name,
        c.worker_phone,
        *letter_templates.TEXT[c.language].values(),
        c.signatory_title,
        c.signatory_name,
        c.signatory_nip,
        *c.copies,
    ]


def sync_measures(district_folder: Path, tmp: Path, plain_insert_s: float) -> dict:
    """Export the whole bench register as one batch to a new province and import it
    there. Baselines: serialising the same rows with the standard library plus age
    encryption; plain sqlite-utils inserts of the same rows (measured for demo_generation)."""
    import pyrage

    from tipdesk.services import sync

    province_folder = tmp / "province"
    create_register(
        province_folder,
        Office(code="BPR", name="Bench province", level="province", region_code="53"),
        User(username="bench", role="admin"),
        PASSWORD,
    )
    with (
        open_register(district_folder, "bench", PASSWORD) as district,
        open_register(province_folder, "bench", PASSWORD) as province,
    ):
        for src, dst in ((district, province), (province, district)):
            path, fingerprint = sync.export_key_file(src, tmp / f"{src.office.code}.tipkey")
            sync.trust_key_file(dst, path.read_bytes(), fingerprint)
        started = time.perf_counter()
        batch = sync.export_batch(district, "BPR", tmp / "bench.tipbatch").path
        export_s = time.perf_counter() - started
        data, serialise_s = benchmarks.raw_serialise(district.db)
        recipient = pyrage.x25519.Identity.generate().to_public()
        started = time.perf_counter()
        pyrage.encrypt(data, [recipient])
        raw_export_s = serialise_s + time.perf_counter() - started
        del data
    # The same province twice: one keeps an analysis copy current, one has none (the
    # batch read once before, so that neither meets it cold).
    bare_folder = tmp / "province-bare"
    shutil.copytree(province_folder, bare_folder)
    batch.read_bytes()
    with open_register(province_folder, "bench", PASSWORD) as province:
        started = time.perf_counter()
        sync.import_batch(province, batch)
        import_s = time.perf_counter() - started
    with open_register(bare_folder, "bench", PASSWORD) as bare, without_analysis_copy(bare):
        started = time.perf_counter()
        sync.import_batch(bare, batch)
        bare_import_s = time.perf_counter() - started
    return {
        "sync_export": measure(export_s, "s", raw_export_s, 20),
        "sync_import": measure(import_s, "s", plain_insert_s, 30),
        # Budget: the copy adds under 25% to the import (issue 19).
        "analysis_import": measure(import_s, "s", bare_import_s, round(1.25 * bare_import_s, 3)),
    }


@contextlib.contextmanager
def without_analysis_copy(session):
    """The session as it would be if TipDesk kept no analysis copy: no notes of written
    records, no refresh after a write (put back at the end, and the copy made current)."""
    after = session.after_write
    benchmarks.drop_analysis_triggers(session.db)
    session.after_write = None
    try:
        yield
    finally:
        session.after_write = after
        benchmarks.restore_analysis_triggers(session.db)
        analysis.keep_current(session)


def analysis_save(session, numbers: list[str], *, blocks: int = 4) -> dict:
    """Saving a case file with the analysis copy kept current, against the same saves with
    no copy, in alternating blocks of the same cases so that both meet the same machine
    and the same records (the first save of a block, which meets the schema anew, is not
    counted). Budget: under 15% more."""
    times: dict[bool, list[float]] = {True: [], False: []}

    def save(number: str) -> float:
        file = open_case(session, number, audit=False)
        file.case.risk_level = "high" if file.case.risk_level != "high" else "medium"
        started = time.perf_counter()
        save_case_file(session, file.person, file.case)
        return (time.perf_counter() - started) * 1000

    for block in range(blocks):  # the same cases each time, with and without
        with_copy = block % 2 == 0
        with contextlib.ExitStack() as stack:
            if not with_copy:
                stack.enter_context(without_analysis_copy(session))
            times[with_copy] += [save(number) for number in numbers][1:]
    value, base = statistics.median(times[True]), statistics.median(times[False])
    return measure(value, "ms", base, round(1.15 * base, 3))


# Measures added by other parts (the desktop app): called with the bench register's
# folder, username and password; they return more ``{name: measure}``.
MoreMeasures = Callable[[Path, str, str], dict]


def bench_register(folder: Path, password: str = PASSWORD) -> None:
    """A new, empty district register in ``folder`` for the bench's user "bench"."""
    create_register(
        folder,
        Office(code="BEN", name="Bench office", level="district", region_code="53.71"),
        User(username="bench", role="admin"),
        password,
    )


def app_bench(
    more: MoreMeasures,
    cases: int = 1_000_000,
    *,
    register: Path | None = None,
    username: str = "demo",
    password: str = "",
) -> dict:
    """The desktop app's measures alone (``tipdesk bench --app-only``): on the demo
    register ``register`` if given (made once by ``tipdesk demo``: a province-scale one
    takes minutes to make), else on a new one of ``cases`` demo cases."""
    if register is not None:
        return dict(sorted(more(register, username, password).items()))
    with temporary_folder("bench") as tmp:
        folder = Path(tmp) / "register"
        bench_register(folder)
        STEPS.info(f"generating {cases:,} demo cases ...")
        with open_register(folder, "bench", PASSWORD) as session:
            add_demo_cases(session, cases, seed=7)
        return dict(sorted(more(folder, "bench", PASSWORD).items()))


def run_bench(
    cases: int = 100_000,
    *,
    more: MoreMeasures | None = None,
    statistics_cases: int = 1_000_000,
    documents: int = 1000,
) -> dict:
    results: dict[str, dict] = {}
    start_memory = peak_memory_mb()
    with temporary_folder("bench") as tmp:
        folder = Path(tmp) / "register"
        bench_register(folder)
        STEPS.info(f"generating {cases:,} demo cases ...")
        with open_register(folder, "bench", PASSWORD) as session:
            started = time.perf_counter()
            add_demo_cases(session, cases, seed=7)
            generated = time.perf_counter() - started
        STEPS.info("unlocking ...")
        unlock_ms = median_ms(lambda: open_register(folder, "bench", PASSWORD).close(), 3)
        params = KdfParams()
        kdf_ms = median_ms(lambda: derive(PASSWORD, b"0123456789abcdef", params), 3)
        results["unlock_open"] = measure(unlock_ms, "ms", kdf_ms, 1000)

        with open_register(folder, "bench", PASSWORD) as session:
            db = session.db
            rng = random.Random(11)
            sample = benchmarks.sample_names(db, 2000)
            queries = rng.sample(demo_pools.FEMALE_GIVEN, 30) + rng.sample(sample, 30)
            STEPS.info("searching ...")
            for q in queries[:5]:  # warm the page cache, as a person's first look would
                find_cases(session, q, limit=50)
            search_ms = statistics.median(
                median_ms(functools.partial(find_cases, session, q, limit=50), 3) for q in queries
            )
            bare_ms = statistics.median(
                median_ms(functools.partial(search.bare_match, db, q, limit=50), 3) for q in queries
            )
            results["name_search"] = measure(search_ms, "ms", bare_ms, 50)

            STEPS.info("loading cases ...")
            numbers = benchmarks.sample_case_numbers(db, 200, seed=13)
            load_ms = statistics.median(
                median_ms(functools.partial(open_case, session, n), 3) for n in numbers
            )
            raw_ms = statistics.median(
                median_ms(functools.partial(benchmarks.raw_case, db, n), 3) for n in numbers
            )
            results["load_case"] = measure(load_ms, "ms", raw_ms, 20)

            STEPS.info("saving cases, with the analysis copy and without ...")
            results["analysis_save"] = analysis_save(session, numbers[:40])

            STEPS.info("rendering letters ...")
            results["letter_render"] = letter_render(session)
            peak = peak_memory_mb()
            results["peak_memory"] = measure(peak or 0.0, "MB", start_memory, 300)

            STEPS.info("baseline: plain sqlite-utils inserts of the same rows ...")
            insert_s = benchmarks.plain_inserts(db)
        results["demo_generation"] = measure(cases / generated, "cases/s", cases / insert_s, 5000)
        STEPS.info("sync: exporting every case to a new province, importing it there ...")
        results.update(sync_measures(folder, Path(tmp), insert_s))
        if more is not None:
            results.update(more(folder, "bench", PASSWORD))
        if statistics_cases:
            results.update(statistics_measures(Path(tmp), statistics_cases))
            # one person across districts (issue 23), on a province of the same size
            results.update(people_measures(Path(tmp), statistics_cases))
        if documents:
            # documents of 1 MB (issue 24), on a district and a province of their own
            results.update(document_measures(Path(tmp), documents))
    return dict(sorted(results.items()))


def statistics_measures(tmp: Path, cases: int) -> dict:
    """The statistics budgets on a province register of ``cases`` cases from 20 districts
    (written by SQLite: storage/benchmarks.fill_statistics_register): one month's full
    report, and the anonymised export. Baselines: counting the cases the report reads
    through the same indexes, and writing every case's exported columns to CSV as read,
    with no anonymisation."""
    from tipdesk.domain.vocab import VOCABULARIES
    from tipdesk.services import reports
    from tipdesk.services.reports import stats_export

    folder = tmp / "statistics"
    create_register(
        folder,
        Office(code="BST", name="Bench statistics", level="province", region_code="53"),
        User(username="bench", role="admin"),
        PASSWORD,
    )
    STEPS.info(f"statistics: writing a {cases:,}-case province ...")
    with open_register(folder, "bench", PASSWORD) as session:
        offices = [session.office.id] + [f"bench-office-{i:02d}" for i in range(19)]
        benchmarks.add_bench_offices(session.db, offices[1:])
        codes = {
            name: list(VOCABULARIES[vocab].codes())
            for name, vocab in (
                ("exploitation", "exploitation"),
                ("labour_sector", "labour_sector"),
                ("means_of_control", "means_of_control"),
                ("recruitment_method", "recruitment_method"),
                ("recruiter_relationship", "recruiter_relationship"),
                ("country", "country"),
                ("service_type", "service_type"),
            )
        }
        regions = [
            f"{p}.{k:02d}.01.1001"
            for p in ("53", "52", "51", "35", "33", "32")
            for k in range(1, 12)
        ]
        benchmarks.fill_statistics_register(
            session.db, cases, offices, codes=codes, regions=regions
        )
    with open_register(folder, "bench", PASSWORD) as session:
        session.today = lambda: dt.date(2026, 11, 30)
        start, end = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
        STEPS.info("statistics: the monthly report ...")
        reports.build_report(session, start, end)  # warm the page cache
        report_s = statistics.median(
            _seconds(lambda: reports.build_report(session, start, end)) for _ in range(3)
        )
        scan_s = statistics.median(
            _seconds(lambda: benchmarks.plain_count(session.db, start.isoformat(), end.isoformat()))
            for _ in range(3)
        )
        STEPS.info("statistics: the yearly report ...")
        year_start = dt.date(2025, 12, 1)
        year_s = _seconds(lambda: reports.build_report(session, year_start, end))
        year_scan_s = _seconds(
            lambda: benchmarks.plain_count(session.db, year_start.isoformat(), end.isoformat())
        )
        STEPS.info("statistics: the anonymised export ...")
        export_s = _seconds(lambda: stats_export.export_stats(session, tmp / "stats.csv"))
        raw_s = _seconds(lambda: benchmarks.plain_csv(session.db, tmp / "raw.csv"))
    # A year's report and its CSV in a process of its own, as `tipdesk report` runs it: its
    # peak memory (signing in apart); baseline, the same process signing in alone.
    STEPS.info("statistics: the yearly report's memory, in a process of its own ...")
    child = report_in_child(folder, "bench", PASSWORD, year_start, end, tmp / "year.csv")
    bare = report_in_child(folder, "bench", PASSWORD, "-", end, tmp / "none.csv")
    return {
        "report_monthly": measure(report_s, "s", scan_s, 5),
        "report_yearly": measure(year_s, "s", year_scan_s, 15),
        "report_memory": measure(child["peak_mb"], "MB", bare["peak_mb"], 400),
        "stats_export": measure(export_s, "s", raw_s, 30),
    }


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started
