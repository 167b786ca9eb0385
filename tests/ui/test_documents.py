"""Documents on screen (issue 24): attached through the dialog (chosen or dropped), listed,
shown from memory (an image zoomed and turned, a PDF's pages), saved as a plain copy only
after the warning, and a read-only copy whose documents can be viewed but not changed."""

from __future__ import annotations

import io
import tempfile
import warnings
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.helpers import new_case, send
from tests.ui.conftest import settle
from tipdesk.services.casework import documents
from tipdesk.services.casework import transfers as tr
from tipdesk.ui.dialogs import document as document_dialogs
from tipdesk.ui.dialogs import letter
from tipdesk.ui.dialogs.document import DocumentDialog, DocumentViewer
from tipdesk.ui.views.case_file import CaseFileWidget


def canary_image(width: int = 600, height: int = 300, kind: str = "PNG") -> bytes:
    """An image nobody else has: noise, so its bytes are found only where it was put."""
    out = io.BytesIO()
    Image.effect_noise((width, height), 80).convert("RGB").save(out, kind)
    return out.getvalue()


def canary_pdf(pages: int = 3) -> bytes:
    images = [Image.effect_noise((400, 560), 60).convert("RGB") for _ in range(pages)]
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:])
    return out.getvalue()


def case_window(qtbot, session, number: str) -> CaseFileWidget:
    widget = CaseFileWidget(session, number)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_tab("documents")
    return widget


