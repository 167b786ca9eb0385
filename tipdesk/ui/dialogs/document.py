"""A document of a case (issue 24): attached or edited in :class:`DocumentDialog`, shown
in :class:`DocumentViewer`, saved as a plain copy by :func:`save_copy`.

The bytes of a document are shown from memory only: an image is decoded from them, a PDF
read by QtPdf through a ``QBuffer`` over them; nothing is written to disk except the copy
the user asks for, after the same warning as an unencrypted letter. Attaching reads the
file and writes it to the register in the background (half a second for 20 MB).
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QImage, QImageReader, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tipdesk.domain import records as r
from tipdesk.domain.errors import DocumentRefused, Problem, TipdeskError, ValidationFailed
from tipdesk.domain.vocab import (
    DOCUMENT_FORMAT,
    DOCUMENT_KIND,
    DOCUMENT_SUBJECT,
    LEGAL_STEP_KIND,
    RETURN_ESCORT,
    SERVICE_TYPE,
)
from tipdesk.services.casework import documents
from tipdesk.services.session import Session
from tipdesk.ui import settings
from tipdesk.ui.dates import format_date
from tipdesk.ui.dialogs.errors import refusal_text, report, show_refusal
from tipdesk.ui.i18n import current_language
from tipdesk.ui.models.case_list import vocab_label
from tipdesk.ui.operations import run_in_background
from tipdesk.ui.widgets.forms import (
    DateEditor,
    FieldEditor,
    editor_for,
    message_label,
    save_cancel_buttons,
)

_C = "DocumentDialog"
# A file this much larger than the largest document is refused before it is read: a
# video dropped by mistake should not fill the laptop's memory.
READ_AT_MOST = 4 * r.MAX_DOCUMENT_BYTES
FILE_FILTER = QT_TRANSLATE_NOOP(
    "DocumentDialog", "Scans and photos (*.pdf *.jpg *.jpeg *.png *.webp)"
)


def _t(text: str) -> str:
    return QCoreApplication.translate(_C, text)


# --- what a document is attached to -----------------------------------------------------------


def _record_label(subject: str, record: Any, file: r.CaseFile) -> str:
    """A record of the case as a reader knows it: "Service: Medical care 12/03/2026"."""
    if subject == "service":
        what = vocab_label(SERVICE_TYPE, record.service_type)
        day = record.started_on or record.planned_on or record.completed_on
    elif subject == "referral":
        provider = file.providers.get(record.provider_id)
        what = provider.name if provider else ""
        day = record.letter_date
    elif subject == "legal_step":
        what, day = vocab_label(LEGAL_STEP_KIND, record.kind), record.step_on
    else:
        what = vocab_label(RETURN_ESCORT, record.escort)
        day = record.departed_on or record.arrived_on
    detail = " ".join(bit for bit in (what, format_date(day)) if bit)
    name = vocab_label(DOCUMENT_SUBJECT, subject)
    return f"{name}: {detail}" if detail else name


SUBJECT_LISTS = {
    "service": "services",
    "referral": "referrals",
    "legal_step": "legal_steps",
    "return": "returns",
}


def subject_choices(file: r.CaseFile) -> list[tuple[str, tuple[str, str]]]:
    """What a document of ``file`` may be attached to: (label, (attached_to, id))."""
    choices = [
        (vocab_label(DOCUMENT_SUBJECT, "person"), ("person", "")),
        (vocab_label(DOCUMENT_SUBJECT, "case"), ("case", "")),
    ]
    for subject, file_list in SUBJECT_LISTS.items():
        for record in getattr(file, file_list):
            if not record.deleted:
                choices.append((_record_label(subject, record, file), (subject, record.id)))
    return choices


def subject_label(document: r.Document, file: r.CaseFile | None) -> str:
    """What ``document`` is attached to, as the list shows it."""
    subject = document.attached_to or "case"
    file_list = SUBJECT_LISTS.get(subject)
    if file_list is None or file is None:
        return vocab_label(DOCUMENT_SUBJECT, subject)
    record = next((x for x in getattr(file, file_list) if x.id == document.attached_id), None)
    if record is None or record.deleted:
        return _t(QT_TRANSLATE_NOOP("DocumentDialog", "{subject} (removed)")).format(
            subject=vocab_label(DOCUMENT_SUBJECT, subject)
        )
    return _record_label(subject, record, file)


def size_text(size: int | None) -> str:
    """A size as a person reads it: "340 KB", "2.4 MB" ("2,4 MB" in Indonesian)."""
    if size is None:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    shown = f"{size / 1024 / 1024:.1f}"
    return f"{shown.replace('.', ',') if current_language() == 'id' else shown} MB"


def document_title(document: r.Document) -> str:
    """A document's kind, date and file name in one line."""
    bits = [
        vocab_label(DOCUMENT_KIND, document.kind),
        format_date(document.document_on),
        document.file_name,
    ]
    return " · ".join(bit for bit in bits if bit)


