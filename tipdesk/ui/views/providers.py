"""The referral directory: service providers, searched by name, added and edited."""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import Problem, ValidationFailed
from tipdesk.domain.messages import describe_error, describe_problem, field_label
from tipdesk.domain.regions import wilayah_name
from tipdesk.domain.vocab import PROVIDER_TYPE, SERVICE_TYPE
from tipdesk.services.casework import cases
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import Column, RowsModel, format_count, vocab_label
from tipdesk.ui.widgets.forms import message_label, save_cancel_buttons
from tipdesk.ui.widgets.lists import RowActivation, SearchBox, list_table

log = logging.getLogger(__name__)

_C = "ProvidersView"
Saved = tuple[r.Provider, list[Problem]]
TEXT_FIELDS = (
    "name",
    "address",
    "region_code",
    "phone",
    "email",
    "contact_person",
    "contact_title",
)


def region_text(code: str | None) -> str:
    """A region code as a person reads it: "53.71" is "Kota Kupang", a district or
    village also names its regency ("Alak, Kota Kupang"). A code the region list does
    not know (a typo, a region since split) is shown as it is stored."""
    code = (code or "").strip()
    if not code:
        return ""
    try:
        name = wilayah_name(code)
        parts = code.split(".")
        regency = wilayah_name(".".join(parts[:2])) if name and len(parts) > 2 else None
    except Exception as exc:  # a stored value must never stop the list from showing
        log.warning("region lookup failed: %s", type(exc).__name__)
        return code
    if not name:
        return code
    return f"{name}, {regency}" if regency else name


def provider_columns() -> tuple[Column, ...]:
    return (
        Column(_C, QT_TRANSLATE_NOOP("ProvidersView", "Name"), lambda p: p.name),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ProvidersView", "Type"),
            lambda p: vocab_label(PROVIDER_TYPE, p.provider_type),
        ),
        Column(
            _C, QT_TRANSLATE_NOOP("ProvidersView", "Region"), lambda p: region_text(p.region_code)
        ),
        Column(_C, QT_TRANSLATE_NOOP("ProvidersView", "Phone"), lambda p: p.phone),
        Column(_C, QT_TRANSLATE_NOOP("ProvidersView", "E-mail"), lambda p: p.email),
        Column(
            _C, QT_TRANSLATE_NOOP("ProvidersView", "Contact person"), lambda p: p.contact_person
        ),
        Column(
            _C,
            QT_TRANSLATE_NOOP("ProvidersView", "Services"),
            lambda p: ", ".join(vocab_label(SERVICE_TYPE, c) for c in p.services_offered),
        ),
    )


def refusal_lines(exc: ValidationFailed) -> str:
    """What was refused and why, one translated line per problem."""
    lang = current_language()
    lines = [describe_error(exc, lang)]
    lines += ["• " + describe_problem(p, lang) for p in exc.problems if p.is_error]
    return "\n".join(lines)


