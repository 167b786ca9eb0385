"""The desktop app's budgets for ``tipdesk bench``, each with the raw figure measured in
the same run on the same register.

- ``app_start``: a new process, from launch to a main window showing the first page of
  the register list (imports, unlocking, opening, building the window); baseline: a new
  process that only imports Qt and shows an empty window.
- ``list_first_page``: a new register list model (count, up to where the list stops
  counting, + first page); baseline: the same two service calls without Qt.
- ``list_search``: a search typed into the list model, until its first page is there;
  baseline: the bare FTS5 query.
- ``list_sort``: the slowest of sorting the list model by each of its columns (either
  way) and of grouping it by person, until the first page is there; ``detail`` names
  that column. Baseline: the service calls of ``list_first_page`` without Qt.
- ``home``: the Home page built and filled (``HomeView``); baseline: the service call
  that reads what it shows (``listing.dashboard``).
- ``open_case_window``: the case file widget for one case, built and filled; baseline:
  loading the same case through the service.
- ``open_full_case``: the case file of a case with a full journey (10 legal steps, 20 plan
  goals, 30 services), built, filled, shown and drawn; baseline: loading it through the
  service. ``group_intake``: 40 victims registered in one sitting; baseline: the same 40
  cases made one at a time (services/devtools/journey_measures.py).
- ``app_memory``: resident memory of the ``app_start`` process once ready; baseline: the
  bare Qt process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tipdesk.services.devtools.measures import STEPS
from tipdesk.services.devtools.measures import measure as _measure
from tipdesk.services.devtools.measures import median_ms as _median_ms

READY = "tipdesk-bench-ready"


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY") and sys.platform != "win32":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _timed_process(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(ms from launch to the READY line, resident MB the process reported)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    try:
        for line in process.stdout:
            if line.startswith(READY):
                elapsed = (time.perf_counter() - start) * 1000
                return elapsed, float(line.split()[1])
        raise RuntimeError("the app process ended before it was ready")
    finally:
        process.kill()
        process.wait()


BARE_QT = f"""
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 720)
window.show()
app.processEvents()
from tipdesk.services.devtools.measures import resident_memory_mb
print("{READY}", resident_memory_mb(), flush=True)
"""


def start_and_report(folder: str, username: str) -> None:
    """The measured process: open the register and the main window, say when ready."""
    from PySide6.QtWidgets import QApplication

    from tipdesk.services.devtools.measures import resident_memory_mb
    from tipdesk.services.register import open_register
    from tipdesk.ui.app import application
    from tipdesk.ui.main_window import MainWindow

    app = application()
    session = open_register(Path(folder), username, os.environ["TIPDESK_PASSWORD"])
    window = MainWindow(session)
    window.show_page("register")
    window.show()
    QApplication.processEvents()
    print(READY, resident_memory_mb(), flush=True)
    app.processEvents()
    session.close()


def measure(folder: Path, username: str, password: str) -> dict:
    """The app's measures on the register in ``folder`` (already full of demo cases)."""
    from tipdesk.services.casework import listing
    from tipdesk.services.casework.cases import open_case
    from tipdesk.services.devtools.bench import bare_search
    from tipdesk.services.register import open_register
    from tipdesk.ui.app import application
    from tipdesk.ui.models.case_list import CaseListModel
    from tipdesk.ui.views.case_file import CaseFileWidget
    from tipdesk.ui.views.home import LIMIT as HOME_LIMIT
    from tipdesk.ui.views.home import HomeView

    results: dict[str, dict] = {}
    env = _child_env()
    env["TIPDESK_PASSWORD"] = password
    env.setdefault("XDG_CONFIG_HOME", str(folder.parent / "config"))
    STEPS.info("desktop app: starting ...")
    starts = [
        _timed_process(["-m", "tipdesk.ui.bench", str(folder), username], env) for _ in range(3)
    ]
    bares = [_timed_process(["-c", BARE_QT], env) for _ in range(3)]
    start_ms = statistics.median(ms for ms, _ in starts)
    results["app_start"] = _measure(start_ms, "ms", statistics.median(ms for ms, _ in bares), 2000)
    results["app_memory"] = _measure(
        max(mb for _, mb in starts), "MB", max(mb for _, mb in bares), 400
    )

    if os.environ.get("QT_QPA_PLATFORM") is None and "QT_QPA_PLATFORM" in env:
        os.environ["QT_QPA_PLATFORM"] = env["QT_QPA_PLATFORM"]
    application()
    with open_register(folder, username, password) as session:
        STEPS.info("desktop app: register list ...")
        everything = listing.CaseFilter()
        first_ms = _median_ms(lambda: CaseListModel(session), 5)
        raw_first_ms = _median_ms(
            lambda: (
                listing.count_cases(session, everything, at_most=CaseListModel.COUNT_AT_MOST + 1),
                listing.list_cases(session, everything),
            ),
            5,
        )
        results["list_first_page"] = _measure(first_ms, "ms", raw_first_ms, 50)

        model = CaseListModel(session)
        names = [row.full_name.split()[0] for row in model.rows()[:30]]
        search_ms = statistics.median(
            _median_ms(lambda q=q: model.set_filter(listing.CaseFilter(text=q))) for q in names
        )
        bare_ms = statistics.median(
            _median_ms(lambda q=q: bare_search(session, q, limit=100)) for q in names
        )
        results["list_search"] = _measure(search_ms, "ms", bare_ms, 100)
        model.set_filter(everything)

        STEPS.info("desktop app: sorting the register list by each column ...")
        worst, sort_ms = _slowest_sort(model)
        results["list_sort"] = {**_measure(sort_ms, "ms", raw_first_ms, 200), "detail": worst}

        STEPS.info("desktop app: Home ...")
        home_ms = _median_ms(lambda: HomeView(session).deleteLater(), 5)
        raw_home_ms = _median_ms(lambda: listing.dashboard(session, limit=HOME_LIMIT), 5)
        results["home"] = _measure(home_ms, "ms", raw_home_ms, 300)

        STEPS.info("desktop app: case files ...")
        numbers = [model.case_number_at(i) for i in range(min(20, model.rowCount()))]

        def open_widget(number: str) -> None:
            widget = CaseFileWidget(session, number)
            widget.deleteLater()

        open_ms = statistics.median(_median_ms(lambda n=n: open_widget(n)) for n in numbers)
        raw_open_ms = statistics.median(
            _median_ms(lambda n=n: open_case(session, n)) for n in numbers
        )
        results["open_case_window"] = _measure(open_ms, "ms", raw_open_ms, 150)
    results.update(_journey_measures(password))
    results.update(_document_measures(password))
    return results