# --- attach and edit --------------------------------------------------------------------------


class DocumentDialog(QDialog):
    """Attach a file to the case (``document`` None: a file, chosen or dropped) or edit a
    document's kind, date, what it is attached to and note."""

    def __init__(
        self,
        session: Session,
        file: r.CaseFile,
        document: r.Document | None = None,
        path: str | Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.file = session, file
        self.is_new = document is None
        self.document: r.Document | None = document
        self.setWindowTitle(
            self.tr("Attach a document") if self.is_new else self.tr("Edit document")
        )
        fields = r.fields_of(r.Document)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if self.is_new:
            self.path_edit = QLineEdit(str(path or ""), self)
            self.path_edit.setObjectName("path")
            self.path_edit.setPlaceholderText(self.tr("Choose a PDF, JPEG, PNG or WebP file"))
            self.choose_button = QPushButton(self.tr("Choose…"), self)
            self.choose_button.setObjectName("choose_file")
            self.choose_button.clicked.connect(self.choose_file)
            row = QHBoxLayout()
            row.addWidget(self.path_edit, 1)
            row.addWidget(self.choose_button)
            form.addRow(self.tr("File *"), row)
        else:
            assert document is not None
            shown = QLabel(
                " · ".join(
                    bit
                    for bit in (
                        document.file_name,
                        vocab_label(DOCUMENT_FORMAT, document.media_type),
                        size_text(document.size),
                    )
                    if bit
                ),
                self,
            )
            shown.setObjectName("file")
            shown.setWordWrap(True)
            form.addRow(self.tr("File"), shown)
        self.kind: FieldEditor = editor_for(fields["kind"], self)
        self.date: FieldEditor = editor_for(fields["document_on"], self)
        assert isinstance(self.date, DateEditor)
        self.subject = QComboBox(self)
        self.subject.setObjectName("attached_to")
        for label, value in subject_choices(file):
            self.subject.addItem(label, value)
        self.note: FieldEditor = editor_for(fields["note"], self)
        form.addRow(self.tr("Kind of document *"), self.kind)
        form.addRow(self.tr("Date of the document"), self.date)
        form.addRow(self.tr("Attached to"), self.subject)
        form.addRow(self.tr("Note"), self.note)
        if self.is_new:
            self.scale_box = QCheckBox(self.tr("Scale down large photos"), self)
            self.scale_box.setObjectName("scale_photos")
            self.scale_box.setToolTip(
                self.tr(
                    "A photo larger than 2000 pixels is kept smaller, still legible, and "
                    "without the place where it was taken. PDF files are kept as they are. "
                    "The choice is remembered."
                )
            )
            self.scale_box.setChecked(settings.scale_photos())
            self.scale_box.toggled.connect(settings.set_scale_photos)
            form.addRow("", self.scale_box)
        self.message = message_label(self)
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._load(document)
        self.resize(640, self.sizeHint().height())

    def _load(self, document: r.Document | None) -> None:
        self.kind.write(document.kind if document else None)
        self.date.write(document.document_on if document else None)
        self.note.write(document.note if document else "")
        wanted = (document.attached_to or "case", document.attached_id) if document else None
        index = self.subject.findData(wanted) if wanted else self.subject.findData(("case", ""))
        if index < 0 and document is not None:  # a record since removed: kept as it is
            self.subject.addItem(subject_label(document, self.file), wanted)
            index = self.subject.count() - 1
        self.subject.setCurrentIndex(max(0, index))

    def choose_file(self) -> None:
        folder = str(Path(self.path_edit.text()).parent) if self.path_edit.text() else ""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the file to attach"),
            folder
            or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
            ";;".join((_t(FILE_FILTER), self.tr("All files (*)"))),
        )
        if chosen:
            self.path_edit.setText(chosen)

    # --- saving ---------------------------------------------------------------------------

    def _values(self) -> tuple[dict[str, Any], list[Problem]]:
        problems: list[Problem] = []
        kind, problem = self.kind.read()
        if problem is not None:
            problems.append(problem)
        elif not kind:
            problems.append(Problem("kind", "required"))
        day, problem = self.date.read()
        if problem is not None:
            problems.append(problem)
        note, problem = self.note.read()
        if problem is not None:
            problems.append(problem)
        attached_to, attached_id = self.subject.currentData() or ("case", "")
        values = dict(
            kind=kind,
            document_on=day,
            note=note or "",
            attached_to=attached_to,
            attached_id=attached_id,
        )
        return values, problems

    def save(self) -> bool:
        """Attach the file (in the background) or save the edits; False if refused now."""
        self.message.hide()
        values, problems = self._values()
        if problems:
            self._say(refusal_text(ValidationFailed(problems)))
            return False
        if not self.is_new:
            return self._update(values)
        text = self.path_edit.text().strip()
        if not text:
            self._say(self.tr("Choose the file to attach."))
            return False
        path, scale = Path(text), self.scale_box.isChecked()
        number = self.file.case.case_number

        def work(_progress: object, _cancelled: object) -> r.Document:
            size = path.stat().st_size
            if size > READ_AT_MOST:
                raise DocumentRefused(
                    reason="too_large",
                    size=round(size / 1024 / 1024, 1),
                    max=r.MAX_DOCUMENT_BYTES // 1024 // 1024,
                )
            data = path.read_bytes()
            return documents.attach(
                self.session, number, data, file_name=path.name, scale=scale, **values
            )

        run_in_background(
            self,
            self.windowTitle(),
            self.tr("Attaching {name}…").format(name=path.name),
            work,
            success=self._attached,
            failure=self._failed,
            cancellable=False,
            whole_app=True,  # it writes the register
        )
        return True

    def _attached(self, document: r.Document) -> None:
        self.document = document
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, TipdeskError):
            self._say(refusal_text(error))
        elif isinstance(error, OSError):
            self._say(
                self.tr("The file could not be read: {reason}").format(
                    reason=error.strerror or type(error).__name__
                )
            )
        else:
            report(self, error)

    def _update(self, values: dict[str, Any]) -> bool:
        assert self.document is not None
        edited = dataclasses.replace(self.document, **values)
        try:
            documents.update_document(self.session, edited)
        except TipdeskError as exc:
            self._say(refusal_text(exc))
            return False
        self.document = edited
        self.accept()
        return True

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    @classmethod
    def attach(
        cls,
        session: Session,
        file: r.CaseFile,
        path: str | Path | None = None,
        parent: QWidget | None = None,
        title: str = "",
    ) -> r.Document | None:
        """Show the dialog for a new document (``path`` filled in); the attached document,
        or None if cancelled."""
        dialog = cls(session, file, None, path, parent)
        if title:
            dialog.setWindowTitle(title)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.document if accepted else None
        finally:
            dialog.deleteLater()

    @classmethod
    def edit(
        cls, session: Session, file: r.CaseFile, document: r.Document, parent: QWidget | None
    ) -> bool:
        """Show the dialog for ``document``; True if its edits were saved."""
        dialog = cls(session, file, document, None, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


# --- removing and saving a copy ---------------------------------------------------------------


class ConfirmDocumentRemoval:
    """Asks before a document is destroyed (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent: QWidget | None, what: str) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_t(QT_TRANSLATE_NOOP("DocumentDialog", "Remove document")))
        box.setText(
            _t(QT_TRANSLATE_NOOP("DocumentDialog", "Remove this document from the case?"))
            + f"\n\n{what}"
        )
        box.setInformativeText(
            _t(
                QT_TRANSLATE_NOOP(
                    "DocumentDialog",
                    "Its contents are destroyed in this register now, and in every office "
                    "that has it once the removal is synced. This cannot be undone.",
                )
            )
        )
        remove = box.addButton(
            _t(QT_TRANSLATE_NOOP("DocumentDialog", "Remove")),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        cancel = box.addButton(
            _t(QT_TRANSLATE_NOOP("DocumentDialog", "Cancel")), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is remove


def not_encrypted_note() -> str:
    return _t(
        QT_TRANSLATE_NOOP(
            "DocumentDialog",
            "A saved copy is not encrypted and shows data about a victim. Keep it only "
            "where people who are not authorised cannot read it, and delete it when it is "
            "no longer needed.",
        )
    )


def save_copy(session: Session, document: r.Document, parent: QWidget | None) -> Path | None:
    """After the warning an unencrypted letter gets, a plain copy of ``document`` where the
    user chooses (their Documents folder first); the path, or None if nothing was written
    (cancelled, or refused: the reason is shown)."""
    from tipdesk.ui.dialogs.letter import Confirm, wait_cursor  # (ReportLab: when needed)

    title = _t(QT_TRANSLATE_NOOP("DocumentDialog", "Save a copy"))
    if not Confirm.ask(
        parent,
        title,
        _t(QT_TRANSLATE_NOOP("DocumentDialog", "Save this document as an unencrypted file?"))
        + f"\n\n{document_title(document)}",
        not_encrypted_note(),
        _t(QT_TRANSLATE_NOOP("DocumentDialog", "Choose where…")),
    ):
        return None
    name = documents.suggested_name(document)
    suffix = Path(name).suffix.lower() or documents.SUFFIX.get(document.media_type or "", "")
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    type_name = vocab_label(DOCUMENT_FORMAT, document.media_type) or suffix
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        _t(QT_TRANSLATE_NOOP("DocumentDialog", "Save a copy of the document")),
        str(Path(folder) / name),
        f"{type_name} (*{suffix})" if suffix else "",
    )
    if not chosen:
        return None
    target = Path(chosen)
    if suffix and target.suffix.lower() != suffix and not target.is_dir():
        target = target.with_name(target.name + suffix)
    try:
        with wait_cursor():
            return documents.save_copy(session, document.id, target)
    except TipdeskError as exc:
        show_refusal(parent, exc)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            title,
            _t(
                QT_TRANSLATE_NOOP("DocumentDialog", "The copy was not saved in {folder}: {reason}")
            ).format(folder=target.parent, reason=exc.strerror or type(exc).__name__),
        )
    return None


# --- the viewer -------------------------------------------------------------------------------

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
# An image is first decoded no larger than this on its longest side (a third of the time
# of the whole image, for a 5 MB scan): enough to fill a laptop's screen; the rest of its
# pixels are decoded when the user zooms in past them.
FIRST_DECODE = 1600


class _FirstPaint(QObject):
    """Notes when a widget first paints (the budget: asked to view -> first paint)."""

    def __init__(self, owner: DocumentViewer) -> None:
        super().__init__(owner)
        self.owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.owner.painted_at is None:
            self.owner.painted_at = time.perf_counter()
        return False


class ImageView(QGraphicsView):
    """An image from memory, zoomed and turned by the view (the pixmap itself is never
    enlarged: zooming in costs no memory)."""

    def __init__(self, data: QByteArray, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("image")
        self.setRenderHints(
            QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing
        )
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.data = data
        self.zoom = 1.0
        self.rotation = 0
        self.fitting = True
        self.full = False  # every pixel decoded
        self.original = QSize()
        self.ok = self._decode(FIRST_DECODE)

    def _reader(self) -> tuple[QImageReader, QBuffer]:
        buffer = QBuffer(self)
        buffer.setData(self.data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)  # a phone's "this side up"
        return reader, buffer

    def _decode(self, longest: int | None) -> bool:
        reader, buffer = self._reader()
        try:
            stored = reader.size()
            if longest and stored.isValid() and max(stored.width(), stored.height()) > longest:
                reader.setScaledSize(
                    stored.scaled(longest, longest, Qt.AspectRatioMode.KeepAspectRatio)
                )
            else:
                self.full = True
            image = reader.read()
        finally:
            buffer.close()
            buffer.deleteLater()
        if image.isNull():
            return False
        if self.original.isEmpty():
            # The whole image's size, turned as shown (a pixel of the original is 1.0).
            ratio = 1.0
            if stored.isValid() and not self.full:
                ratio = max(stored.width(), stored.height()) / max(image.width(), image.height())
            self.original = QSize(round(image.width() * ratio), round(image.height() * ratio))
        self._show(image)
        return True

    def _show(self, image: QImage) -> None:
        self.item.setPixmap(QPixmap.fromImage(image))
        self.item.setScale(self.original.width() / max(1, image.width()))
        self.item.setTransformOriginPoint(0, 0)
        self.scene().setSceneRect(QRectF(0, 0, self.original.width(), self.original.height()))

    def _apply(self) -> None:
        if self.fitting:
            self.zoom = self._fit_zoom()
        if not self.full and self.zoom * self.original.width() > self.item.pixmap().width() * 1.05:
            self._decode(None)  # zoomed past the pixels decoded first
        self.resetTransform()
        self.rotate(self.rotation)
        self.scale(self.zoom, self.zoom)

    def _fit_zoom(self) -> float:
        width, height = self.original.width(), self.original.height()
        if self.rotation % 180:
            width, height = height, width
        room = self.viewport().size()
        if width <= 0 or height <= 0:
            return 1.0
        return max(MIN_ZOOM, min(room.width() / width, room.height() / height, MAX_ZOOM))

    def zoom_by(self, factor: float) -> None:
        self.fitting = False
        self.zoom = max(MIN_ZOOM, min(self.zoom * factor, MAX_ZOOM))
        self._apply()

    def fit(self) -> None:
        self.fitting = True
        self._apply()

    def turn(self) -> None:
        self.rotation = (self.rotation + 90) % 360
        self._apply()

    def shown_size(self) -> QSize:
        """The image's size on screen, in pixels, turned as shown."""
        shown = self.transform().mapRect(self.scene().sceneRect())
        return QSize(round(shown.width()), round(shown.height()))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self._apply()


class DocumentViewer(QDialog):
    """A document shown from memory: an image (zoom, fit, turn) or a PDF (pages, zoom,
    fit). ``painted_at`` is when it first painted (``time.perf_counter()``)."""

    def __init__(self, document: r.Document, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.painted_at: float | None = None
        self._painted = _FirstPaint(self)
        self._data = QByteArray(data)  # read by the image or the PDF as long as it shows
        self.setWindowTitle(self.tr("Document: {title}").format(title=document_title(document)))
        self.image: ImageView | None = None
        self.pdf_view: Any = None
        self.pdf: Any = None
        self._buffer: QBuffer | None = None
        self.zoom_out_button = QPushButton(self.tr("Zoom out"), self)
        self.zoom_out_button.setToolTip(self.tr("Smaller (Ctrl+-)"))
        self.zoom_in_button = QPushButton(self.tr("Zoom in"), self)
        self.zoom_in_button.setToolTip(self.tr("Larger (Ctrl++)"))
        self.fit_button = QPushButton(self.tr("Fit to window"), self)
        self.fit_button.setToolTip(self.tr("The whole page in the window (Ctrl+0)"))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit)
        self.rotate_button = QPushButton(self.tr("Rotate"), self)
        self.rotate_button.setToolTip(self.tr("Turn a quarter to the right (Ctrl+R)"))
        self.rotate_button.clicked.connect(self.rotate)
        tools = QHBoxLayout()
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            tools.addWidget(button)
        for button in (*self.findChildren(QPushButton),):
            button.setAutoDefault(False)  # Enter closes the viewer; it zooms nothing
        self.page = QSpinBox(self)
        self.page.setObjectName("page")
        self.pages = QLabel(self)
        self.pages.setObjectName("pages")
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        if document.media_type == "pdf":
            body = self._pdf_body()
            tools.addSpacing(12)
            tools.addWidget(QLabel(self.tr("Page"), self))
            tools.addWidget(self.page)
            tools.addWidget(self.pages)
            self.rotate_button.hide()
        else:
            body = self._image_body()
            tools.addWidget(self.rotate_button)
            self.page.hide()
            self.pages.hide()
        tools.addStretch(1)
        layout.addWidget(self.problem)
        layout.addWidget(body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(ZOOM_STEP)),
            (QKeySequence("Ctrl+="), lambda: self.zoom_by(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(1 / ZOOM_STEP)),
            (QKeySequence("Ctrl+0"), self.fit),
            (QKeySequence("Ctrl+R"), self.rotate),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(slot)
        self._fit_screen()

    def _fit_screen(self) -> None:
        room = self.screen().availableGeometry() if self.screen() else None
        width, height = 900, 700
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)

    def _image_body(self) -> QWidget:
        self.image = ImageView(self._data, self)
        self.image.viewport().installEventFilter(self._painted)
        if not self.image.ok:
            self._cannot_show()
        return self.image

    def _pdf_body(self) -> QWidget:
        from PySide6.QtPdf import QPdfDocument  # (QtPdf: when a PDF is shown)
        from PySide6.QtPdfWidgets import QPdfView

        self.pdf = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self._buffer.setData(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setObjectName("pdf")
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.pdf_view.viewport().installEventFilter(self._painted)
        count = self.pdf.pageCount()
        if self.pdf.status() != QPdfDocument.Status.Ready or count < 1:
            self._cannot_show()
        self.page.setRange(1, max(1, count))
        self.page.setEnabled(count > 1)
        self.pages.setText(self.tr("of {count}").format(count=count))
        navigator = self.pdf_view.pageNavigator()
        navigator.currentPageChanged.connect(lambda page: self.page.setValue(page + 1))
        self.page.valueChanged.connect(self.go_to_page)
        return self.pdf_view

    def _cannot_show(self) -> None:
        self.problem.setText(
            self.tr(
                "This document cannot be shown: its contents are damaged or of a kind "
                "TipDesk cannot draw. Save a copy to open it with another program."
            )
        )
        self.problem.show()

    # --- what the buttons do --------------------------------------------------------------

    def go_to_page(self, number: int) -> None:
        if self.pdf_view is None:
            return
        navigator = self.pdf_view.pageNavigator()
        if navigator.currentPage() != number - 1:
            navigator.jump(number - 1, QPointF(), navigator.currentZoom())

    def zoom_by(self, factor: float) -> None:
        if self.image is not None:
            self.image.zoom_by(factor)
        elif self.pdf_view is not None:
            from PySide6.QtPdfWidgets import QPdfView

            current = self._pdf_zoom()
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.pdf_view.setZoomFactor(max(MIN_ZOOM, min(current * factor, MAX_ZOOM)))

    def _pdf_zoom(self) -> float:
        """The PDF's zoom as shown (a fit mode's, worked out from the page and the view)."""
        from PySide6.QtPdfWidgets import QPdfView

        if self.pdf_view.zoomMode() == QPdfView.ZoomMode.Custom:
            return float(self.pdf_view.zoomFactor())
        page = self.pdf.pagePointSize(max(0, self.page.value() - 1))
        dpi = self.logicalDpiX() / 72.0
        room = self.pdf_view.viewport().size()
        if page.width() <= 0 or page.height() <= 0:
            return 1.0
        return min(room.width() / (page.width() * dpi), room.height() / (page.height() * dpi))

    def fit(self) -> None:
        if self.image is not None:
            self.image.fit()
        elif self.pdf_view is not None:
            from PySide6.QtPdfWidgets import QPdfView

            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def rotate(self) -> None:
        if self.image is not None:
            self.image.turn()

    def done(self, result: int) -> None:
        # The bytes leave memory with the dialog: the PDF and the buffer let go of them.
        if self.pdf is not None:
            self.pdf.close()
        if self._buffer is not None:
            self._buffer.close()
        super().done(result)

    @classmethod
    def show_document(
        cls, session: Session, document_id: str, parent: QWidget | None = None
    ) -> None:
        """Read the document (audited) and show it until the user closes it; a refusal
        (its contents missing, the case no longer readable) is said instead."""
        try:
            document, data = documents.read_document(session, document_id)
        except TipdeskError as exc:
            show_refusal(parent, exc)
            return
        dialog = cls(document, data, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