def rows(widget: CaseFileWidget) -> list[list[str]]:
    model = widget.documents.model
    return [
        [model.index(row, c).data() for c in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def fill(kind: str = "identity_card", date: str = "12/03/2026", note: str = ""):
    """An ``exec`` that fills the attach dialog as a user would and presses Save."""
    seen: list[dict] = []

    def exec_(dialog: DocumentDialog) -> int:
        seen.append({"path": dialog.path_edit.text(), "title": dialog.windowTitle()})
        dialog.kind.set_value(kind)
        dialog.date.edit.setText(date)
        if note:
            dialog.note.edit.setPlainText(note)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        settle()
        seen[-1]["message"] = dialog.message.text() if dialog.message.isVisibleTo(dialog) else ""
        return dialog.result()

    return exec_, seen


def test_a_file_chosen_in_the_dialog_is_attached_listed_and_kept(
    qtbot, session, tmp_path, monkeypatch
):
    file = new_case(session)
    number = file.case.case_number
    scan = tmp_path / "ktp-maria.png"
    scan.write_bytes(canary_image())
    asked = []

    def choose(parent, title, folder, filters):
        asked.append(filters)
        return str(scan), ""

    monkeypatch.setattr(document_dialogs.QFileDialog, "getOpenFileName", staticmethod(choose))
    exec_, seen = fill(note="KTP asli dilihat")

    def choose_then_fill(dialog):
        dialog.choose_button.click()
        return exec_(dialog)

    monkeypatch.setattr(DocumentDialog, "exec", choose_then_fill)
    widget = case_window(qtbot, session, number)
    assert widget.documents.note.text().startswith("No documents yet")
    widget.documents.attach_button.click()

    assert "*.pdf *.jpg *.jpeg *.png *.webp" in asked[0]
    assert seen[0]["path"] == str(scan) and seen[0]["message"] == ""
    size = f"{round(scan.stat().st_size / 1024)} KB"
    assert rows(widget) == [
        ["Identity document", "12/03/2026", "Case", "PNG", size, "KTP asli dilihat"]
    ]
    assert widget.tabs.tabText(widget.tabs.indexOf(widget.documents)) == "Documents (1)"
    assert widget.message.text() == "Document attached."
    [stored] = documents.list_documents(session, number)
    assert (stored.kind, stored.file_name, stored.note) == (
        "identity_card",
        "ktp-maria.png",
        "KTP asli dilihat",
    )
    assert documents.read_document(session, stored.id)[1] == scan.read_bytes()


def test_a_file_that_is_not_a_scan_is_refused_in_the_dialog_and_nothing_is_kept(
    qtbot, session, tmp_path, monkeypatch
):
    number = new_case(session).case.case_number
    notes = tmp_path / "catatan.txt"
    notes.write_text("bukan dokumen")
    exec_, seen = fill()
    monkeypatch.setattr(DocumentDialog, "exec", exec_)
    widget = case_window(qtbot, session, number)
    widget.documents.attach([notes])
    assert "not a PDF, JPEG, PNG or WebP" in seen[0]["message"]
    assert rows(widget) == [] and documents.list_documents(session, number) == []


def test_scaling_photos_is_a_remembered_choice_of_the_attach_dialog(
    qtbot, session, tmp_path, monkeypatch
):
    number = new_case(session).case.case_number
    photo = tmp_path / "IMG_2041.jpg"
    photo.write_bytes(canary_image(2600, 1300, "JPEG"))
    exec_, _seen = fill(kind="photo")
    states = []

    def unticked(dialog):
        states.append(dialog.scale_box.isChecked())
        dialog.scale_box.setChecked(False)
        return exec_(dialog)

    monkeypatch.setattr(DocumentDialog, "exec", unticked)
    widget = case_window(qtbot, session, number)
    widget.documents.attach([photo])
    [kept] = documents.list_documents(session, number)
    assert documents.read_document(session, kept.id)[1] == photo.read_bytes()

    def ticked(dialog):
        states.append(dialog.scale_box.isChecked())
        dialog.scale_box.setChecked(True)
        return exec_(dialog)

    monkeypatch.setattr(DocumentDialog, "exec", ticked)
    widget.documents.attach([photo])
    assert states == [True, False]  # on at first, then as last chosen
    scaled = next(d for d in documents.list_documents(session, number) if d.id != kept.id)
    _, data = documents.read_document(session, scaled.id)
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (2000, 1000)
    # Sizes from 1 MB on are shown in MB.
    assert f"{kept.size / 1024 / 1024:.1f} MB" in [row[4] for row in rows(widget)]


def drop(target, paths: list[Path]) -> bool:
    """Drag ``paths`` onto ``target`` and drop them; whether the drop was taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    how = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with warnings.catch_warnings():  # (PySide marks the one constructor there is deprecated)
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(20, 20), *how)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(20, 20), *how)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def test_files_dropped_on_the_tab_or_its_list_open_the_attach_dialog_with_them(
    qtbot, session, tmp_path, monkeypatch
):
    number = new_case(session).case.case_number
    first, second, third = (tmp_path / f"foto-{i}.png" for i in range(3))
    for path in (first, second, third):
        path.write_bytes(canary_image(300, 200))
    exec_, seen = fill(kind="photo", date="")
    widget = case_window(qtbot, session, number)
    monkeypatch.setattr(DocumentDialog, "exec", exec_)
    assert drop(widget.documents, [first])
    assert [s["path"] for s in seen] == [str(first)]
    assert rows(widget)[0][:4] == ["Photo", "", "Case", "PNG"]

    # Two files on the list: a dialog each, then Cancel leaves the rest.
    answers = iter([exec_, lambda dialog: seen.append({"path": dialog.path_edit.text()}) or 0])
    monkeypatch.setattr(DocumentDialog, "exec", lambda dialog: next(answers)(dialog))
    drop(widget.documents.view.viewport(), [second, third])
    assert [s["path"] for s in seen] == [str(first), str(second), str(third)]
    assert seen[1]["title"] == "Attach a document (1 of 2)"
    assert len(documents.list_documents(session, number)) == 2 == len(rows(widget))


def scan_for(data: bytes, *folders: Path) -> list[Path]:
    """Files under ``folders`` holding ``data`` or a telling piece of it."""
    piece = data[len(data) // 2 : len(data) // 2 + 64]
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                content = path.read_bytes()
                if data in content or piece in content:
                    found.append(path)
    return found


@pytest.fixture
def private_temp(tmp_path, monkeypatch) -> Path:
    """Python's and Qt's temporary folder, empty, for this test alone (to scan it)."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_an_image_is_shown_from_memory_zoomed_and_turned(
    qtbot, session, tmp_path, monkeypatch, private_temp
):
    number = new_case(session).case.case_number
    data = canary_image(1200, 600)
    document = documents.attach(session, number, data, kind="photo", file_name="luka.png")
    seen = {}

    def exec_(viewer: DocumentViewer) -> int:
        viewer.show()
        qtbot.waitUntil(lambda: viewer.painted_at is not None)
        image = viewer.image
        fitted = image.shown_size()
        assert fitted.width() <= image.viewport().width()
        viewer.zoom_in_button.click()
        zoomed = image.shown_size()
        QTest.keySequence(viewer, "Ctrl+-")
        QTest.keySequence(viewer, "Ctrl+-")
        smaller = image.shown_size()
        viewer.rotate_button.click()
        turned = image.shown_size()
        viewer.fit_button.click()
        seen.update(fitted=fitted, zoomed=zoomed, smaller=smaller, turned=turned)
        seen["found"] = scan_for(data, private_temp, session.folder)
        return 0

    monkeypatch.setattr(DocumentViewer, "exec", exec_)
    widget = case_window(qtbot, session, number)
    widget.documents.view.selectRow(0)
    QTest.keyClick(widget.documents.view, Qt.Key.Key_Return)

    fitted, zoomed = seen["fitted"], seen["zoomed"]
    assert fitted.width() == pytest.approx(2 * fitted.height(), abs=2)
    assert zoomed.width() == pytest.approx(fitted.width() * 1.25, abs=2)
    assert seen["smaller"].width() < zoomed.width()
    # A quarter turn: the wide image stands upright.
    assert seen["turned"].height() == pytest.approx(seen["smaller"].width(), abs=2)
    assert seen["turned"].width() == pytest.approx(seen["smaller"].height(), abs=2)
    assert seen["found"] == []
    assert document.id  # (the viewing was audited by the service: its own test)


def test_a_pdf_is_shown_from_memory_with_its_pages(
    qtbot, session, tmp_path, monkeypatch, private_temp
):
    number = new_case(session).case.case_number
    data = canary_pdf(3)
    documents.attach(session, number, data, kind="court_decision", file_name="putusan.pdf")
    seen = {}

    def exec_(viewer: DocumentViewer) -> int:
        viewer.show()
        qtbot.waitUntil(lambda: viewer.painted_at is not None)
        seen["pages"] = viewer.pages.text()
        viewer.page.setValue(3)
        seen["page"] = viewer.pdf_view.pageNavigator().currentPage()
        before = viewer._pdf_zoom()
        viewer.zoom_in_button.click()
        seen["zoom"] = (before, viewer.pdf_view.zoomFactor())
        seen["found"] = scan_for(data, private_temp, session.folder)
        return 0

    monkeypatch.setattr(DocumentViewer, "exec", exec_)
    widget = case_window(qtbot, session, number)
    widget.documents.view.selectRow(0)
    widget.documents.view_button.click()
    assert seen["pages"] == "of 3"
    assert seen["page"] == 2
    before, after = seen["zoom"]
    assert after == pytest.approx(before * 1.25, rel=0.01)
    assert seen["found"] == []


def test_save_a_copy_warns_first_and_writes_the_exact_bytes_only_if_accepted(
    qtbot, session, tmp_path, monkeypatch
):
    number = new_case(session).case.case_number
    data = canary_image()
    documents.attach(session, number, data, kind="consent", file_name="persetujuan.png")
    out = tmp_path / "out"
    out.mkdir()
    warnings, proposed = [], []
    answer = {"yes": False}

    def ask(cls, parent, title, text, detail, yes):
        warnings.append((title, text, detail))
        return answer["yes"]

    def where(parent, title, path, filters):
        proposed.append(path)
        return str(out / "salinan"), filters

    monkeypatch.setattr(letter.Confirm, "ask", classmethod(ask))
    monkeypatch.setattr(document_dialogs.QFileDialog, "getSaveFileName", staticmethod(where))
    widget = case_window(qtbot, session, number)
    widget.documents.view.selectRow(0)

    widget.documents.save_button.click()  # declined
    assert len(warnings) == 1 and "not encrypted" in warnings[0][2]
    assert proposed == [] and list(out.iterdir()) == []

    answer["yes"] = True
    widget.documents.save_button.click()
    assert len(warnings) == 2
    assert Path(proposed[0]).name == "persetujuan.png"
    assert (out / "salinan.png").read_bytes() == data
    assert "not encrypted" in widget.message.text()


def test_a_document_is_removed_after_the_question_says_it_is_destroyed_everywhere(
    qtbot, session, monkeypatch
):
    number = new_case(session).case.case_number
    documents.attach(session, number, canary_image(), kind="photo", file_name="a.png")
    asked = []
    monkeypatch.setattr(
        document_dialogs.ConfirmDocumentRemoval,
        "ask",
        classmethod(lambda cls, parent, what: asked.append(what) or True),
    )
    widget = case_window(qtbot, session, number)
    widget.documents.view.selectRow(0)
    widget.documents.remove_button.click()
    assert asked == ["Photo · a.png"]
    assert rows(widget) == [] and documents.list_documents(session, number) == []
    assert widget.message.text() == "Document removed."


def test_a_read_only_copy_shows_its_documents_but_attaches_edits_or_removes_none(
    qtbot, three_offices, tmp_path, monkeypatch
):
    kup, bel, ntt, stick = three_offices
    number = new_case(kup.session).case.case_number
    for sender, receiver in ((kup, ntt), (bel, ntt), (ntt, kup), (ntt, bel)):
        send(sender, receiver, stick)  # each district learns of the other
    tr.request(kup.session, number, "BEL", "Korban pulang ke Belu, keluarga di sana")
    send(kup, ntt, stick)
    send(ntt, bel, stick)
    # Kept at KUP only (never in a batch): KUP holds it when its copy turns read-only.
    documents.attach(kup.session, number, canary_image(), kind="consent", file_name="s.png")
    tr.accept(bel.session, number)
    send(bel, ntt, stick)
    send(ntt, kup, stick)
    viewed, opened = [], []
    monkeypatch.setattr(DocumentViewer, "exec", lambda viewer: viewed.append(viewer) or 0)
    monkeypatch.setattr(DocumentDialog, "exec", lambda dialog: opened.append(dialog) or 0)

    widget = case_window(qtbot, kup.session, number)
    assert widget.read_only
    tab = widget.documents
    assert len(rows(widget)) == 1
    assert not tab.attach_button.isEnabled()
    tab.view.selectRow(0)
    assert tab.view_button.isEnabled() and tab.save_button.isEnabled()
    assert not tab.edit_button.isEnabled() and not tab.remove_button.isEnabled()
    middle = tab.view.visualRect(tab.model.index(0, 0)).center()
    for click in (QTest.mouseClick, QTest.mouseDClick):  # a double click, as Qt gets one
        click(
            tab.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle
        )
    assert len(viewed) == 1 and viewed[0].document.kind == "consent"
    tab.edit_document()
    tab.remove_document()
    dropped = tmp_path / "foto.png"
    dropped.write_bytes(canary_image(200, 100))
    assert not drop(tab, [dropped])
    assert opened == [] and len(documents.list_documents(kup.session, number)) == 1
