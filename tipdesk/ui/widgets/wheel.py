"""The mouse wheel scrolls the form, not the value under the pointer.

Combo boxes, spin boxes and date edits take the wheel only when they have the keyboard
focus (given by a click or Tab, never by the wheel itself); otherwise the wheel goes to
the scroll area around them. One mechanism covers every form and dialog: the
application's style, which polishes each widget once before it is first shown, gives each
such widget that focus policy and an event filter of its own. (An application-wide event
filter did the same, but ran Python for every event of every widget: half the time it
took to open a case file.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProxyStyle,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Event filter of each guarded widget: see the module docstring."""

    def guard(self, widget: QWidget) -> None:
        # No focus from the wheel (Qt's default for these): a click or Tab gives it.
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(self)  # a second install replaces the first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel:
            return False
        assert isinstance(watched, QWidget)
        if watched.hasFocus():
            return False
        area = _scroll_area_around(watched)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)
            event.accept()
        else:
            event.ignore()  # Qt passes an ignored wheel on to the parent widgets
        return True


class _GuardingStyle(QProxyStyle):
    """The platform's style, unchanged, that guards each combo and spin box it polishes."""

    def __init__(self, guard: WheelGuard, base: str) -> None:
        super().__init__(base)  # a proxy of the style the application had
        self.guard = guard

    def polish(self, *args):  # type: ignore[override]
        if len(args) == 1 and isinstance(args[0], GUARDED):
            self.guard.guard(args[0])
        return super().polish(*args)


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return parent if isinstance(parent, QAbstractScrollArea) else None


def install(app: QApplication) -> WheelGuard:
    """Install the guard on ``app`` once (calling again returns the same guard)."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        guard.style_ = _GuardingStyle(guard, app.style().name())  # the app owns it now
        app.setStyle(guard.style_)
        # Widgets made before (none in the app; a test's fixtures) are guarded now.
        for widget in app.allWidgets():
            if isinstance(widget, GUARDED):
                guard.guard(widget)
    return guard
