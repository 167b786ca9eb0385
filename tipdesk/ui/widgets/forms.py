"""Record editors built from the field declarations in ``tipdesk.domain.records``.

One editor per field kind (text, code, codes, date, int, flag), a form that lays them out
in titled sections with the field's label, a required mark and a problem line under each
field (errors red, warnings amber), and the person and case forms the case file and the
new-case dialog share. Values go through ``parse_value`` so the app reads input exactly as
the command line does.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import Problem, ValidationFailed
from tipdesk.domain.fields import parse_value
from tipdesk.domain.messages import describe_error, describe_problem, field_label
from tipdesk.domain.validation import check_nik
from tipdesk.domain.vocab import VOCABULARIES
from tipdesk.ui.dates import format_date, setup_calendar
from tipdesk.ui.i18n import current_language
from tipdesk.ui.widgets.region_picker import RegionPicker

ERROR_STYLE = "color: #b3261e;"


def message_label(parent: QWidget | None = None, *, screen: bool = False) -> QLabel:
    """The hidden, wrapping label in which a form or dialog says what is wrong. A
    ``screen``'s label also says what went well, so it takes its colour from the message
    and its text can be selected (and copied, e.g. a file's path)."""
    label = QLabel(parent)
    label.setObjectName("message")
    label.setWordWrap(True)
    if screen:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    else:
        label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


WARNING_STYLE = "color: #8a5300;"
OK_STYLE = "color: #1b5e20;"  # what went well (Saved., Issued.)
LONG_TEXT = 1000  # text fields at least this long get a multi-line editor
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invisible root of a list or table model


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# --- editors --------------------------------------------------------------------------------


class FieldEditor(QWidget):
    """Edits one field; ``read()`` parses, ``write(value)`` shows a stored value.

    The base is not an editor by itself: each editor below defines ``write`` for its own
    widget (a test checks that every one does).
    """

    changed = Signal()

    def __init__(self, field: dataclasses.Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)

    def read(self) -> tuple[Any, Problem | None]:
        return parse_value(self.field, self.text())

    def text(self) -> str:
        return ""

    def state(self) -> object:
        """What the user sees, compared to tell whether anything changed."""
        return self.text()

    def focus_widget(self) -> QWidget:
        return self


class TextEditor(FieldEditor):
    def __init__(self, field: dataclasses.Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"edit_{field.name}")
        self.edit.textEdited.connect(self.changed)
        self.layout_.addWidget(self.edit)

    def write(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def text(self) -> str:
        return self.edit.text()

    def focus_widget(self) -> QWidget:
        return self.edit


class LongTextEditor(FieldEditor):
    def __init__(
        self, field: dataclasses.Field, parent: QWidget | None = None, lines: int = 5
    ) -> None:
        super().__init__(field, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName(f"edit_{field.name}")
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * lines + 12)
        self.edit.textChanged.connect(self.changed)
        self.layout_.addWidget(self.edit)

    def write(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))

    def read(self) -> tuple[Any, Problem | None]:
        # Keep line breaks: parse_value only trims the ends.
        return parse_value(self.field, self.text())

    def text(self) -> str:
        return self.edit.toPlainText()

    def focus_widget(self) -> QWidget:
        return self.edit


class LinesEditor(LongTextEditor):
    """A list of lines (a letterhead, copies): one entry per line."""

    def __init__(
        self, field: dataclasses.Field, parent: QWidget | None = None, lines: int = 4
    ) -> None:
        super().__init__(field, parent, lines)

    def write(self, value: Any) -> None:
        lines = value if isinstance(value, list | tuple) else ([] if not value else [value])
        self.edit.setPlainText("\n".join(str(line) for line in lines))

    def read(self) -> tuple[Any, Problem | None]:
        return [line.strip() for line in self.text().split("\n") if line.strip()], None


class IntEditor(TextEditor):
    def __init__(self, field: dataclasses.Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit.setMaximumWidth(120)
        self.layout_.addStretch(1)


class DateEditor(FieldEditor):
    """A date typed as DD/MM/YYYY (blank allowed; ISO is read too) with a calendar popup
    button; the value stays a ``datetime.date``, stored as ISO."""

    def __init__(self, field: dataclasses.Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"edit_{field.name}")
        self.edit.setPlaceholderText(self.tr("DD/MM/YYYY"))
        self.edit.setMaximumWidth(130)
        self.edit.textEdited.connect(self.changed)
        self.edit.editingFinished.connect(self._tidy)
        self.button = QToolButton(self)
        self.button.setObjectName(f"calendar_{field.name}")
        self.button.setText("…")
        self.button.setToolTip(self.tr("Choose a date from the calendar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        # The calendar is made when first opened: a case file has a dozen dates, and
        # making their calendars was a tenth of the time it took to open.
        self._calendar: QCalendarWidget | None = None
        menu = QMenu(self.button)
        menu.aboutToShow.connect(self._calendar_to_text)
        self.button.setMenu(menu)
        self.layout_.addWidget(self.edit)
        self.layout_.addWidget(self.button)
        self.layout_.addStretch(1)

    def write(self, value: Any) -> None:
        self.edit.setText(format_date(value) if isinstance(value, dt.date) else "")

    def text(self) -> str:
        raw = self.edit.text().strip()
        found = _DMY.match(raw)  # 14-03-1999, as dates are written in Indonesia
        if found:
            day, month, year = found.groups()
            raw = f"{year}-{int(month):02d}-{int(day):02d}"
        return raw

    def _tidy(self) -> None:
        value, problem = self.read()
        if problem is None and value is not None and self.edit.text() != format_date(value):
            self.edit.setText(format_date(value))

    @property
    def calendar(self) -> QCalendarWidget:
        if self._calendar is None:
            self._calendar = setup_calendar(QCalendarWidget())
            self._calendar.clicked.connect(self._chosen)
            menu = self.button.menu()
            action = QWidgetAction(menu)
            action.setDefaultWidget(self._calendar)  # the menu owns it from here
            menu.addAction(action)
        return self._calendar

    def _calendar_to_text(self) -> None:
        calendar = self.calendar  # made now, as the menu opens
        value, problem = self.read()
        if problem is None and value is not None:
            calendar.setSelectedDate(QDate(value.year, value.month, value.day))

    def _chosen(self, day: QDate) -> None:
        self.edit.setText(format_date(dt.date(day.year(), day.month(), day.day())))
        self.button.menu().hide()
        self.changed.emit()

    def focus_widget(self) -> QWidget:
        return self.edit


class ChoiceEditor(FieldEditor):
    """One choice from ``(label, value)`` pairs, blank allowed (``None``)."""

    def __init__(
        self,
        field: dataclasses.Field,
        choices: Sequence[tuple[str, Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(field, parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"edit_{field.name}")
        self.combo.setMinimumContentsLength(14)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.addItem("", None)
        for label, value in choices:
            self.combo.addItem(label, value)
        self.combo.activated.connect(lambda _i: self.changed.emit())
        self.layout_.addWidget(self.combo)

    def write(self, value: Any) -> None:
        index = self.combo.findData(value) if value not in (None, "") else 0
        if index < 0:  # a stored value no longer offered: show it rather than lose it
            self.combo.addItem(str(value), value)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def read(self) -> tuple[Any, Problem | None]:
        value = self.combo.currentData()
        if self.field.metadata["kind"] in ("ref", "text"):
            return value or "", None
        return value, None

    def text(self) -> str:
        return str(self.combo.currentData() or "")

    def set_value(self, value: Any) -> None:
        """Choose ``value`` as a user would (emits ``changed``)."""
        self.write(value)
        self.changed.emit()

    def focus_widget(self) -> QWidget:
        return self.combo


class CodeEditor(ChoiceEditor):
    def __init__(self, field: dataclasses.Field, parent: QWidget | None = None) -> None:
        vocab = VOCABULARIES[field.metadata["vocab"]]
        lang = current_language()
        super().__init__(field, [(vocab.label(t.code, lang), t.code) for t in vocab], parent)


class CodesModel(QAbstractListModel):
    """The terms of a vocabulary as a checkable list."""

    def __init__(self, vocab_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        vocab = VOCABULARIES[vocab_name]
        lang = current_language()
        self.items: list[tuple[str, str]] = [(t.code, vocab.label(t.code, lang)) for t in vocab]
        self.checked: set[str] = set()
        self.original: list[str] = []

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        code, label = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if code in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return code
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        code = self.items[index.row()][0]
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        if state == Qt.CheckState.Checked.value:
            self.checked.add(code)
        else:
            self.checked.discard(code)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_codes(self, codes: Sequence[str]) -> None:
        self.beginResetModel()
        known = {code for code, _ in self.items}
        # A stored code no longer in the vocabulary stays visible (and checked).
        self.items += [(code, code) for code in dict.fromkeys(codes) if code not in known]
        self.checked = set(codes)
        self.original = list(codes)
        self.endResetModel()

    def codes(self) -> list[str]:
        """The checked codes: those stored keep their order, new ones follow the list."""
        kept = [code for code in dict.fromkeys(self.original) if code in self.checked]
        return kept + [code for code, _ in self.items if code in self.checked and code not in kept]

    def set_checked(self, code: str, checked: bool) -> None:
        row = next(i for i, (c, _) in enumerate(self.items) if c == code)
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.setData(self.index(row), state, Qt.ItemDataRole.CheckStateRole)


class _CappedWidth(QStyledItemDelegate):
    """Choices no wider than ``width``: a very long label is elided (its tooltip is whole)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.width = 260

    def sizeHint(self, option, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(min(hint.width(), self.width), hint.height())


class _ChoiceList(QListView):
    """A list laid out in ``columns`` columns that share the width it is given."""

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.capped = _CappedWidth(self)
        self.setItemDelegate(self.capped)

    def resizeEvent(self, event) -> None:
        share = (self.viewport().width() - 4) // self.columns - 2 * self.spacing() - 2
        width = max(120, share)
        if width != self.capped.width:
            self.capped.width = width
            self.scheduleDelayedItemsLayout()
        super().resizeEvent(event)


class CodesEditor(FieldEditor):
    """Several codes of a vocabulary as a checkable list, in columns."""

    ROWS = 6

    def __init__(self, field: dataclasses.Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.model = CodesModel(field.metadata["vocab"], self)
        count = max(1, len(self.model.items))
        self.view = _ChoiceList(-(-count // self.ROWS), self)
        self.view.setObjectName(f"edit_{field.name}")
        self.view.setModel(self.model)
        # Column by column, so every choice is visible without scrolling.
        self.view.setFlow(QListView.Flow.TopToBottom)
        self.view.setWrapping(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSpacing(1)
        self.view.setUniformItemSizes(False)
        self._fit_height()
        self.model.dataChanged.connect(lambda *_: self.changed.emit())
        self.layout_.addWidget(self.view)

    def _fit_height(self) -> None:
        """Tall enough for balanced columns of at most ``ROWS`` choices each."""
        count = max(1, len(self.model.items))
        columns = -(-count // self.ROWS)
        rows = -(-count // columns)
        row = max(self.view.sizeHintForRow(0), self.view.fontMetrics().height())
        frame = 2 * self.view.frameWidth()
        # Room below for a horizontal scroll bar, should a narrow window need one.
        bar = self.view.horizontalScrollBar().sizeHint().height()
        self.view.setFixedHeight(rows * (row + 2 * self.view.spacing()) + frame + bar + 4)

    def write(self, value: Any) -> None:
        self.model.set_codes(list(value or []))
        self._fit_height()

    def read(self) -> tuple[Any, Problem | None]:
        return self.model.codes(), None

    def text(self) -> str:
        return ",".join(self.model.codes())

    def focus_widget(self) -> QWidget:
        return self.view


class FlagEditor(FieldEditor):
    def __init__(self, field: dataclasses.Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.check = QCheckBox(field_label(field.name, current_language()), self)
        self.check.setObjectName(f"edit_{field.name}")
        self.check.toggled.connect(lambda _c: self.changed.emit())
        self.layout_.addWidget(self.check)

    def write(self, value: Any) -> None:
        self.check.setChecked(bool(value))

    def read(self) -> tuple[Any, Problem | None]:
        return self.check.isChecked(), None

    def text(self) -> str:
        return "yes" if self.check.isChecked() else "no"

    def focus_widget(self) -> QWidget:
        return self.check


class RegionEditor(FieldEditor):
    def __init__(self, field: dataclasses.Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.picker = RegionPicker(self)
        self.picker.setObjectName(f"edit_{field.name}")
        self.picker.changed.connect(lambda _c: self.changed.emit())
        self.layout_.addWidget(self.picker)

    def write(self, value: Any) -> None:
        self.picker.set_code(value or "")

    def text(self) -> str:
        return self.picker.code()

    def focus_widget(self) -> QWidget:
        return self.picker.combos[0]


def editor_for(field: dataclasses.Field, parent: QWidget | None = None) -> FieldEditor:
    """The default editor for a field, chosen from its declared kind."""
    kind = field.metadata["kind"]
    if kind == "text" and (field.name.endswith("region") or field.name == "region_code"):
        return RegionEditor(field, parent)
    if kind == "text":
        if (field.metadata.get("max_len") or 0) >= LONG_TEXT:
            return LongTextEditor(field, parent)
        return TextEditor(field, parent)
    if kind == "lines":
        return LinesEditor(field, parent)
    if kind == "code":
        return CodeEditor(field, parent)
    if kind == "codes":
        return CodesEditor(field, parent)
    if kind == "date":
        return DateEditor(field, parent)
    if kind == "int":
        return IntEditor(field, parent)
    if kind == "flag":
        return FlagEditor(field, parent)
    raise ValueError(f"no editor for field kind {kind!r}")


# --- form -----------------------------------------------------------------------------------


class RecordForm(QWidget):
    """Editors for a record's fields in titled sections, two columns, problems under each.

    Every editable field of the record type is on the form: fields the sections do not
    name are added in a last section, so a new field cannot be forgotten. ``omit`` names
    the fields another part of the app edits (a referral's letter and reply).
    """

    changed = Signal()

    def __init__(
        self,
        record_type: type,
        sections: Sequence[tuple[str, Sequence[str]]],
        *,
        custom: dict[str, FieldEditor] | None = None,
        wide: Collection[str] = (),
        omit: Collection[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record_type = record_type
        fields = r.fields_of(record_type)
        custom = dict(custom or {})
        listed = {name for _, names in sections for name in names}
        rest = [n for n in r.editable_fields(record_type) if n not in listed and n not in omit]
        sections = [
            *sections,
            *([(QT_TRANSLATE_NOOP("RecordForm", "Other"), rest)] if rest else []),
        ]
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self._snapshot: dict[str, object] = {}
        self._loading = False
        self._grids: list[QGridLayout] = []
        lang = current_language()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        for title, names in sections:
            box = QGroupBox(_t("RecordForm", title), self)
            grid = QGridLayout(box)
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(4)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(3, 1)
            row, col = 0, 0
            for name in names:
                field = fields[name]
                editor = custom.pop(name, None) or editor_for(field)
                editor.setParent(box)
                full = name in wide or isinstance(editor, CodesEditor | LongTextEditor)
                if full and col:
                    row, col = row + 1, 0
                cell = self._cell(name, editor, box)
                required = field.metadata.get("required")
                text = "" if isinstance(editor, FlagEditor) else field_label(name, lang)
                label = QLabel(f"{text} *" if required and text else text, box)
                label.setObjectName(f"label_{name}")
                label.setBuddy(editor.focus_widget())
                if required:
                    label.setToolTip(_t("RecordForm", "Required"))
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                label.setContentsMargins(0, 4, 0, 0)
                self.labels[name] = label
                grid.addWidget(label, row, col * 2)
                grid.addWidget(
                    cell, row, col * 2 + 1, 1, 3 if full else 1, Qt.AlignmentFlag.AlignTop
                )
                if full or col:
                    row, col = row + 1, 0
                else:
                    col = 1
            outer.addWidget(box)
            self._grids.append(grid)
        outer.addStretch(1)
        # One label width for every section, so the fields line up down the form.
        width = max((label.sizeHint().width() for label in self.labels.values()), default=0)
        for grid in self._grids:
            grid.setColumnMinimumWidth(0, width)
            grid.setColumnMinimumWidth(2, width)

    def _cell(self, name: str, editor: FieldEditor, parent: QWidget) -> QWidget:
        cell = QWidget(parent)
        layout = QVBoxLayout(cell)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        problem = QLabel(cell)
        problem.setObjectName(f"problem_{name}")
        problem.setWordWrap(True)
        problem.hide()
        layout.addWidget(problem)
        self.editors[name] = editor
        self.problem_labels[name] = problem
        editor.changed.connect(lambda n=name: self._edited(n))
        return cell

    def _edited(self, name: str) -> None:
        if self._loading:
            return
        self.clear_problems(name)  # the message was about the old value
        self.changed.emit()

    # --- values ---------------------------------------------------------------------------

    def load(self, record: object) -> None:
        """Show ``record``'s values; they become the unchanged state."""
        self._loading = True
        try:
            for name, editor in self.editors.items():
                editor.write(getattr(record, name))
        finally:
            self._loading = False
        self.clear_problems()
        self.mark_unchanged()

    def mark_unchanged(self) -> None:
        self._snapshot = {name: e.state() for name, e in self.editors.items()}

    def apply(self, record: object) -> list[Problem]:
        """Put the parsed values on ``record``; return the input that could not be read."""
        problems = []
        for name, editor in self.editors.items():
            value, problem = editor.read()
            if problem is not None:
                problems.append(problem)
            else:
                setattr(record, name, value)
        return problems

    def edited_copy(self, record: object) -> tuple[Any, list[Problem]]:
        edited = copy.deepcopy(record)
        return edited, self.apply(edited)

    def is_dirty(self) -> bool:
        return any(e.state() != self._snapshot.get(n) for n, e in self.editors.items())

    # --- problems -------------------------------------------------------------------------

    def show_problems(self, problems: Sequence[Problem]) -> list[Problem]:
        """Show each problem under its field; return those this form has no field for."""
        lang = current_language()
        by_field: dict[str, list[Problem]] = {}
        elsewhere = []
        for problem in problems:
            if problem.field in self.problem_labels:
                by_field.setdefault(problem.field, []).append(problem)
            else:
                elsewhere.append(problem)
        for name, found in by_field.items():
            label = self.problem_labels[name]
            label.setText("\n".join(describe_problem(p, lang) for p in found))
            label.setStyleSheet(ERROR_STYLE if any(p.is_error for p in found) else WARNING_STYLE)
            label.show()
        return elsewhere

    def clear_problems(self, name: str | None = None) -> None:
        for field_name in [name] if name else list(self.problem_labels):
            label = self.problem_labels.get(field_name)
            if label is not None:
                label.clear()
                label.hide()

    def add_hint(self, name: str, text: str = "") -> QLabel:
        """A greyed line under a field's editor, saying how to fill it."""
        problem = self.problem_labels[name]
        cell = problem.parentWidget()
        hint = QLabel(text, cell)
        hint.setObjectName(f"hint_{name}")
        hint.setWordWrap(True)
        hint.setEnabled(False)  # greyed: advice, not data
        layout = cell.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(problem), hint)
        return hint

    def problem_text(self, name: str) -> str:
        label = self.problem_labels[name]
        return label.text() if not label.isHidden() else ""

    def focus_field(self, name: str) -> None:
        editor = self.editors.get(name)
        if editor is not None:
            editor.focus_widget().setFocus(Qt.FocusReason.OtherFocusReason)


def save_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Save and Cancel, in the user's language, wired to ``dialog.save`` and
    ``dialog.reject``: the buttons of every form dialog."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(
        QCoreApplication.translate("FormDialog", "Save")
    )
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("FormDialog", "Cancel")
    )
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def refusal(exc: ValidationFailed, *forms: RecordForm) -> tuple[str, str | None]:
    """Put each problem under its field in the first of ``forms`` that shows it; return
    the text for the message line (the refusal, and the problems of fields not on
    screen) and the first field in error, to go to."""
    rest: Sequence[Problem] = exc.problems
    for form in forms:
        rest = form.show_problems(rest)
    lang = current_language()
    text = "\n".join([describe_error(exc, lang)] + [describe_problem(p, lang) for p in rest])
    return text, next((p.field for p in exc.problems if p.is_error), None)


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area: long forms stay usable on a 768-line screen."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


# --- the person and case forms --------------------------------------------------------------

PERSON_SECTIONS = (
    (
        QT_TRANSLATE_NOOP("RecordForm", "Identity"),
        (
            "full_name",
            "alias",
            "sex",
            "birth_date",
            "estimated_age",
            "nik",
            "nationality",
            "language",
        ),
    ),
    (QT_TRANSLATE_NOOP("RecordForm", "Contact and address"), ("phone", "address", "region_code")),
    (
        QT_TRANSLATE_NOOP("RecordForm", "Background"),
        ("education", "occupation", "disability", "marital_status"),
    ),
    (
        QT_TRANSLATE_NOOP("RecordForm", "Guardian (for a child)"),
        ("guardian_name", "guardian_relationship", "guardian_phone"),
    ),
)

CASE_SECTIONS = (
    (
        QT_TRANSLATE_NOOP("RecordForm", "Intake"),
        (
            "opened_on",
            "intake_source",
            "status",
            "risk_level",
            "trafficking_status",
            "assigned_to",
            "follow_up_on",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("RecordForm", "Exploitation"),
        ("exploitation_types", "labour_sector", "means_of_control"),
    ),
    (
        QT_TRANSLATE_NOOP("RecordForm", "Recruitment and movement"),
        (
            "recruitment_method",
            "recruiter_relationship",
            "recruitment_region",
            "recruitment_place",
            "transit_countries",
            "transit_place",
            "exploitation_country",
            "exploitation_place",
            "cross_border",
            "migrant_worker",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("RecordForm", "Consent"),
        ("consent_services", "consent_share", "consent_statistics", "consent_date", "consent_by"),
    ),
    (QT_TRANSLATE_NOOP("RecordForm", "Closure"), ("closed_on", "closure_reason")),
    (QT_TRANSLATE_NOOP("RecordForm", "Summary"), ("summary",)),
)


class PersonForm(RecordForm):
    """The person's form, with the NIK checked as soon as it is typed."""

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(r.Person, PERSON_SECTIONS, wide={"address"}, parent=parent)
        self.today = today
        nik = self.editors["nik"]
        assert isinstance(nik, TextEditor)
        nik.edit.editingFinished.connect(self.check_nik)

    def load(self, record: object) -> None:
        super().load(record)
        self.check_nik()

    def check_nik(self) -> None:
        """Show what is wrong or doubtful about the NIK under it (it is not saved here)."""
        nik = self.editors["nik"].text().strip()
        self.clear_problems("nik")
        if not nik:
            return
        sex, _ = self.editors["sex"].read()
        birth_date, problem = self.editors["birth_date"].read()
        self.show_problems(
            check_nik(nik, sex=sex, birth_date=None if problem else birth_date, today=self.today())
        )


class CaseForm(RecordForm):
    def __init__(
        self, parent: QWidget | None = None, *, workers: Sequence[tuple[str, str]] = ()
    ) -> None:
        """``workers``: ``(display name, username)`` to choose the assigned worker from."""
        custom = (
            {"assigned_to": ChoiceEditor(r.fields_of(r.Case)["assigned_to"], workers)}
            if workers
            else {}
        )
        super().__init__(r.Case, CASE_SECTIONS, custom=custom, parent=parent)
