"""The app's look beyond the native style: status labels in colour, the navigation's
icons and count badges. Colours are few and carry meaning (a status, something late);
everything else is the platform's own."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from tipdesk.domain.vocab import CASE_STATUS, REFERRAL_STATUS
from tipdesk.ui.i18n import current_language

WARNING_COLOUR = "#b3261e"  # late, refused, needs attention (as forms' errors)
OK_COLOUR = "#1b5e20"

# (text, background) per status code: blue for new, green for work going on, amber for
# watching, grey for ended, red for a refusal.
_CASE = {
    "open": ("#0b4a9e", "#e3edfb"),
    "active": ("#1b5e20", "#e4f2e6"),
    "follow_up": ("#7a4a00", "#fbefd9"),
    "closed": ("#4a4a4a", "#ececec"),
    "closed_referred": ("#4a3a78", "#ece8f5"),
}
_REFERRAL = {
    "draft": ("#4a4a4a", "#ececec"),
    "sent": ("#0b4a9e", "#e3edfb"),
    "accepted": ("#1b5e20", "#e4f2e6"),
    "declined": (WARNING_COLOUR, "#fbe7e5"),
    "completed": ("#4a4a4a", "#ececec"),
}


def status_colours(vocab, colours: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """``{label in the app's language: (text, background)}`` of a status vocabulary."""
    lang = current_language()
    return {
        vocab.label(code, lang): pair for code, pair in colours.items() if code in vocab.codes()
    }


def case_status_colours() -> dict[str, tuple[str, str]]:
    """Case and referral statuses, by their labels (the two share no label)."""
    return {**status_colours(CASE_STATUS, _CASE), **status_colours(REFERRAL_STATUS, _REFERRAL)}


class StatusDelegate(QStyledItemDelegate):
    """A status shown as a coloured label (a rounded box around its text). A text with no
    colour (an unknown code, shown as itself) is drawn plainly."""

    PAD = 6

    def __init__(self, colours: dict[str, tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole)
        pair = self.colours.get(text or "")
        if pair is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:  # background, selection and focus as the platform draws them
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        metrics = opt.fontMetrics
        room = option.rect.adjusted(2, 2, -2, -2)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room.width() - 2 * self.PAD)
        width = min(room.width(), metrics.horizontalAdvance(shown) + 2 * self.PAD)
        box = QRect(room.left(), room.top(), width, room.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(pair[1]))
        painter.drawRoundedRect(QRectF(box), 4, 4)
        painter.setPen(QColor(pair[0]))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, shown)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * self.PAD + 4, size.height() + 2)


# --- navigation icons: drawn, so they follow the palette and need no image files -----


