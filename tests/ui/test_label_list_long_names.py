"""The Label box's open list shows long class names whole: it was as narrow as the box (~120 px) and cut
the middle out ("english…spaniel", "very_l…d_more"), so two names sharing start and end looked alike,
and hovering an item named no more than its number key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from petloc_gui.ui.editing.edit_controller import EditController
from petloc_gui.ui.editing.label_box import LabelBox

LONG = "very_long_class_name_with_underscores_and_more"
# 37 classes as a user had them: past the tenth no key, past `maxVisibleItems` a scroll bar
NAMES = ["a", "Cat", "x<y>z", LONG, "english_cocker_spaniel", "english_springer_spaniel",
         *(f"breed_{i}" for i in range(31))]


def _open_list(qtbot, names: list[str]) -> tuple[LabelBox, QWidget]:
    """A Label box listing ``names``, its list open, and the window it is on (kept: the box goes with it)."""
    window = QWidget()
    qtbot.addWidget(window)
    box = LabelBox(EditController(window), window)
    box.set_names(names)
    window.resize(400, 300)
    window.show()
    qtbot.waitExposed(window)
    box.combo.showPopup()
    qtbot.waitUntil(box.combo.view().isVisible)
    return box, window


def test_the_open_list_is_as_wide_as_its_longest_name(qtbot):
    box, _window = _open_list(qtbot, NAMES)
    view = box.combo.view()
    text_width = QFontMetrics(view.font()).horizontalAdvance(LONG)
    assert view.viewport().width() >= text_width > box.combo.width()
    assert view.viewport().width() >= view.sizeHintForColumn(0)  # the delegate's margins too: no item elided
    box.combo.hidePopup()


def test_a_name_wider_than_the_screen_gives_a_list_no_wider_than_the_screen(qtbot):
    box, _window = _open_list(qtbot, ["cat", "z" * 500])
    screen = box.combo.screen().availableGeometry().width()
    assert box.combo.view().window().width() <= screen
    assert box.combo.view().window().width() > screen // 2  # as wide as allowed, not left at the box's width
    box.combo.hidePopup()


def test_each_item_tooltip_names_its_class_whole_and_its_key(qtbot):
    box, _window = _open_list(qtbot, NAMES)
    box.combo.hidePopup()
    tips = [box.combo.itemData(i, Qt.ToolTipRole) or "" for i in range(box.combo.count())]
    assert LONG in tips[3] and "Key 4" in tips[3]
    assert "english_springer_spaniel" in tips[5] and "Key 6" in tips[5]
    assert "x&lt;y&gt;z" in tips[2]  # shown as written, not taken for markup
    assert "breed_30" in tips[-1] and "Key" not in tips[-1]  # past the tenth: no key, the name still