class ProviderDialog(QDialog):
    """Add or edit one provider. Save writes through the services; a refusal is shown in
    the dialog, which stays open so nothing typed is lost."""

    def __init__(
        self, session: object, provider: r.Provider | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.is_new = provider is None
        # Edit a copy: Cancel must leave the list's row as it was.
        self.provider = dataclasses.replace(provider) if provider else r.Provider()
        self.warnings: list[Problem] = []
        self.setWindowTitle(self.tr("Add provider") if self.is_new else self.tr("Edit provider"))
        lang = current_language()

        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name in TEXT_FIELDS:
            edit = QLineEdit(getattr(self.provider, name) or "", self)
            edit.setMinimumWidth(300)
            self.edits[name] = edit
            if name == "name":
                form.addRow(field_label(name, lang), edit)
                self.provider_type = QComboBox(self)
                self.provider_type.addItem(self.tr("(choose)"), "")
                for term in PROVIDER_TYPE:
                    self.provider_type.addItem(PROVIDER_TYPE.label(term.code, lang), term.code)
                index = self.provider_type.findData(self.provider.provider_type or "")
                self.provider_type.setCurrentIndex(max(index, 0))
                form.addRow(field_label("provider_type", lang), self.provider_type)
            else:
                form.addRow(field_label(name, lang), edit)
        self.edits["region_code"].setPlaceholderText(self.tr("e.g. 53.71"))
        self.edits["region_code"].setMaxLength(13)
        # The code's region, named as it is typed ("Kota Kupang"), so a wrong code shows.
        self.region_name = QLabel(self)
        self.region_name.setObjectName("region_name")
        self.region_name.setStyleSheet("color: #555;")
        # On the row under the code's (the type's row follows the name's).
        form.insertRow(TEXT_FIELDS.index("region_code") + 2, "", self.region_name)
        self.edits["region_code"].textChanged.connect(self._name_region)
        self._name_region(self.edits["region_code"].text())

        self.services = QListWidget(self)
        for term in SERVICE_TYPE:
            item = QListWidgetItem(SERVICE_TYPE.label(term.code, lang), self.services)
            item.setData(Qt.ItemDataRole.UserRole, term.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked
                if term.code in self.provider.services_offered
                else Qt.CheckState.Unchecked
            )
        box = QGroupBox(field_label("services_offered", lang), self)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.services)
        self.services.setMinimumWidth(320)

        self.error = message_label(self)
        self.buttons = save_cancel_buttons(self)

        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(860, 440)

    def _name_region(self, code: str) -> None:
        name = region_text(code)
        self.region_name.setText("" if name == code.strip() else name)

    @classmethod
    def ask(
        cls, parent: QWidget | None, session: object, provider: r.Provider | None = None
    ) -> Saved | None:
        """The saved provider with the warnings about it, or None if cancelled."""
        dialog = cls(session, provider, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.provider, dialog.warnings

    def checked_services(self) -> list[str]:
        return [
            self.services.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.services.count())
            if self.services.item(i).checkState() == Qt.CheckState.Checked
        ]

    def gather(self) -> r.Provider:
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return dataclasses.replace(
            self.provider,
            **values,
            provider_type=self.provider_type.currentData() or None,
            services_offered=self.checked_services(),
        )

    def save(self) -> None:
        provider = self.gather()
        try:
            if self.is_new:
                self.warnings = cases.create_provider(self.session, provider)
            else:
                self.warnings = cases.update_provider(self.session, provider)
        except ValidationFailed as exc:
            self.error.setText(refusal_lines(exc))
            self.error.show()
            return
        self.provider = provider
        self.accept()


class ProvidersView(QWidget):
    """The list of providers with search, Add and Edit."""

    provider_saved = Signal(str)  # provider id

    def __init__(self, session: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = RowsModel(provider_columns(), key=lambda p: p.id, parent=self)
        self.search = SearchBox(self.tr("Search providers by name or region"), self)
        self.search.search_changed.connect(lambda _text: self.refresh())
        self.count = QLabel(self)
        self.add = QPushButton(self.tr("Add provider"), self)
        self.add.clicked.connect(self.add_provider)
        self.edit = QPushButton(self.tr("Edit"), self)
        self.edit.clicked.connect(self.edit_selected)
        self.table = list_table(self.model, self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Room for a regency's name ("Kabupaten Kupang"); longer ones end in "…"
        for column, width in enumerate((230, 160, 170, 110, 170, 150)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        # A short list, loaded whole: a click on a heading sorts by what the column shows
        # (regions by name, not by code).
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(lambda _column, _order: self.refresh())
        self.activation = RowActivation(self.table, self.edit_row)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addSpacing(12)
        top.addWidget(self.count)
        top.addSpacing(12)
        top.addWidget(self.add)
        top.addWidget(self.edit)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.shown_providers())
        n = self.model.total()
        self.count.setText(
            self.tr("1 provider")
            if n == 1
            else self.tr("{count} providers").format(count=format_count(n))
        )
        self.edit.setEnabled(n > 0)

    def shown_providers(self) -> list[r.Provider]:
        """The providers whose name or region holds the search text, in the order of the
        column whose heading was clicked."""
        text = self.search.search_text().casefold()
        found = [
            p
            for p in cases.list_providers(self.session)
            if text in (p.name or "").casefold() or text in region_text(p.region_code).casefold()
        ]
        header = self.table.horizontalHeader()
        column = self.model.columns[
            min(max(header.sortIndicatorSection(), 0), len(self.model.columns) - 1)
        ]
        found.sort(key=lambda p: (column.text(p) or "").casefold())
        if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
            found.reverse()
        return found

    def add_provider(self) -> None:
        self._saved(ProviderDialog.ask(self, self.session))

    def edit_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.edit_row(index.row())

    def edit_row(self, row: int) -> None:
        self._saved(ProviderDialog.ask(self, self.session, self.model.row_at(row)))

    def _saved(self, saved: Saved | None) -> None:
        if saved is None:
            return
        provider, warnings = saved
        self.refresh()
        for row in range(self.model.rowCount()):
            if self.model.key_at(row) == provider.id:
                self.table.selectRow(row)
                break
        lang = current_language()
        lines = [self.tr("Saved: {name}").format(name=provider.name)]
        lines += ["• " + describe_problem(p, lang) for p in warnings]
        self.message.setText("\n".join(lines))
        self.message.show()
        self.provider_saved.emit(provider.id)
