"""Annotation files other programs write for images that are not open (`folder_follower`) reach the list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.app.image_document import STATUS_ANNOTATED, STATUS_NONE
from petloc_gui.core.boxes import Box

from .conftest import names_in_view_order, open_and_wait, write_annotation


def test_files_other_programs_write_for_images_not_open_reach_the_list(qtbot, window, folder):
    from petloc_gui.core.voc import new_annotation, write_voc
    from petloc_gui.core.voc_types import VocObject

    open_and_wait(qtbot, window, folder)
    model = window.session.model
    assert window.session.current == 0 and model.status[3] == "none"
    # `petloc predict --write-voc` in a terminal writes a pre-label for d.png; labelImg deletes e.xml
    annotation = new_annotation(folder / "d.png", 120, 90)
    annotation.objects.append(VocObject("cat", Box(30, 30, 70, 70)))
    annotation.prelabel = "petloc pre-label by petloc predict, model fake"
    write_voc(annotation, folder / "d.xml")
    (folder / "e.xml").unlink()
    qtbot.waitUntil(lambda: model.status[3] == "prelabel" and model.status[4] == "none", timeout=5000)
    assert model.gt_box[3] == Box(30, 30, 70, 70) and model.iou[3] == 1.0
    assert model.gt_box[4] is None and model.iou[4] is None


def test_a_background_change_under_a_filter_keeps_the_image_being_edited(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.status_filter.setCurrentIndex(window.file_dock.status_filter.findData("none"))
    window.show_row(3)  # d.png, the one image without an annotation
    qtbot.keyClick(window, Qt.Key_A)  # now "edited": no longer what the filter shows
    model = window.session.model
    (folder / "e.xml").unlink()  # another program: e.png has no annotation now
    qtbot.waitUntil(lambda: names_in_view_order(window) == ["d.png", "e.png"], timeout=5000)
    assert window.file_dock.view.currentIndex().row() == model.view_row(3)  # still the current row


def test_a_file_rewritten_in_place_is_followed_too(qtbot, folder, factory, tmp_path, monkeypatch):
    # labelImg rewrites an existing file in place: no folder event, so the follower also polls
    from petloc_gui.ui.main_window import MainWindow
    from petloc_gui.ui.review import folder_follower
    from petloc_gui.ui.settings import Settings

    monkeypatch.setattr(folder_follower, "POLL_MS", 200)
    win = MainWindow(model_factory=factory, settings=Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    open_and_wait(qtbot, win, folder)
    model = win.session.model
    assert model.gt_name[4] == "dog"
    xml = folder / "e.xml"
    with open(xml, "r+", encoding="utf-8") as handle:  # same file, same inode
        text = handle.read().replace("<name>dog</name>", "<name>cat</name>")
        handle.seek(0)
        handle.write(text)
        handle.truncate()
    qtbot.waitUntil(lambda: model.gt_name[4] == "cat", timeout=5000)
    win.guard.confirm_leave = lambda reload=False: True
    win.close()
    win.shutdown()


def test_a_changed_file_keeps_a_prediction_error_and_an_unreadable_one_shows_no_boxes(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    session, model = window.session, window.session.model
    model.set_prediction_error(3, "prediction failed: out of memory")  # d.png, not open
    box = Box(1, 1, 9, 9)
    session._scanned([3], [("cat", box, False, [("cat", box)], False)])  # its file appears
    assert model.status[3] == "annotated" and model.pred_errors[3] == "prediction failed: out of memory"
    assert "out of memory" in model.data(model.index(model.view_row(3), 1), Qt.ToolTipRole)
    model.clear_predictions()  # another model: its predictions, and failures, are to come
    assert model.pred_errors[3] is None
    model.set_prediction_error(3, "prediction failed: out of memory")
    model.set_prediction(3, "cat", 0.9, box)  # predicted after all (another model, memory freed)
    assert model.pred_errors[3] is None and "out of memory" not in model.data(model.index(model.view_row(3), 1),
                                                                              Qt.ToolTipRole)
    assert window.dataset.items[3].has_annotation
    session._scanned([4], ["e.xml: not well-formed"])  # another program broke e.xml
    assert model.status[4] == "error" and model.gt_box[4] is None and model.iou[4] is None
    session._scanned([4], [("dog", box, False, [("dog", box)], False)])  # and mended it
    assert model.status[4] == "annotated" and model.errors[4] is None and model.gt_box[4] == box
    session._scanned([4], [None])  # then deleted it
    assert model.status[4] == "none" and not window.dataset.items[4].has_annotation


def test_an_annotation_with_no_object_reads_the_same_opened_or_not(qtbot, window, folder):
    """labelImg saves "checked, nothing there" as a file with no object: the list called it
    "annotated" until the image was opened, then "no annotation"."""
    write_annotation(folder / "c.png", [])
    open_and_wait(qtbot, window, folder)
    model = window.session.model
    assert model.status[2] == STATUS_ANNOTATED and model.status[3] == STATUS_NONE  # d.png: no file
    window.show_row(2)
    window.show_row(3)
    assert model.status[2] == STATUS_ANNOTATED and model.status[3] == STATUS_NONE
