"""The provider directory: list, search, add and edit, refusals in the person's language."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from tests.conftest import provider
from tipdesk.services.casework import cases
from tipdesk.ui import i18n
from tipdesk.ui.views.providers import ProviderDialog, ProvidersView


def fill(
    dialog: ProviderDialog, *, services: tuple[str, ...] = (), provider_type: str = "", **texts: str
) -> None:
    for name, value in texts.items():
        dialog.edits[name].setText(value)
    if provider_type:
        dialog.provider_type.setCurrentIndex(dialog.provider_type.findData(provider_type))
    for row in range(dialog.services.count()):
        item = dialog.services.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in services:
            item.setCheckState(Qt.CheckState.Checked)


def press_save(dialog: ProviderDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def table_texts(view: ProvidersView, column: int) -> list[str]:
    return [view.model.index(r, column).data() for r in range(view.model.rowCount())]


def test_the_list_shows_providers_and_searches_by_name(session, qtbot, qtmodeltester):
    provider(session)
    provider(
        session,
        name="LBH APIK NTT",
        provider_type="legal_aid",
        services_offered=["legal_aid", "law_enforcement_support"],
        email="lbh@apik.id",
    )
    view = ProvidersView(session)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    assert view.count.text() == "2 providers"
    assert table_texts(view, 0) == ["LBH APIK NTT", "RSUD Prof. Dr. W. Z. Johannes"]
    assert view.model.index(0, 1).data() == "Legal aid organisation (LBH)"
    assert view.model.index(0, 6).data() == ("Legal aid, Support through investigation and trial")

    qtbot.keyClicks(view.search, "APIK")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert view.count.text() == "1 provider"
    assert table_texts(view, 0) == ["LBH APIK NTT"]


def test_adding_a_provider_round_trips(session, qtbot):
    dialog = ProviderDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Add provider"
    fill(
        dialog,
        name="Rumah Perempuan Kupang",
        provider_type="shelter",
        address="Jl. Frans Seda 12",
        region_code="53.71",
        phone="0380 821 234",
        email="rp.kupang@example.org",
        contact_person="Libby Sinlaeloe",
        contact_title="Direktur",
        services=("shelter", "psychological"),
    )
    press_save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted

    [saved] = cases.list_providers(session, "Rumah Perempuan")
    assert (
        saved.provider_type,
        saved.address,
        saved.region_code,
        saved.phone,
        saved.email,
        saved.contact_person,
        saved.contact_title,
    ) == (
        "shelter",
        "Jl. Frans Seda 12",
        "53.71",
        "0380 821 234",
        "rp.kupang@example.org",
        "Libby Sinlaeloe",
        "Direktur",
    )
    assert sorted(saved.services_offered) == ["psychological", "shelter"]

    # Opened again, the dialog shows what was stored.
    again = ProviderDialog(session, saved)
    qtbot.addWidget(again)
    assert again.windowTitle() == "Edit provider"
    assert again.edits["email"].text() == "rp.kupang@example.org"
    assert again.provider_type.currentData() == "shelter"
    assert sorted(again.checked_services()) == ["psychological", "shelter"]


def test_editing_from_the_list_saves_and_shows_the_change(session, qtbot, monkeypatch):
    provider(session)
    view = ProvidersView(session)
    qtbot.addWidget(view)

    def edit_and_save(dialog):
        fill(dialog, phone="0380 833 111", services=("psychological",))
        press_save(dialog)
        return dialog.result()

    monkeypatch.setattr(ProviderDialog, "exec", edit_and_save)
    view.table.selectRow(0)
    view.edit.click()
    [stored] = cases.list_providers(session)
    assert stored.phone == "0380 833 111"
    assert sorted(stored.services_offered) == ["health", "psychological"]
    assert view.model.index(0, 3).data() == "0380 833 111"
    assert view.message.text() == "Saved: RSUD Prof. Dr. W. Z. Johannes"


def test_cancel_changes_nothing(session, qtbot, monkeypatch):
    provider(session)
    view = ProvidersView(session)
    qtbot.addWidget(view)

    def edit_and_cancel(dialog):
        fill(dialog, name="Something else")
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ProviderDialog, "exec", edit_and_cancel)
    view.edit_row(0)
    assert view.model.row_at(0).name == "RSUD Prof. Dr. W. Z. Johannes"
    assert [p.name for p in cases.list_providers(session)] == ["RSUD Prof. Dr. W. Z. Johannes"]
    assert view.message.isHidden()


def test_an_invalid_email_is_refused_with_the_reason(session, qtbot):
    dialog = ProviderDialog(session)
    qtbot.addWidget(dialog)
    fill(dialog, name="LBH Surya NTT", provider_type="legal_aid", email="lbh-at-surya")
    press_save(dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    assert "E-mail: is not a valid e-mail address." in dialog.error.text()
    assert cases.list_providers(session) == []

    fill(dialog, email="lbh@surya.or.id")
    press_save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [p.email for p in cases.list_providers(session)] == ["lbh@surya.or.id"]


def test_refusals_are_in_indonesian_when_the_app_is(session, qtbot):
    i18n.install("id")
    dialog = ProviderDialog(session)
    qtbot.addWidget(dialog)
    fill(dialog, email="bukan-email")
    press_save(dialog)
    text = dialog.error.text()
    assert "E-mail: alamat e-mail tidak sah." in text
    assert "Nama: wajib diisi." in text
    assert "Jenis penyedia: wajib diisi." in text
    assert dialog.provider_type.itemText(1) == "Rumah sakit (RSUD)"


def test_a_warning_is_shown_after_saving(session, qtbot, monkeypatch):
    view = ProvidersView(session)
    qtbot.addWidget(view)

    def add(dialog):
        fill(dialog, name="Puskesmas Oesapa", provider_type="health_centre", region_code="53.99")
        press_save(dialog)
        return dialog.result()

    monkeypatch.setattr(ProviderDialog, "exec", add)
    view.add.click()
    assert table_texts(view, 0) == ["Puskesmas Oesapa"]
    assert view.message.text().startswith("Saved: Puskesmas Oesapa\n• Region code:")


def test_the_provider_dialog_buttons_speak_indonesian(session, qtbot, qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from tipdesk.ui import i18n

    i18n.install("id", qapp)
    dialog = ProviderDialog(session)
    qtbot.addWidget(dialog)
    texts = {
        dialog.buttons.button(b).text()
        for b in (QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel)
    }
    assert texts == {"Simpan", "Batal"}


def test_the_list_names_each_region_and_keeps_unknown_codes(session, qtbot, qapp):
    i18n.install("id", qapp)
    provider(session, name="RSUD Kupang", region_code="53.71")
    provider(session, name="Puskesmas Alak", region_code="53.71.01")
    provider(session, name="LBH Lama", region_code="53.99")  # no such regency
    provider(session, name="Yayasan Tanpa Wilayah", region_code="")
    view = ProvidersView(session)
    qtbot.addWidget(view)
    regions = dict(zip(table_texts(view, 0), table_texts(view, 2), strict=True))
    assert regions == {
        "LBH Lama": "53.99",
        "Puskesmas Alak": "Alak, Kota Kupang",
        "RSUD Kupang": "Kota Kupang",
        "Yayasan Tanpa Wilayah": "",
    }


def test_providers_are_found_and_sorted_by_region_name(session, qtbot, monkeypatch):
    provider(session, name="A Rumah Aman", region_code="53.71")  # Kota Kupang
    provider(session, name="B Puskesmas", region_code="53.01")  # Kabupaten Kupang
    provider(session, name="C LBH", region_code="53.04")  # Kabupaten Belu
    view = ProvidersView(session)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.search, "kota kup")
    view.search.flush()
    assert table_texts(view, 0) == ["A Rumah Aman"]
    assert view.count.text() == "1 provider"
    view.search.clear()
    view.search.flush()
    assert table_texts(view, 0) == ["A Rumah Aman", "B Puskesmas", "C LBH"]
    # A click on the Region heading sorts by the names shown, not by the codes.
    view.show()
    header = view.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(2) + 5, header.height() // 2),
    )
    assert table_texts(view, 0) == ["C LBH", "B Puskesmas", "A Rumah Aman"]
    assert table_texts(view, 2) == ["Kabupaten Belu", "Kabupaten Kupang", "Kota Kupang"]
    # A row of the sorted list opens that provider.
    opened = []
    monkeypatch.setattr(
        ProviderDialog, "ask", classmethod(lambda cls, parent, s, p=None: opened.append(p.name))
    )
    view.edit_row(0)
    assert opened == ["C LBH"]


def test_the_dialog_names_the_region_typed(session, qtbot):
    dialog = ProviderDialog(session)
    qtbot.addWidget(dialog)
    dialog.edits["region_code"].setText("53.71")
    assert dialog.region_name.text() == "Kota Kupang"
    dialog.edits["region_code"].setText("53.99")
    assert dialog.region_name.text() == ""


def test_a_region_that_cannot_be_looked_up_is_shown_as_stored(session, qtbot, monkeypatch):
    from tipdesk.ui.views import providers as module

    provider(session, name="RSUD Kupang", region_code="53.71")

    def broken(code):
        raise ValueError("region list unreadable")

    monkeypatch.setattr(module, "wilayah_name", broken)
    view = ProvidersView(session)
    qtbot.addWidget(view)
    assert table_texts(view, 2) == ["53.71"]
