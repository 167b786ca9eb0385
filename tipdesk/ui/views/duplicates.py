"""The province's duplicate review (issue 23): persons of two offices who may be one,
found by a scan that runs in the background; a supervisor links a pair ("same person") or
dismisses it ("not the same"); the links made, and unlinking one with a reason
(``tipdesk.services.casework.people_links``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import TipdeskError
from tipdesk.domain.vocab import DUPLICATE_REASON, VOCABULARIES
from tipdesk.services.casework import people_links
from tipdesk.services.casework.people_links import CandidatePair, LinkView
from tipdesk.services.session import Session
from tipdesk.ui.dates import format_date
from tipdesk.ui.dialogs.errors import refusal_text, report
from tipdesk.ui.dialogs.people_links import LinkDialog, UnlinkDialog, who
from tipdesk.ui.models.case_list import Column, RowsModel, format_count, vocab_label
from tipdesk.ui.operations import Operation, run_in_background
from tipdesk.ui.views.providers import region_text
from tipdesk.ui.widgets.forms import ERROR_STYLE, OK_STYLE, WARNING_STYLE, message_label
from tipdesk.ui.widgets.lists import list_table

_C = "DuplicatesView"


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


def _reasons(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(vocab_label(DUPLICATE_REASON, code) for code in codes)


def _born(person: r.Person, today: dt.date) -> str:
    """Birth date and age, or the estimated age."""
    age = r.age_of(person, today)
    if person.birth_date:
        return _t(QT_TRANSLATE_NOOP("DuplicatesView", "{date} ({age} years)")).format(
            date=format_date(person.birth_date), age=age
        )
    if age is not None:
        return _t(QT_TRANSLATE_NOOP("DuplicatesView", "about {age} years")).format(age=age)
    return ""


PAIR_COLUMNS = (
    Column(_C, QT_TRANSLATE_NOOP("DuplicatesView", "Why"), lambda p: _reasons(p.reasons)),
    Column(_C, QT_TRANSLATE_NOOP("DuplicatesView", "First person"), lambda p: who(p.a)),
    Column(_C, QT_TRANSLATE_NOOP("DuplicatesView", "Second person"), lambda p: who(p.b)),
    Column(
        _C,
        QT_TRANSLATE_NOOP("DuplicatesView", "Names alike"),
        lambda p: f"{round(p.score * 100)} %",
        align_right=True,
    ),
)


def _office_case(code: str, number: str) -> str:
    return f"{number} ({code})" if number else code


LINK_COLUMNS = (
    Column(
        _C,
        QT_TRANSLATE_NOOP("DuplicatesView", "Case"),
        lambda x: _office_case(x[1].get(x[0].link.office_a, ""), x[0].link.case_number_a),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("DuplicatesView", "Same person as"),
        lambda x: _office_case(x[1].get(x[0].link.office_b, ""), x[0].link.case_number_b),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("DuplicatesView", "Why"),
        lambda x: _reasons(tuple(x[0].link.reasons)),
    ),
    Column(
        _C,
        QT_TRANSLATE_NOOP("DuplicatesView", "Linked on"),
        lambda x: format_date(x[0].link.linked_on),
    ),
    Column(_C, QT_TRANSLATE_NOOP("DuplicatesView", "By"), lambda x: x[0].link.linked_by),
    Column(_C, QT_TRANSLATE_NOOP("DuplicatesView", "Note"), lambda x: x[0].link.note),
)
SIDE_FIELDS = (
    ("office", QT_TRANSLATE_NOOP("DuplicatesView", "Office")),
    ("name", QT_TRANSLATE_NOOP("DuplicatesView", "Name")),
    ("sex", QT_TRANSLATE_NOOP("DuplicatesView", "Sex")),
    ("born", QT_TRANSLATE_NOOP("DuplicatesView", "Born / age")),
    ("nik", QT_TRANSLATE_NOOP("DuplicatesView", "NIK")),
    ("region", QT_TRANSLATE_NOOP("DuplicatesView", "Region")),
    ("cases", QT_TRANSLATE_NOOP("DuplicatesView", "Cases")),
)


class DuplicatesView(QWidget):
    """Candidates (a scan finds them again) and the links made, in two tabs."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.operation: Operation | None = None
        title = QLabel(self.tr("Duplicates across offices"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.message = message_label(self, screen=True)
        self.scan_button = QPushButton(self.tr("Scan for duplicates"), self)
        self.scan_button.setObjectName("scan")
        self.scan_button.setToolTip(
            self.tr(
                "Compare every person of every office with those of the other offices "
                "(same NIK, or a similar name with a compatible age)"
            )
        )
        self.scan_button.clicked.connect(self.scan)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.message, 1)
        top.addStretch(1)
        top.addWidget(self.scan_button)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._candidates_tab(), self.tr("Candidates"))
        self.tabs.addTab(self._links_tab(), self.tr("Links"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    # --- layout ---------------------------------------------------------------------------

    def _candidates_tab(self) -> QWidget:
        self.count = QLabel(self)
        self.count.setObjectName("count")
        self.pairs_model = RowsModel(
            PAIR_COLUMNS, key=lambda p: f"{p.a.person.id} {p.b.person.id}", parent=self
        )
        self.pairs = list_table(self.pairs_model, self)
        self.pairs.setObjectName("candidates")
        self.pairs.horizontalHeader().setStretchLastSection(True)
        self.pairs.selectionModel().currentRowChanged.connect(lambda *_: self._show_pair())
        self.sides: list[dict[str, QLabel]] = []
        compare = QWidget(self)
        grid = QGridLayout(compare)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for row, (_key, text) in enumerate(SIDE_FIELDS):
            grid.addWidget(QLabel(_t(text), compare), row, 0)
        for column in (1, 2):
            labels = {}
            for row, (key, _text) in enumerate(SIDE_FIELDS):
                label = QLabel(compare)
                label.setObjectName(f"{key}_{column}")
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(label, row, column)
                labels[key] = label
            self.sides.append(labels)
        self.link_button = QPushButton(self.tr("Same person…"), self)
        self.link_button.setObjectName("link")
        self.link_button.setToolTip(
            self.tr("Link the two: each office learns the person is registered at the other")
        )
        self.link_button.clicked.connect(self.link_chosen)
        self.dismiss_button = QPushButton(self.tr("Not the same"), self)
        self.dismiss_button.setObjectName("dismiss")
        self.dismiss_button.setToolTip(self.tr("Two people: the pair is not proposed again"))
        self.dismiss_button.clicked.connect(self.dismiss_chosen)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.dismiss_button)
        lower = QWidget(self)
        box = QVBoxLayout(lower)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(compare)
        box.addLayout(buttons)
        box.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.pairs)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.count)
        layout.addWidget(splitter, 1)
        return tab

    def _links_tab(self) -> QWidget:
        self.links_model = RowsModel(LINK_COLUMNS, key=lambda x: x[0].link.id, parent=self)
        self.links = list_table(self.links_model, self)
        self.links.setObjectName("links")
        self.links.horizontalHeader().setStretchLastSection(True)
        self.links.selectionModel().currentRowChanged.connect(lambda *_: self._show_link())
        self.links_note = QLabel(self)
        self.links_note.setWordWrap(True)
        self.unlink_button = QPushButton(self.tr("Unlink…"), self)
        self.unlink_button.setObjectName("unlink")
        self.unlink_button.clicked.connect(self.unlink_chosen)
        row = QHBoxLayout()
        row.addWidget(self.links_note, 1)
        row.addWidget(self.unlink_button)
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.links, 1)
        return tab

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.load_candidates()
        self.load_links()

    def load_candidates(self) -> None:
        try:
            total = people_links.count_candidates(self.session)
        except TipdeskError as exc:
            self._say(refusal_text(exc), ERROR_STYLE)
            return
        session = self.session
        # The list can be long at a big province: read a page at a time as it scrolls.
        self.pairs_model.set_source(
            lambda: total,
            lambda offset, limit: people_links.candidates(session, limit=limit, offset=offset),
        )
        self.count.setText(
            self.tr("{count} pairs may be one person.").format(count=format_count(total))
            if total
            else self.tr("No pairs to review. Scan to look again.")
        )
        self.pairs.resizeColumnsToContents()
        if self.pairs_model.rowCount():
            self.pairs.selectRow(0)
        self._show_pair()

    def load_links(self) -> None:
        try:
            found = people_links.list_links(self.session)
            codes = people_links.office_codes(self.session)
        except TipdeskError as exc:
            self._say(refusal_text(exc), ERROR_STYLE)
            return
        self.links_model.set_rows([(link, codes) for link in found])
        self.links.resizeColumnsToContents()
        self.links_note.setText(
            self.tr("{count} links across offices.").format(count=len(found))
            if found
            else self.tr("No links yet.")
        )
        if found:
            self.links.selectRow(0)
        self._show_link()

    def chosen_pair(self) -> CandidatePair | None:
        index = self.pairs.currentIndex()
        if not index.isValid() or index.row() >= self.pairs_model.rowCount():
            return None
        return self.pairs_model.row_at(index.row())

    def chosen_link(self) -> LinkView | None:
        index = self.links.currentIndex()
        if not index.isValid() or index.row() >= self.links_model.rowCount():
            return None
        return self.links_model.row_at(index.row())[0]

    def _show_pair(self) -> None:
        pair = self.chosen_pair()
        self.link_button.setEnabled(pair is not None)
        self.dismiss_button.setEnabled(pair is not None)
        today = self.session.today()
        for labels, side in zip(
            self.sides, (pair.a, pair.b) if pair else (None, None), strict=True
        ):
            if side is None:
                for label in labels.values():
                    label.setText("")
                continue
            person = side.person
            labels["office"].setText(f"{side.office_code} · {side.office_name}")
            labels["name"].setText(person.full_name)
            labels["sex"].setText(vocab_label(VOCABULARIES["sex"], person.sex))
            labels["born"].setText(_born(person, today))
            labels["nik"].setText(person.nik)
            labels["region"].setText(region_text(person.region_code))
            labels["cases"].setText(", ".join(side.case_numbers))

    def _show_link(self) -> None:
        self.unlink_button.setEnabled(self.chosen_link() is not None)

    # --- actions --------------------------------------------------------------------------

    def _say(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)
        self.message.show()

    def scan(self) -> None:
        """Find every candidate again, in the background, with progress and Cancel."""
        if self.operation is not None:
            return
        session = self.session
        self.scan_button.setEnabled(False)

        def done(count: int) -> None:
            self._ended()
            self.load_candidates()
            self._say(
                self.tr("Scan done: {count} pairs may be one person.").format(
                    count=format_count(count)
                ),
                OK_STYLE,
            )

        def cancelled() -> None:
            self._ended()
            self._say(self.tr("Scan cancelled; the list is as it was."), WARNING_STYLE)

        def failed(exc: BaseException) -> None:
            self._ended()
            if isinstance(exc, TipdeskError):
                self._say(refusal_text(exc), ERROR_STYLE)
            else:
                report(self, exc)

        self.operation = run_in_background(
            self,
            self.tr("Scan for duplicates"),
            self.tr("Comparing the persons of every office…"),
            lambda progress, stop: people_links.scan(session, progress=progress, cancelled=stop),
            success=done,
            failure=failed,
            cancelled=cancelled,
            whole_app=True,  # it writes the review list: no case window saves meanwhile
        )

    def _ended(self) -> None:
        self.operation = None
        self.scan_button.setEnabled(True)

    def link_chosen(self) -> None:
        pair = self.chosen_pair()
        if pair is None:
            return
        note = LinkDialog.ask(pair, self)
        if note is None:
            return
        try:
            people_links.link(self.session, pair.a.person.id, pair.b.person.id, note)
        except TipdeskError as exc:
            self._say(refusal_text(exc), ERROR_STYLE)
            return
        self.refresh()
        self._say(
            self.tr("Linked: {first} and {second} are one person.").format(
                first=who(pair.a), second=who(pair.b)
            ),
            OK_STYLE,
        )

    def dismiss_chosen(self) -> None:
        pair = self.chosen_pair()
        if pair is None:
            return
        try:
            people_links.dismiss(self.session, pair.a.person.id, pair.b.person.id)
        except TipdeskError as exc:
            self._say(refusal_text(exc), ERROR_STYLE)
            return
        self.load_candidates()
        self._say(
            self.tr("{first} and {second} recorded as two people.").format(
                first=who(pair.a), second=who(pair.b)
            ),
            OK_STYLE,
        )

    def unlink_chosen(self) -> None:
        link = self.chosen_link()
        if link is None:
            return
        if UnlinkDialog.run(self.session, link.link.id, self):
            self.load_links()
            self._say(self.tr("Unlinked."), OK_STYLE)
