"""Records of one kind in a table, one per row, a column per field: a case's services and
referrals, and the records of its journey (assessments, legal steps, restitution...).

One model and one way of writing a stored value for a person (:func:`shown_value`), so a
date, a code or an amount reads the same in every table of the case file, History and the
sync screens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from tipdesk.domain import records as r
from tipdesk.domain.messages import field_label
from tipdesk.domain.vocab import VOCABULARIES
from tipdesk.ui.dates import format_date
from tipdesk.ui.dialogs.journey import AMOUNTS, format_rupiah
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import unreadable_text
from tipdesk.ui.views.providers import region_text

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()

REGIONS = frozenset({"origin_region", "region_code"})


def _yes_no(value: object) -> str:
    yes = bool(value) and value not in ("0", "false")
    return QCoreApplication.translate("RecordTable", "Yes" if yes else "No")


def shown_value(
    record_type: type,
    name: str,
    value: Any,
    *,
    providers: dict[str, r.Provider] | None = None,
    names: dict[str, str] | None = None,
) -> str:
    """A stored value as a person reads it: labels, dd/mm/yyyy, rupiah, yes/no, a
    provider's or a user's name; a value that is not what its field expects, as stored."""
    if value is None or value == "" or value == []:
        return ""
    field = r.fields_of(record_type).get(name)
    kind = field.metadata.get("kind") if field else None
    vocab = VOCABULARIES.get((field.metadata.get("vocab") or "") if field else "")
    lang = current_language()
    if name == "provider_id":
        found = (providers or {}).get(value)
        return found.name if found else str(value)
    if name in ("approved_by", "author", "assigned_to") and isinstance(value, str):
        return (names or {}).get(value, value)
    if name in AMOUNTS and isinstance(value, int) and not isinstance(value, bool):
        return format_rupiah(value)
    if name in REGIONS and isinstance(value, str):
        return region_text(value)
    if name == "linked_ids" and isinstance(value, list):
        return str(len(value))
    if vocab is not None and isinstance(value, str):
        return vocab.label(value, lang) if value in vocab else value
    if vocab is not None and isinstance(value, list | tuple):
        return ", ".join(vocab.label(v, lang) if v in vocab else str(v) for v in value)
    if kind == "flag" or isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


class RecordTableModel(QAbstractTableModel):
    """Records of one kind, one per row, a column per field. A cell shows the first line
    of its value; the tooltip has all of it and names any value that cannot be read."""

    def __init__(
        self,
        record_type: type,
        columns: Sequence[str],
        *,
        providers: Callable[[], dict[str, r.Provider]] = dict,
        names: Callable[[], dict[str, str]] = dict,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record_type = record_type
        self.columns = list(columns)
        self.providers = providers
        self.names = names
        self.items: list[Any] = []
        lang = current_language()
        self.headers = [field_label(name, lang) for name in self.columns]  # asked often

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        name = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and name in AMOUNTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        item = self.items[index.row()]
        text = shown_value(
            self.record_type,
            name,
            getattr(item, name),
            providers=self.providers(),
            names=self.names(),
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return text.split("\n", 1)[0]  # the first line; the tooltip has it all
        return "\n".join(x for x in (text, unreadable_text(r.unreadable_fields(item))) if x)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.items):
            return str(section + 1)
        return None