def _pen(colour: QColor, width: float = 1.6) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _draw(key: str, p: QPainter, colour: QColor) -> None:
    """One icon on a 20x20 canvas, in outline."""
    p.setPen(_pen(colour))
    p.setBrush(Qt.BrushStyle.NoBrush)
    if key == "home":
        p.drawPolyline([QPointF(3, 10), QPointF(10, 3.5), QPointF(17, 10)])
        p.drawPolyline([QPointF(5, 8.5), QPointF(5, 17), QPointF(15, 17), QPointF(15, 8.5)])
        p.drawRect(QRectF(8.5, 12, 3, 5))
    elif key == "register":
        p.drawRoundedRect(QRectF(4, 2.5, 12, 15), 1.5, 1.5)
        for y in (7, 10.5, 14):
            p.drawLine(QPointF(7, y), QPointF(13, y))
    elif key == "providers":
        p.drawRect(QRectF(4, 6, 8, 11))
        p.drawPolyline([QPointF(12, 9), QPointF(16, 9), QPointF(16, 17)])
        p.drawLine(QPointF(2.5, 17), QPointF(17.5, 17))
        for y in (9, 12.5):
            p.drawLine(QPointF(6.5, y), QPointF(9.5, y))
    elif key == "referrals":
        p.drawRect(QRectF(2.5, 5, 11, 10))
        p.drawPolyline([QPointF(2.5, 5), QPointF(8, 10), QPointF(13.5, 5)])
        p.drawPolyline([QPointF(14, 10), QPointF(18, 10)])
        p.drawPolyline([QPointF(16, 8), QPointF(18, 10), QPointF(16, 12)])
    elif key == "reports":
        p.drawLine(QPointF(3, 17), QPointF(17, 17))
        for x, top in ((5, 10), (9, 5), (13, 8)):
            p.drawRect(QRectF(x, top, 2.5, 17 - top))
    elif key == "sync":
        path = QPainterPath()
        path.arcMoveTo(QRectF(4, 4, 12, 12), 30)
        path.arcTo(QRectF(4, 4, 12, 12), 30, 150)
        p.drawPath(path)
        path = QPainterPath()
        path.arcMoveTo(QRectF(4, 4, 12, 12), 210)
        path.arcTo(QRectF(4, 4, 12, 12), 210, 150)
        p.drawPath(path)
        p.drawPolyline([QPointF(13.5, 2.5), QPointF(15.2, 7), QPointF(10.8, 7.2)])
        p.drawPolyline([QPointF(6.5, 17.5), QPointF(4.8, 13), QPointF(9.2, 12.8)])
    elif key == "users":
        p.drawEllipse(QRectF(5, 3, 6, 6))
        p.drawArc(QRectF(2, 10, 12, 12), 0, 180 * 16)
        p.drawEllipse(QRectF(12, 5, 4, 4))
        p.drawArc(QRectF(11, 11, 7, 8), 0, 180 * 16)
    elif key == "audit":
        path = QPainterPath()
        path.moveTo(10, 2.5)
        path.lineTo(16.5, 5)
        path.cubicTo(16.5, 11, 14, 15, 10, 17.5)
        path.cubicTo(6, 15, 3.5, 11, 3.5, 5)
        path.closeSubpath()
        p.drawPath(path)
        p.drawPolyline([QPointF(7, 10), QPointF(9.2, 12.2), QPointF(13, 8)])
    elif key == "incidents":
        # A map pin above three people: many victims from one place and time.
        pin = QPainterPath()
        pin.moveTo(10, 9)
        pin.cubicTo(7, 6, 7, 2.5, 10, 2.5)
        pin.cubicTo(13, 2.5, 13, 6, 10, 9)
        p.drawPath(pin)
        for x in (3, 8.5, 14):
            p.drawEllipse(QRectF(x, 11, 3, 3))
            p.drawArc(QRectF(x - 1, 15, 5, 5), 0, 180 * 16)
    elif key == "transfers":
        # A folder handed on: an arrow out to the right, one back to the left.
        p.drawRoundedRect(QRectF(2.5, 4, 9, 12), 1.5, 1.5)
        p.drawLine(QPointF(9, 8), QPointF(17.5, 8))
        p.drawPolyline([QPointF(15.5, 6), QPointF(17.5, 8), QPointF(15.5, 10)])
        p.drawLine(QPointF(17.5, 13), QPointF(11, 13))
        p.drawPolyline([QPointF(13, 11), QPointF(11, 13), QPointF(13, 15)])
    elif key == "duplicates":
        # Two people, side by side, joined: one person registered twice.
        for x in (2.5, 11.5):
            p.drawEllipse(QRectF(x + 1, 3, 4, 4))
            p.drawArc(QRectF(x, 8.5, 6, 7), 0, 180 * 16)
        p.drawLine(QPointF(6, 17), QPointF(14, 17))


def nav_icon(key: str, palette: QPalette) -> QIcon:
    """The icon of a screen in the navigation, in the palette's text colour (and its
    highlighted-text colour when selected)."""
    icon = QIcon()
    for mode, role in (
        (QIcon.Mode.Normal, QPalette.ColorRole.WindowText),
        (QIcon.Mode.Selected, QPalette.ColorRole.HighlightedText),
    ):
        for scale in (1, 2):
            pixmap = QPixmap(20 * scale, 20 * scale)
            pixmap.setDevicePixelRatio(scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _draw(key, painter, palette.color(role))
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon


class BadgeDelegate(QStyledItemDelegate):
    """A navigation entry with a count at its right end, in a rounded badge (the
    warning colour when the count is of late work). The count is the item's data under
    ``COUNT_ROLE``: ``(count, late)``; nothing is drawn for 0."""

    COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
    ROOM_ROLE = Qt.ItemDataRole.UserRole + 2  # True: the entry keeps room for a badge

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        count, late = index.data(self.COUNT_ROLE) or (0, False)
        if not count:
            return
        from tipdesk.ui.models.case_list import format_count

        text = format_count(count) if count < 100 else "99+"
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setBold(True)
        metrics = QFontMetrics(font)
        width = max(metrics.height(), metrics.horizontalAdvance(text) + 10)
        box = QRect(0, 0, width, metrics.height() + 2)
        box.moveCenter(option.rect.center())
        box.moveRight(option.rect.right() - 6)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(WARNING_COLOUR if late else "#5f6368"))
        painter.drawRoundedRect(QRectF(box), box.height() / 2, box.height() / 2)
        painter.setPen(QColor("white"))
        painter.setFont(font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        badge = 0
        if index.data(self.ROOM_ROLE):
            font = QFont(option.font)
            font.setPointSizeF(font.pointSizeF() * 0.85)
            font.setBold(True)
            badge = QFontMetrics(font).horizontalAdvance("99+") + 16
        return QSize(size.width() + badge, max(size.height(), 28))
