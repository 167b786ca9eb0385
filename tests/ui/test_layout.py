"""Every screen fits a 1024x768 laptop (in English and in the longer Indonesian), and the
mouse wheel scrolls forms without changing the value under the pointer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tests.conftest import TODAY, new_case
from tipdesk.ui import i18n
from tipdesk.ui.main_window import CaseFileWindow, MainWindow
from tipdesk.ui.widgets import wheel

SMALL = (1024, 768)


def fits(size, limit=SMALL) -> bool:
    return size.width() <= limit[0] and size.height() <= limit[1]


def shown_inside(widget: QWidget, window: QWidget) -> bool:
    """``widget`` is shown, whole, within ``window``'s rectangle."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return widget.isVisible() and window.rect().contains(rect)


def at_small_size(qtbot, window: QWidget) -> None:
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.show()
    qtbot.waitExposed(window)
    window.resize(*SMALL)
    QApplication.processEvents()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_main_screen_fits_1024_by_768(qtbot, qapp, session, lang):
    i18n.install(lang, qapp)
    session.today = lambda: TODAY
    new_case(session)
    window = MainWindow(session)
    qtbot.addWidget(window)
    at_small_size(qtbot, window)
    for key in list(window.pages):
        window.show_page(key)
        QApplication.processEvents()
        assert fits(window.minimumSizeHint()), (key, window.minimumSizeHint())
        assert fits(window.minimumSize()), key
        assert window.size().toTuple() == SMALL, key
    register = window.register_list
    window.show_page("register")
    QApplication.processEvents()
    for widget in (register.new_case, register.clear, register.count, register.opened_to):
        assert shown_inside(widget, window), widget.text() if hasattr(widget, "text") else widget


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_case_window_fits_1024_by_768_with_save_on_screen(qtbot, qapp, session, lang):
    i18n.install(lang, qapp)
    number = new_case(session).case.case_number
    window = CaseFileWindow(session, number)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    at_small_size(qtbot, window)
    assert fits(window.minimumSizeHint())
    assert fits(window.minimumSize())
    for index in range(window.widget.tabs.count()):
        window.widget.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        assert fits(window.minimumSizeHint()), index
        assert shown_inside(window.widget.save_button, window), index


def test_the_main_window_opens_maximised_on_a_laptop_screen(qtbot, session):
    # (the offscreen test screen is 800 px wide: a laptop's, and nothing is saved yet)
    window = MainWindow(session)
    qtbot.addWidget(window)
    assert window.windowState() & Qt.WindowState.WindowMaximized


# --- the wheel --------------------------------------------------------------------------------


def wheel_over(widget: QWidget, steps: int = -1) -> None:
    """One notch of the wheel (down for negative ``steps``) with the pointer on ``widget``."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def long_form(qtbot, qapp):
    """A combo box, a spin box and a date edit in a long form in a scroll area."""
    wheel.install(qapp)
    form = QWidget()
    layout = QVBoxLayout(form)
    combo = QComboBox()
    combo.addItems(["Indonesia", "Malaysia", "Singapura", "Taiwan"])
    spin = QSpinBox()
    date = QDateEdit()
    for widget in (combo, spin, date):
        layout.addWidget(widget)
    layout.addSpacing(3000)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(form)
    area.resize(300, 200)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    return area, combo, spin, date


def test_the_wheel_over_an_unfocused_combo_box_scrolls_the_form(qtbot, long_form):
    area, combo, spin, date = long_form
    area.setFocus()
    assert not combo.hasFocus()
    before = (combo.currentIndex(), spin.value(), date.date())
    for widget in (combo, spin, date):
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus
        wheel_over(widget)
    assert (combo.currentIndex(), spin.value(), date.date()) == before
    assert area.verticalScrollBar().value() > 0


def test_the_wheel_changes_a_focused_combo_box(qtbot, long_form):
    area, combo, _spin, _date = long_form
    area.activateWindow()
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel_over(combo)
    assert combo.currentIndex() == 1
    assert area.verticalScrollBar().value() == 0


def test_a_combo_box_with_a_style_sheet_of_its_own_is_guarded_too(qtbot, long_form):
    area, _combo, _spin, _date = long_form
    form = area.widget()
    styled = QComboBox()
    styled.addItems(["Kupang", "Ende", "Atambua"])
    styled.setStyleSheet("QComboBox { color: #7a1f1f; }")  # Qt polishes it through its own
    form.layout().insertWidget(0, styled)
    qtbot.waitUntil(styled.isVisible)
    area.setFocus()
    assert styled.focusPolicy() == Qt.FocusPolicy.StrongFocus
    wheel_over(styled)
    assert styled.currentIndex() == 0
    assert area.verticalScrollBar().value() > 0


def test_the_application_installs_the_wheel_guard_once(qapp):
    from tipdesk.ui.app import application

    assert application() is qapp
    application()
    assert len(qapp.findChildren(wheel.WheelGuard)) == 1


def test_a_provinces_register_fits_1024_by_768_with_its_office_filter(qtbot, qapp, offices):
    i18n.install("id", qapp)
    _district, province, _stick = offices
    window = MainWindow(province.session)
    qtbot.addWidget(window)
    at_small_size(qtbot, window)
    window.show_page("register")
    QApplication.processEvents()
    register = window.register_list
    assert register.province
    assert fits(window.minimumSizeHint())
    for widget in (register.office, register.new_case, register.clear, register.count):
        assert shown_inside(widget, window)
