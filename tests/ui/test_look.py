"""The look: statuses as coloured labels, icons drawn for every screen (issue 21)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from tests.conftest import TODAY, new_case
from tipdesk.domain.vocab import CASE_STATUS, REFERRAL_STATUS
from tipdesk.ui import i18n
from tipdesk.ui.views.home import HomeView
from tipdesk.ui.widgets import look


def test_every_status_has_its_colours_in_both_languages(qapp):
    for lang in ("id", "en"):
        i18n.install(lang, qapp)
        colours = look.case_status_colours()
        for vocab in (CASE_STATUS, REFERRAL_STATUS):
            for code in vocab.codes():
                assert vocab.label(code, lang) in colours, (lang, code)
    i18n.install("en", qapp)


def test_a_status_is_drawn_on_its_colour_in_the_list(session, qtbot):
    session.today = lambda: TODAY
    new_case(session, {"full_name": "Yosefina Nahak"}, status="follow_up", follow_up_on=TODAY)
    view = HomeView(session)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    view.choose("my_open")
    tree = view.sections["my_open"].view
    column = [c.title for c in view.sections["my_open"].section.columns].index("Status")
    rect = tree.visualRect(tree.model().index(0, column))
    image = tree.viewport().grab().toImage()
    # Just inside the label's left end, below its rounded corner: the label's background.
    pixel = image.pixelColor(rect.left() + 4, rect.center().y())
    assert pixel.name() == look._CASE["follow_up"][1]
    plain = image.pixelColor(rect.right() - 2, rect.center().y())
    assert plain.name() != look._CASE["follow_up"][1]  # the label is not the whole cell


def test_every_screen_has_an_icon_in_the_palette_s_colour(qapp):
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#123456"))
    for key in ("home", "register", "providers", "referrals", "reports", "sync", "users", "audit"):
        image = look.nav_icon(key, palette).pixmap(20, 20).toImage()
        colours = {
            image.pixelColor(x, y).name()
            for x in range(20)
            for y in range(20)
            if image.pixelColor(x, y).alpha() == 255
        }
        assert "#123456" in colours, key


def test_the_register_and_referrals_lists_show_statuses_as_labels(session, qtbot):
    from tipdesk.ui.views.referrals import ReferralsView
    from tipdesk.ui.views.register_list import RegisterListView

    new_case(session)
    register = RegisterListView(session)
    qtbot.addWidget(register)
    column = register.model.column_of("status")
    assert isinstance(register.table.itemDelegateForColumn(column), look.StatusDelegate)
    referrals = ReferralsView(session)
    qtbot.addWidget(referrals)
    assert isinstance(referrals.table.itemDelegateForColumn(3), look.StatusDelegate)
    assert referrals.model.headerData(3, Qt.Orientation.Horizontal) == "Status"
