"""Ctrl+D's copy is the selected box's copy, every field of it, as labelImg's is. It was a new box with the
label alone: a difficult, truncated box with a pose copied as a normal one ("Unspecified", 0, 0), which the
window cannot show or set, so nothing said the copy had lost them. A copy that cannot be offset (a box over
the whole image) lands on the original: the status line said "arrows move it" as if it stood apart.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc
from petloc_gui.ui.editing.edit_actions import COPIED_IN_PLACE, COPIED_UP_LEFT, COPY_OFFSET_PX

from .conftest import write_image

CTRL = Qt.KeyboardModifier.ControlModifier
SIZE = (120, 90)
MARKED = VocObject(name="cat", box=Box(10, 10, 40, 40), pose="Left", truncated=True, difficult=True, occluded=True)


def _shown_with_the_keyboard(qtbot, window, tmp_path, objects: list[VocObject], note: str = ""):
    """An image whose file holds ``objects`` (``note``: a child of each the window does not read), shown with
    its first box selected; returns (pane, its xml)."""
    root = tmp_path / "mine"
    root.mkdir()
    write_image(root / "one.png", size=SIZE, seed=1)
    annotation = new_annotation(root / "one.png", *SIZE)
    annotation.objects.extend(objects)
    xml = write_voc(annotation, root / "one.xml")
    xml.write_text(xml.read_text().replace("</object>", f"{note}</object>"))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    assert window.open_folder(root)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    window.show_row(0)
    window.focus_canvas()
    canvas = QApplication.focusWidget()
    assert canvas is window.panel.gt_pane and window.edits.target_index() == 0
    return canvas, xml


def _fields(obj: VocObject) -> tuple:
    return obj.name, obj.pose, obj.truncated, obj.difficult, obj.occluded


def test_the_copy_keeps_difficult_truncated_pose_and_occluded(qtbot, window, tmp_path):
    canvas, xml = _shown_with_the_keyboard(qtbot, window, tmp_path, [MARKED], note="<note>left ear cut</note>")
    qtbot.keyClick(canvas, Qt.Key_D, CTRL)
    original, copy = window.edits.doc.objects
    assert copy.box == MARKED.box.translated(-COPY_OFFSET_PX, -COPY_OFFSET_PX)
    assert _fields(copy) == _fields(original) == ("cat", "Left", True, True, True)
    assert window.statusBar().currentMessage() == COPIED_UP_LEFT
    assert window.save_current()
    saved = read_voc(xml).objects
    assert [_fields(obj) for obj in saved] == [_fields(MARKED)] * 2
    assert [obj.box for obj in saved] == [MARKED.box, copy.box]
    assert xml.read_text().count("<note>left ear cut</note>") == 2  # what the window does not read, too


def test_a_copy_that_cannot_be_offset_says_it_covers_the_original(qtbot, window, tmp_path):
    whole = dataclasses.replace(MARKED, box=Box(0, 0, *SIZE))
    canvas, _ = _shown_with_the_keyboard(qtbot, window, tmp_path, [whole])
    qtbot.keyClick(canvas, Qt.Key_D, CTRL)
    assert [obj.box for obj in window.edits.doc.objects] == [whole.box, whole.box]
    assert window.statusBar().currentMessage() == COPIED_IN_PLACE


def test_a_copy_of_a_models_accepted_box_is_a_persons(qtbot, window, tmp_path):
    """On the original, the copy of a box accepted unchanged from a model was saved marked as that model's box
    too: one proposal counted twice as the model's."""
    accepted = dataclasses.replace(MARKED, box=Box(0, 0, *SIZE), proposed_by="model pets (pets-1)",
                                   proposed_box=Box(0, 0, *SIZE), proposed_label="cat")
    canvas, xml = _shown_with_the_keyboard(qtbot, window, tmp_path, [accepted])
    assert window.edits.doc.objects[0].accepted_from == "model pets (pets-1)"
    qtbot.keyClick(canvas, Qt.Key_D, CTRL)
    assert [obj.accepted_from for obj in window.edits.doc.objects] == ["model pets (pets-1)", None]
    assert window.save_current()
    assert [obj.accepted_from for obj in read_voc(xml).objects] == ["model pets (pets-1)", None]
