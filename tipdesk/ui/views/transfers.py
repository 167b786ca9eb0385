"""The Transfers screen: cases handed between offices (pelimpahan), incoming and
outgoing, with their state; a supervisor accepts or declines one offered to this office.
And the case file's part of it: the banner saying how a case stands between offices, and
the hold that keeps a copy read-only."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain.errors import TipdeskError
from tipdesk.domain.vocab import TRANSFER_STATUS
from tipdesk.services.access import permissions
from tipdesk.services.casework import transfers
from tipdesk.services.casework.transfers import CaseStanding, TransferView
from tipdesk.services.session import Session
from tipdesk.ui.dates import format_date
from tipdesk.ui.dialogs.errors import refusal_text
from tipdesk.ui.dialogs.transfer import DeclineDialog, accept_transfer
from tipdesk.ui.models.case_list import Column, RowsModel, vocab_label
from tipdesk.ui.settings import app_settings
from tipdesk.ui.widgets.forms import ERROR_STYLE, OK_STYLE, WARNING_STYLE, message_label
from tipdesk.ui.widgets.lists import RowActivation, list_table

_C = "TransfersView"


def _office(code: str, name: str) -> str:
    return f"{code} · {name}" if name else code


COLUMNS = (
    Column(_C, QT_TRANSLATE_NOOP("TransfersView", "Case no."), lambda v: v.case_number),
    Column(_C, QT_TRANSLATE_NOOP("TransfersView", "From"), lambda v: _office(v.from_code, "")),
    Column(_C, QT_TRANSLATE_NOOP("TransfersView", "To"), lambda v: _office(v.to_code, "")),
    Column(
        _C,
        QT_TRANSLATE_NOOP("TransfersView", "Requested on"),
        lambda v: format_date(v.transfer.requested_on),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("TransfersView", "Status"),
        lambda v: vocab_label(TRANSFER_STATUS, v.transfer.status),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("TransfersView", "Decided on"),
        lambda v: format_date(v.transfer.decided_on) if v.transfer.decided_on else "",
    ),
)
# The filter: which transfers show (a province sees those between two districts in All).
FILTERS = (
    ("incoming", QT_TRANSLATE_NOOP("TransfersView", "Incoming")),
    ("outgoing", QT_TRANSLATE_NOOP("TransfersView", "Outgoing")),
    ("", QT_TRANSLATE_NOOP("TransfersView", "All")),
)


class TransfersView(QWidget):
    """Transfers, newest first, filtered; the chosen one's reasons below it."""

    open_case_requested = Signal(str)
    decided = Signal(str)  # the case number of a transfer this office accepted or declined

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.may_decide = permissions.allowed(session, "transfer_cases")
        self.found: list[TransferView] = []
        title = QLabel(self.tr("Transfers"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.filter = QComboBox(self)
        self.filter.setObjectName("direction")
        for code, text in FILTERS:
            self.filter.addItem(self.tr(text), code)
        self.filter.setCurrentIndex(len(FILTERS) - 1)
        self.filter.currentIndexChanged.connect(lambda _i: self._show())
        self.message = message_label(self, screen=True)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.message, 1)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Show"), self))
        top.addWidget(self.filter)

        self.model = RowsModel(COLUMNS, key=lambda v: v.transfer.id, parent=self)
        self.view = list_table(self.model, self)
        self.view.setObjectName("transfers")
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_chosen())
        RowActivation(self.view, lambda _row: self.open_case())
        self.empty = QLabel(self)
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)
        self.empty.hide()

        self.heading = QLabel(self)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.heading.setWordWrap(True)
        self.details = {
            key: QLabel(self)
            for key in ("from", "to", "requested", "moving", "reason", "decided", "decision")
        }
        for key, label in self.details.items():
            label.setObjectName(key)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.details["from"])
        form.addRow(self.tr("To"), self.details["to"])
        form.addRow(self.tr("Requested"), self.details["requested"])
        form.addRow(self.tr("Cases moving"), self.details["moving"])
        form.addRow(self.tr("Reason"), self.details["reason"])
        form.addRow(self.tr("Decided"), self.details["decided"])
        form.addRow(self.tr("Reason of the decision"), self.details["decision"])
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("accept")
        self.accept_button.setToolTip(self.tr("This office takes the person and their cases over"))
        self.accept_button.clicked.connect(self.accept_chosen)
        self.decline_button = QPushButton(self.tr("Decline…"), self)
        self.decline_button.setObjectName("decline")
        self.decline_button.clicked.connect(self.decline_chosen)
        self.open_button = QPushButton(self.tr("Open case"), self)
        self.open_button.setObjectName("open_case")
        self.open_button.clicked.connect(self.open_case)
        for button in (self.accept_button, self.decline_button):
            button.setVisible(self.may_decide)
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        for button in (self.accept_button, self.decline_button, self.open_button):
            buttons.addWidget(button)
        lower = QWidget(self)
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(buttons)
        box.addLayout(form)
        box.addStretch(1)
        upper = QWidget(self)
        above = QVBoxLayout(upper)
        above.setContentsMargins(0, 0, 0, 0)
        above.addWidget(self.empty)
        above.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.refresh()

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            self.found = transfers.list_transfers(self.session)
        except TipdeskError as exc:
            self._say(refusal_text(exc), ERROR_STYLE)
            self.found = []
        self._show()

    def set_direction(self, direction: str) -> None:
        """Show "incoming", "outgoing" or "" (all) transfers."""
        self.filter.setCurrentIndex(self.filter.findData(direction))

    def _show(self) -> None:
        chosen = self.chosen()
        wanted = self.filter.currentData()
        rows = [v for v in self.found if not wanted or v.direction == wanted]
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.empty.setText(
            self.tr("No transfers yet.")
            if not self.found
            else self.tr("None of the transfers is of this kind.")
        )
        self.empty.setVisible(not rows)
        ids = [v.transfer.id for v in rows]
        if rows:
            wanted_id = chosen.transfer.id if chosen is not None else None
            # The one chosen before stays chosen, else the first waiting for this office.
            waiting = [i for i, v in enumerate(rows) if v.waiting_for_us]
            row = ids.index(wanted_id) if wanted_id in ids else (waiting or [0])[0]
            self.view.selectRow(row)
        self._show_chosen()

    def chosen(self) -> TransferView | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def _show_chosen(self) -> None:
        view = self.chosen()
        waiting = view is not None and view.waiting_for_us
        self.accept_button.setEnabled(self.may_decide and waiting)
        self.decline_button.setEnabled(self.may_decide and waiting)
        self.open_button.setEnabled(view is not None and bool(view.case_number))
        if view is None:
            self.heading.setText("")
            for label in self.details.values():
                label.setText("")
            return
        t = view.transfer
        self.heading.setText(
            self.tr("Transfer of case {number}: {status}").format(
                number=view.case_number or "—", status=vocab_label(TRANSFER_STATUS, t.status)
            )
        )
        self.details["from"].setText(_office(view.from_code, view.from_name))
        self.details["to"].setText(_office(view.to_code, view.to_name))
        self.details["requested"].setText(
            " · ".join(x for x in (format_date(t.requested_on), t.requested_by) if x)
        )
        self.details["moving"].setText(str(view.cases_moving) if view.cases_moving else "")
        self.details["reason"].setText(t.reason)
        self.details["decided"].setText(
            " · ".join(x for x in (format_date(t.decided_on), t.decided_by) if x)
            if t.decided_on
            else self.tr("Waiting for {office}").format(office=view.to_code)
        )
        self.details["decision"].setText(t.decision_reason)

    # --- actions ------------------------------------------------------------------------

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()

    def accept_chosen(self) -> None:
        view = self.chosen()
        if view is None or not view.waiting_for_us:
            return
        accepted, refusal = accept_transfer(self.session, view, self)
        if refusal:
            self._say(refusal, ERROR_STYLE)
        if not accepted:
            return
        self.refresh()
        self._say(
            self.tr("Case {number} is this office's now.").format(number=view.case_number),
            OK_STYLE,
        )
        self.decided.emit(view.case_number)

    def decline_chosen(self) -> None:
        view = self.chosen()
        if view is None or not view.waiting_for_us:
            return
        if not DeclineDialog.run(self.session, view.case_number, self):
            return
        self.refresh()
        self._say(
            self.tr("Transfer of case {number} declined; {office} keeps it.").format(
                number=view.case_number, office=view.from_code
            ),
            OK_STYLE,
        )
        self.decided.emit(view.case_number)

    def open_case(self) -> None:
        view = self.chosen()
        if view is not None and view.case_number:
            self.open_case_requested.emit(view.case_number)