def _document_measures(password: str) -> dict[str, dict]:
    """``document_show``: from asking to view a 5 MB scan to its page on screen (budget
    300 ms), the slower of a phone photo (JPEG) and an image-only PDF, each the median of
    five, on a register of its own; baseline: reading the same bytes from the register
    (the service alone, nothing drawn)."""
    import io

    from PIL import Image
    from PySide6.QtWidgets import QApplication

    from tipdesk.services.casework import documents
    from tipdesk.services.devtools import journey_measures as jm
    from tipdesk.services.register import open_register
    from tipdesk.ui.dialogs.document import DocumentViewer

    def shown(viewer: DocumentViewer) -> bool:
        """The page's pixels are on screen: the middle of the view is not one colour."""
        view = viewer.image or viewer.pdf_view
        shot = view.viewport().grab().toImage()
        w, h = shot.width() // 2, shot.height() // 2
        return len({shot.pixel(w + dx, h + dy) for dx in range(-20, 20, 4) for dy in (0, 8)}) > 3

    STEPS.info("desktop app: a 5 MB scan shown ...")
    image = Image.effect_noise((3500, 2500), 40).convert("RGB")
    scans = {}
    for kind in ("JPEG", "PDF"):
        out = io.BytesIO()
        image.save(out, kind, quality=88)
        scans[kind] = out.getvalue()
    worst, worst_kind, raw = 0.0, "", 0.0
    with (
        jm.journey_register(password) as (folder, number),
        open_register(folder, "bench", password) as session,
    ):
        for kind, data in scans.items():
            doc = documents.attach(session, number, data, kind="photo", file_name="", scale=False)
            times = []
            for _ in range(6):  # the first builds Qt's caches: left out
                start = time.perf_counter()
                viewer = DocumentViewer(*documents.read_document(session, doc.id))
                viewer.show()
                while not shown(viewer):
                    QApplication.processEvents()
                    time.sleep(0.002)
                times.append((time.perf_counter() - start) * 1000)
                viewer.done(0)
                viewer.deleteLater()
                QApplication.processEvents()
            kind_ms = statistics.median(times[1:])
            if kind_ms > worst:
                worst, worst_kind = kind_ms, kind
                raw = _median_ms(lambda d=doc: documents.read_document(session, d.id), 5)
    return {"document_show": {**_measure(worst, "ms", raw, 300), "detail": worst_kind}}


