"""The Help menu's windows: the keyboard shortcuts (read from the menus, so the list is
always the app's own) and short answers to "how do I…" for the tasks of a working day."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

_C = "HelpDialogs"

# Keys of a case window and of lists, which live on widgets rather than in the menus.
OTHER_SHORTCUTS = (
    ("Ctrl+S", QT_TRANSLATE_NOOP("HelpDialogs", "Case window: save")),
    ("Esc", QT_TRANSLATE_NOOP("HelpDialogs", "Case window: close (asks about unsaved changes)")),
    ("Ctrl+W", QT_TRANSLATE_NOOP("HelpDialogs", "Case window: close")),
    ("Enter", QT_TRANSLATE_NOOP("HelpDialogs", "Lists: open the chosen case")),
    ("Ctrl+F", QT_TRANSLATE_NOOP("HelpDialogs", "Register and Referrals: go to the search box")),
)

# (question, answer): the tasks a case worker and an administrator do most.
GUIDE = (
    (
        QT_TRANSLATE_NOOP("HelpDialogs", "Register a victim who comes to the office"),
        QT_TRANSLATE_NOOP(
            "HelpDialogs",
            "File > New case (Ctrl+N). Type the name and what is known; TipDesk looks for "
            'the same person already in the register. If she is there, choose "New case '
            'for this person" instead of registering her twice.',
        ),
    ),
    (
        QT_TRANSLATE_NOOP("HelpDialogs", "Refer a victim to a service provider"),
        QT_TRANSLATE_NOOP(
            "HelpDialogs",
            "Open the case, Referrals tab, Add referral…. Choose the provider and the services "
            "asked for, then Letter… to preview the official letter. Issuing takes the office's "
            "next letter number; TipDesk asks first. The victim's consent is needed before "
            "her identity is shared.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("HelpDialogs", "Know what to do today"),
        QT_TRANSLATE_NOOP(
            "HelpDialogs",
            "Home counts your open cases, follow-ups that are late or due this week, "
            "referrals waiting for a reply and this month's new cases. Click a count to "
            "see its cases; a red number is late work.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("HelpDialogs", "Send the cases to the provincial office"),
        QT_TRANSLATE_NOOP(
            "HelpDialogs",
            "Sync, Export a batch…, to a USB stick. The package is encrypted and signed "
            "for the province only. The first time, exchange office keys and compare the "
            "security code on the phone.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("HelpDialogs", "Keep the register safe"),
        QT_TRANSLATE_NOOP(
            "HelpDialogs",
            "TipDesk makes a backup every day; File > Back up now writes one to a USB stick "
            "as well. Lock the app (Ctrl+L) when you leave the laptop; it locks itself "
            "after some minutes without use.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("HelpDialogs", "Answer a victim who asks for her data or its erasure"),
        QT_TRANSLATE_NOOP(
            "HelpDialogs",
            'Open her case and press "Person\'s rights" at the top of the case window: a '
            "supervisor can export everything about her, or erase it with a reason.",
        ),
    ),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_C, text)


class ShortcutsDialog(QDialog):
    """Every command of the menus that has a key, then the keys of case windows and lists."""

    def __init__(self, menus: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("HelpDialogs", "Keyboard shortcuts"))
        rows: list[tuple[str, str]] = []
        for menu_action in menus.actions():
            menu = menu_action.menu()
            if menu is None:
                continue
            title = menu_action.text().replace("&", "")
            for action in menu.actions():
                keys = action.shortcut()
                if keys.isEmpty() or not action.isVisible():
                    continue
                text = action.text().replace("&", "").rstrip("…")
                rows.append(
                    (keys.toString(QKeySequence.SequenceFormat.NativeText), f"{title}: {text}")
                )
        rows += [
            (QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText), _tr(what))
            for keys, what in OTHER_SHORTCUTS
        ]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("HelpDialogs", "Keys"),
                QCoreApplication.translate("HelpDialogs", "What they do"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        _with_close_button(self, self.table)
        self.resize(560, 480)

    def rows(self) -> list[tuple[str, str]]:
        return [
            (self.table.item(r, 0).text(), self.table.item(r, 1).text())
            for r in range(self.table.rowCount())
        ]


class GuideDialog(QDialog):
    """Short answers, in the app's language, to the questions of a working day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("HelpDialogs", "How do I…"))
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        parts = []
        for question, answer in GUIDE:
            parts.append(f"<h3>{_escape(_tr(question))}</h3><p>{_escape(_tr(answer))}</p>")
        self.text.setHtml("".join(parts))
        _with_close_button(self, self.text)
        self.resize(620, 560)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)


def _with_close_button(dialog: QDialog, content: QWidget) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(content)
    layout.addWidget(buttons)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