# --- the case file's part -----------------------------------------------------------------


class ReadOnlyGuard(QObject):
    """Holds a case file read-only (a copy handed over, or offered and not yet accepted):
    its edit buttons stay disabled whatever enables them again (a selection, a reload),
    and a double click, Enter or Delete in its lists opens or removes nothing."""

    KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.held: list[QWidget] = []
        self.views: list[QAbstractItemView] = []

    @property
    def active(self) -> bool:
        return bool(self.held or self.views)

    def hold(self, widgets: Sequence[QWidget], views: Sequence[QAbstractItemView]) -> None:
        self.release()
        self.held, self.views = list(widgets), list(views)
        for widget in self.held:
            widget.installEventFilter(self)
            widget.setEnabled(False)
        for view in self.views:
            view.installEventFilter(self)
            view.viewport().installEventFilter(self)

    def release(self) -> None:
        held, views = self.held, self.views
        self.held, self.views = [], []
        for widget in held:
            widget.removeEventFilter(self)
            widget.setEnabled(True)  # what it is now, the case file's next reload says
        for view in views:
            view.removeEventFilter(self)
            view.viewport().removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.EnabledChange and watched in self.held:
            assert isinstance(watched, QWidget)
            if watched.isEnabled():
                watched.setEnabled(False)
            return False
        if kind == QEvent.Type.MouseButtonDblClick:
            return any(watched is view.viewport() for view in self.views)
        if kind == QEvent.Type.KeyPress and watched in self.views:
            assert isinstance(event, QKeyEvent)
            return event.key() in self.KEYS
        return False


