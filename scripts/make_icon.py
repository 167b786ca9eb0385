"""Draw the TipDesk icon (resources/icons/tipdesk.png and .ico) with Qt.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icon.py

A folder shape with a lock: the register, kept safe. Run it again only to change the
icon; the files are committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    folder = QPainterPath()
    folder.moveTo(24 * s, 64 * s)
    folder.lineTo(100 * s, 64 * s)
    folder.lineTo(120 * s, 84 * s)
    folder.lineTo(232 * s, 84 * s)
    folder.lineTo(232 * s, 212 * s)
    folder.lineTo(24 * s, 212 * s)
    folder.closeSubpath()
    p.fillPath(folder, QBrush(QColor("#1f5f8b")))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#f2b233"))
    p.drawRoundedRect(QRectF(96 * s, 128 * s, 64 * s, 56 * s), 8 * s, 8 * s)
    pen = QPen(QColor("#f2b233"), 12 * s)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawArc(QRectF(108 * s, 96 * s, 40 * s, 64 * s), 0, 180 * 16)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f5f8b"))
    p.drawEllipse(QPointF(128 * s, 152 * s), 8 * s, 8 * s)
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(OUT / "tipdesk.png"))
    if (
        not draw(256)
        .scaled(
            64, 64, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        .save(str(OUT / "tipdesk.ico"), "ICO")
    ):
        # Qt's ICO writer (imageformats plugin) is missing: keep the PNG only.
        print("tipdesk.ico not written: no ICO image writer in this Qt", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
