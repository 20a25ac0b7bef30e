"""Follow-ups of a review of the window fixes: each fails on the code before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsScene

from petloc_gui.core.boxes import Box
from petloc_gui.ui.canvas.box_item import BoxItem
from petloc_gui.ui.models.new_classes_bar import NewClassesBar

from .conftest import open_and_wait
from .model_chosen import wait_model_chosen
from .test_broken_bundled_model import resources  # noqa: F401 - the fixture: a broken bundled digits
from .test_broken_model_versions import digit_folder


def test_the_broken_model_stays_the_reason_when_a_class_it_knows_is_boxed(qtbot, window, tmp_path,
                                                                          resources):  # noqa: F811
    assert window.open_folder(digit_folder(tmp_path / "f"))  # boxed 3 and 7: only the broken digits knows them
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    window.models.labels_changed({"3", "7", "5"})  # a 5 boxed: digits knows it too
    assert "the bundled model digits knows every class of this folder but cannot be used" in window.model_problem


def test_typing_in_the_label_box_while_the_class_list_refills(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    line = window.labels.combo.lineEdit()
    window.activateWindow()
    line.setFocus()
    qtbot.waitUntil(line.hasFocus, timeout=2000)
    line.selectAll()
    QTest.keyClicks(line, "new")
    window.labels.set_names([*window.labels.names(), "zebra"])  # the opening scan found a class meanwhile
    QTest.keyClicks(line, "t")
    assert line.text() == "newt"


def test_the_bars_message_is_plain_text(qtbot):
    bar = NewClassesBar(None, lambda: {"<b>cat</b>": 1})
    qtbot.addWidget(bar)
    bar.show_for(frozenset({"<b>cat</b>"}), frozenset())
    assert bar.message.textFormat() == Qt.TextFormat.PlainText and "<b>cat</b>" in bar.message.text()


def test_the_label_box_clears_on_an_image_that_cannot_be_shown(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    assert window.labels.combo.currentText()  # its box's label
    window.dataset.items[1].image_path.write_bytes(b"\x89PNG\r\n\x1a\n gone bad")
    window.show_row(1)
    qtbot.waitUntil(lambda: window.session.loading is None and window.session.current == 1, timeout=10_000)
    assert window.labels.combo.currentText() == ""


def test_a_tag_in_a_scene_without_a_rect_of_its_own_does_not_recurse(qtbot):
    scene = QGraphicsScene()  # no sceneRect set: the scene computes it from its items
    item = BoxItem(Box(10, 10, 40, 40), "cat", QColor("orange"))
    scene.addItem(item)
    assert scene.sceneRect().width() > 0 and item._tag(1.0)[1] == "cat"