def _journey_measures(password: str) -> dict[str, dict]:
    """``open_full_case`` and ``group_intake`` (see journey_measures) on a register of
    their own, so that a register given to the bench is only read."""
    from PySide6.QtWidgets import QApplication

    from tipdesk.services.casework.cases import open_case
    from tipdesk.services.devtools import journey_measures as jm
    from tipdesk.services.register import open_register
    from tipdesk.ui.views.case_file import CaseFileWidget

    results: dict[str, dict] = {}
    STEPS.info("desktop app: a case file with a full journey ...")
    with (
        jm.journey_register(password) as (folder, number),
        open_register(folder, "bench", password) as session,
    ):
        times = []
        for _ in range(8):  # the first opening builds Qt's caches: left out
            start = time.perf_counter()
            widget = CaseFileWidget(session, number)
            widget.resize(1024, 700)
            widget.show()  # laid out and drawn, as the user sees it
            QApplication.processEvents()
            times.append((time.perf_counter() - start) * 1000)
            widget.hide()
            widget.deleteLater()
            QApplication.processEvents()  # deleted between openings, untimed
        open_ms = statistics.median(times[1:])
        raw_ms = _median_ms(lambda: open_case(session, number), 7)
        results["open_full_case"] = _measure(open_ms, "ms", raw_ms, 150)
        STEPS.info("case journey: group intake of 40 victims ...")
        grouped, single = jm.group_intake_seconds(session)
        results["group_intake"] = _measure(grouped, "s", single, 2)
    return results


def _slowest_sort(model) -> tuple[str, float]:
    """(column, median ms) of the slowest way to order the list model: by a column, either
    way (each timed after the list was put in another order), or grouped by person."""
    from PySide6.QtCore import Qt

    timings: dict[str, float] = {}
    columns = [i for i, c in enumerate(model.columns) if c.sort_key]
    for column in columns:
        other = columns[0] if column != columns[0] else columns[1]
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):

            def sort(column: int = column, order: Qt.SortOrder = order) -> None:
                model.sort(column, order)

            times = []
            for _ in range(3):
                model.sort(other, order)
                times.append(_median_ms(sort, 1))
            way = "desc" if order == Qt.SortOrder.DescendingOrder else "asc"
            name = f"{model.columns[column].sort_key} {way}"
            timings[name] = statistics.median(times)
    times = []
    for _ in range(3):
        model.set_grouped(False)
        times.append(_median_ms(lambda: model.set_grouped(True), 1))
    model.set_grouped(False)
    timings["person (grouped)"] = statistics.median(times)
    worst = max(timings, key=timings.__getitem__)
    return worst, timings[worst]


if __name__ == "__main__":
    start_and_report(sys.argv[1], sys.argv[2])
