"""A screen that a later update owns: it says what will come, and nothing else."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderView(QWidget):
    def __init__(self, title: str, coming: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(f"<h2>{title}</h2>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(coming)
        self.message.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        """Nothing to load: the screen holds no data yet."""