class StandingBanner(QFrame):
    """How a case stands between offices, at the top of its case file: handed over (a
    read-only copy), offered to this office (Accept, Decline… for a supervisor), asked
    for and waiting, declined (said once); and each office where the same person is
    registered as well."""

    accept_requested = Signal()
    decline_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("transfer_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.shown_declined: set[str] = set()  # said in this case file: said again here
        self.text = QLabel(self)
        self.text.setObjectName("banner_text")
        self.text.setWordWrap(True)
        self.text.setStyleSheet(WARNING_STYLE)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.links = QLabel(self)
        self.links.setObjectName("links_text")
        self.links.setWordWrap(True)
        self.links.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("accept_transfer")
        self.accept_button.clicked.connect(self.accept_requested)
        self.decline_button = QPushButton(self.tr("Decline…"), self)
        self.decline_button.setObjectName("decline_transfer")
        self.decline_button.clicked.connect(self.decline_requested)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.text)
        texts.addWidget(self.links)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addLayout(texts, 1)
        row.addWidget(self.accept_button)
        row.addWidget(self.decline_button)
        self.hide()

    def show_standing(self, standing: CaseStanding) -> None:
        lines = self._transfer_lines(standing)
        links = [
            self.tr("The same person is registered at {office} (case {number}).").format(
                office=link.other_office_name or link.other_office_code,
                number=link.other_case_number or "—",
            )
            for link in standing.links
        ]
        self.text.setText("\n".join(lines))
        self.text.setVisible(bool(lines))
        self.links.setText("\n".join(links))
        self.links.setVisible(bool(links))
        view = standing.transfer
        decide = (
            view is not None
            and view.waiting_for_us
            and permissions.allowed(self.session, "transfer_cases")
        )
        self.accept_button.setVisible(decide)
        self.decline_button.setVisible(decide)
        self.setVisible(bool(lines or links))

    def _transfer_lines(self, standing: CaseStanding) -> list[str]:
        view = standing.transfer
        if view is None:
            owner = standing.owner_name or standing.owner_code
            return (
                [self.tr("Read-only copy: the case belongs to {office}.").format(office=owner)]
                if standing.read_only
                else []
            )
        t = view.transfer
        to_office = view.to_name or view.to_code
        from_office = view.from_name or view.from_code
        if t.status == "accepted":
            day = format_date(t.decided_on)
            if standing.read_only:
                return [
                    self.tr("Handed over to {office} on {date} — read-only copy.").format(
                        office=to_office, date=day
                    )
                ]
            if view.direction == "incoming":
                return [
                    self.tr("Received from {office} on {date}.").format(
                        office=from_office, date=day
                    )
                ]
            return []
        if t.status == "requested":
            day = format_date(t.requested_on)
            if not view.waiting_for_us:
                return [
                    self.tr(
                        "Transfer to {office} requested on {date} — waiting for its decision."
                    ).format(office=to_office, date=day)
                ]
            lines = [
                self.tr("Offered by {office} on {date} — accept or decline.").format(
                    office=from_office, date=day
                )
            ]
            if t.reason:
                lines.append(self.tr("Reason: {reason}").format(reason=t.reason))
            if standing.read_only:
                lines.append(self.tr("Until it is accepted, this is a read-only copy."))
            return lines
        if t.status == "declined" and self._declined_unseen(t.id):
            return [
                self.tr("The transfer to {office} was declined on {date}: {reason}").format(
                    office=to_office, date=format_date(t.decided_on), reason=t.decision_reason
                )
            ]
        return []

    def _declined_unseen(self, transfer_id: str) -> bool:
        """A declined transfer is said once: in the first case file opened after it
        (and while that case file stays open)."""
        if transfer_id in self.shown_declined:
            return True
        key = f"transfers/declined_seen/{transfer_id}"
        settings = app_settings()
        if settings.value(key, False, type=bool):
            return False
        settings.setValue(key, True)
        self.shown_declined.add(transfer_id)
        return True
