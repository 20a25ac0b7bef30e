"""Opening a folder, navigating, the review queue, accepting a prediction, saving."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import read_voc

from .conftest import PRED, names_in_view_order, open_and_wait, write_annotation


def test_open_folder_shows_first_image_and_predictions(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    session = window.session
    assert session.current == 0
    assert window.current_folder() == folder
    assert window.current_model_spec() == "fake"
    model = session.model
    # IoU column filled from GT read off the UI thread + predictions.
    assert model.iou[0] == 1.0
    assert model.iou[1] == 0.0
    assert model.pred_label[3] == "cat" and model.iou[3] is None
    assert "IoU" in window.panel.header.text()
    assert "fake" in window.model_status.text()


def test_review_queue_orders_known_disagreements(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.set_review_order(True)
    order = names_in_view_order(window)
    # b (IoU 0) and e (IoU 0.33) have bad boxes; c a wrong label; d no GT; a agrees.
    assert order == ["b.png", "e.png", "c.png", "d.png", "a.png"]
    window.file_dock.set_review_order(False)
    assert names_in_view_order(window) == ["a.png", "b.png", "c.png", "d.png", "e.png"]


def test_a_models_unreviewed_pre_label_is_asked_for_and_a_save_makes_it_ground_truth(qtbot, window, folder,
                                                                                     factory):
    from petloc_gui.core.voc import write_voc

    from .conftest import FakePrediction

    factory.table["a.png"] = FakePrediction("cat", 0.5, Box(10, 10, 50, 50))  # less sure than d (0.6)

    for name in ("a", "c"):  # as `petloc predict --write-voc` marks its files
        annotation = read_voc(folder / f"{name}.xml")
        annotation.prelabel = "petloc pre-label by petloc predict, model fake"
        write_voc(annotation, folder / f"{name}.xml")
    open_and_wait(qtbot, window, folder)
    model = window.session.model
    # c is never opened: the background scan of the annotations tells
    qtbot.waitUntil(lambda: model.status[0] == model.status[2] == "prelabel", timeout=5000)
    assert model.index(0, 1).data() == "pre-label"
    assert "a model's boxes" in model.index(0, 1).data(Qt.ToolTipRole)
    window.file_dock.set_review_order(True)
    # the model agrees with its own box (IoU 1.0), yet a is to confirm, with d (no box) and c (whose
    # prediction's label is not the pre-label's), by confidence
    assert names_in_view_order(window) == ["b.png", "e.png", "a.png", "d.png", "c.png"]
    window.show_row(0)
    assert window.session.store.document(0).status() == "prelabel"
    header = window.panel.header  # all of it: its tooltip when the window is too narrow for it
    whole = header.toolTip() or QTextDocumentFragment.fromHtml(header.text()).toPlainText()
    assert "Pre-label (unreviewed): cat" in whole
    window.act["verify"].trigger()
    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier)
    assert model.status[0] != "prelabel"
    on_disk = read_voc(folder / "a.xml")
    assert on_disk.prelabel is None and on_disk.verified
    assert "GT: <b>cat" in window.panel.header.text()


def test_next_to_review_walks_the_queue_and_skips_verified(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    session = window.session
    visited = []
    for _ in range(4):
        window.next_to_review()
        visited.append(session.model.names[session.current])
    assert visited == ["b.png", "e.png", "c.png", "d.png"]
    # Verify e, restart the pass: e is skipped from now on.
    window.show_row(4)
    window.act["verify"].trigger()
    session.visited.clear()
    window.show_row(0)
    window.next_to_review()
    assert session.model.names[session.current] == "b.png"
    window.next_to_review()
    assert session.model.names[session.current] == "c.png"


def test_keyboard_navigation(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    qtbot.keyClick(window, Qt.Key_D)
    assert window.session.current == 1
    qtbot.keyClick(window, Qt.Key_PageDown)
    assert window.session.current == 2
    qtbot.keyClick(window, Qt.Key_PageUp)
    assert window.session.current == 1
    # N goes down the review queue (b, e, c, d, a), skipping the image on screen (b).
    qtbot.keyClick(window, Qt.Key_N)
    assert window.session.model.names[window.session.current] == "e.png"


def test_an_edited_image_keeps_its_queue_place_until_left_so_d_skips_nothing(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.set_review_order(True)  # b, e, c, d, a
    model = window.session.model
    window.show_row(1)  # b: the box that disagrees most, at the top
    qtbot.keyClick(window, Qt.Key_A)  # b has a person's box: the first A asks (ui/editing/accept_guard.py)
    qtbot.wait(120)  # a second press, not the key held (accept_guard.KeyReleaseWatch)
    qtbot.keyClick(window, Qt.Key_A)  # fixed: now it agrees (IoU 1), which ranks it after d
    assert model.iou[1] == 1.0
    model.update_ranks()  # what the re-rank timer would do while b is on screen
    assert names_in_view_order(window) == ["b.png", "e.png", "c.png", "d.png", "a.png"]
    qtbot.keyClick(window, Qt.Key_D)
    assert model.names[window.session.current] == "e.png"  # the next row, not one past b's new place
    model.update_ranks()  # b left: it moves to its place now
    assert names_in_view_order(window) == ["e.png", "c.png", "d.png", "b.png", "a.png"]
    qtbot.keyClick(window, Qt.Key_D)
    assert model.names[window.session.current] == "c.png"


def test_an_edited_image_stays_in_a_status_filter_it_no_longer_matches_until_left(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.set_review_order(True)
    index = window.file_dock.status_filter.findData("annotated")
    window.file_dock.status_filter.setCurrentIndex(index)  # b, e, c, a
    model = window.session.model
    window.show_row(4)  # e
    window.edits.select(0)
    assert window.edits.delete_selected()  # "edited" with no box left: not annotated any more
    ranks = list(model.ranks)
    model.set_prediction(2, "cat", 0.8, Box(20, 20, 60, 60))  # c's prediction changes: it now agrees
    model.update_ranks()
    assert model.ranks != ranks  # a re-rank that reorders the list
    assert names_in_view_order(window) == ["b.png", "e.png", "c.png", "a.png"]
    qtbot.keyClick(window, Qt.Key_D)
    assert model.names[window.session.current] == "c.png"  # the row after e, not the list's top


def test_next_to_review_skips_images_reached_by_stepping_or_clicking(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.set_review_order(True)  # b, e, c, d, a
    window.show_row(1)  # b, clicked
    qtbot.keyClick(window, Qt.Key_D)  # e
    qtbot.keyClick(window, Qt.Key_D)  # c
    qtbot.keyClick(window, Qt.Key_N)
    assert window.session.model.names[window.session.current] == "d.png"  # not back to b or e


def test_filter_by_name_and_status(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.file_dock.search.setText("d.p")
    assert names_in_view_order(window) == ["d.png"]
    window.file_dock.search.setText("")
    index = window.file_dock.status_filter.findData("none")
    window.file_dock.status_filter.setCurrentIndex(index)
    assert names_in_view_order(window) == ["d.png"]


def test_accept_prediction_then_undo_redo_and_save(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(1)  # b.png: GT dog at (10,10,40,40), prediction far away
    doc = window.session.store.document(1)
    qtbot.keyClick(window, Qt.Key_A)
    assert not doc.dirty  # a person's box: the first A asks (ui/editing/accept_guard.py), the second replaces
    qtbot.wait(120)  # a second press, not the key held (accept_guard.KeyReleaseWatch)
    qtbot.keyClick(window, Qt.Key_A)
    assert doc.primary.box == PRED["b.png"].box and doc.primary.name == "dog"
    assert doc.dirty and window.has_unsaved()
    assert window.session.model.status[1] == "edited"
    assert window.session.model.iou[1] == 1.0
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert doc.primary.box == Box(10, 10, 40, 40) and not doc.dirty
    qtbot.keyClick(window, Qt.Key_Y, Qt.ControlModifier)
    assert doc.primary.box == PRED["b.png"].box
    qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier)
    assert not doc.dirty and not window.has_unsaved()
    assert window.session.model.status[1] == "saved"
    on_disk = read_voc(folder / "b.xml")
    assert on_disk.objects[0].box == PRED["b.png"].box


def test_accept_on_image_without_gt_adds_an_object(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(3)  # d.png
    window.accept_prediction()
    window.act["verify"].trigger()
    assert window.save_all()
    annotation = read_voc(folder / "d.xml")
    assert [o.name for o in annotation.objects] == ["cat"]
    assert annotation.objects[0].box == PRED["d.png"].box
    assert annotation.verified


def test_number_keys_relabel_and_undo_is_per_image(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    qtbot.keyClick(window, Qt.Key_2)  # classes: cat, dog
    doc0 = window.session.store.document(0)
    assert doc0.primary.name == "dog"
    window.show_row(2)
    doc2 = window.session.store.document(2)
    qtbot.keyClick(window, Qt.Key_Right, Qt.ShiftModifier)
    qtbot.keyClick(window, Qt.Key_Right)
    assert doc2.primary.box == Box(31, 20, 71, 60)
    # One undo step for consecutive nudges of the same box, and only on this image.
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert doc2.primary.box == Box(20, 20, 60, 60)
    qtbot.keyClick(window, Qt.Key_Right, Qt.AltModifier)
    qtbot.keyClick(window, Qt.Key_Up, Qt.AltModifier)
    assert doc2.primary.box == Box(20, 20, 61, 59)
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert doc2.primary.box == Box(20, 20, 60, 60)
    assert doc0.primary.name == "dog"
    window.show_row(0)
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert doc0.primary.name == "cat"


def test_delete_and_multiple_objects_kept(qtbot, window, folder):

    write_annotation(folder / "a.png", [("cat", Box(10, 10, 50, 50)), ("dog", Box(60, 20, 100, 70))])
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    doc = window.session.store.document(0)
    assert len(doc.objects) == 2
    window.accept_prediction()  # identical to the primary: nothing to do
    assert not doc.dirty
    window.edits.select(0)
    window.act["nudge_down"].trigger()
    window.save_current()
    annotation = read_voc(folder / "a.xml")
    assert [o.name for o in annotation.objects] == ["cat", "dog"]
    assert annotation.objects[1].box == Box(60, 20, 100, 70)
    window.edits.select(1)
    qtbot.keyClick(window, Qt.Key_Delete)
    assert [o.name for o in doc.objects] == ["cat"]


def test_switching_model_restarts_predictions(qtbot, window, folder, factory):
    open_and_wait(qtbot, window, folder)
    window.set_model("other")
    assert window.current_model_spec() == "other"
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    qtbot.waitUntil(lambda: all(b is not None for i, b in enumerate(window.session.model.pred_box)), timeout=10_000)
    assert factory.handles[-1].info.spec == "other"


def test_model_failure_is_shown_and_window_keeps_working(qtbot, window, folder, factory):
    factory.fail.add("broken")
    assert window.open_folder(folder, model="broken")
    qtbot.waitUntil(lambda: window.models.error_box is not None, timeout=10_000)
    assert "cannot load broken" in window.models.error_box.text()
    assert window.models.error_box.windowModality() == Qt.NonModal  # annotating goes on without a model
    assert "failed" in window.model_status.text().lower()
    assert "failed" in window.panel.header.text().lower() or "cannot load" in window.panel.header.text()
    window.models.error_box.close()
    window.step_image(1)
    assert window.session.current == 1
    assert "failed" in window.panel.header.text().lower()


def test_arrows_move_in_the_list_when_it_has_focus(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.activateWindow()
    window.file_dock.view.setFocus()
    qtbot.waitUntil(lambda: window.file_dock.view.hasFocus(), timeout=2000)
    doc0 = window.session.store.document(0)
    window.act["nudge_down"].trigger()
    assert window.session.current == 1 and not doc0.dirty


def test_help_dialog_lists_every_shortcut(qtbot):
    from petloc_gui.ui.actions import ACTIONS
    from petloc_gui.ui.help_dialog import HelpDialog

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    texts = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    for spec in ACTIONS:
        if spec.shortcuts:
            assert " ".join(filter(None, (spec.text.replace("&", "").rstrip("…"), spec.when))) in texts
    assert any("Undo" in t for t in texts)


def test_review_order_action_and_combo_agree(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    qtbot.keyClick(window, Qt.Key_R)
    assert window.file_dock.order.currentData() is True and window.session.model.review_order
    window.file_dock.set_review_order(False)
    assert not window.act["review_order"].isChecked() and not window.session.model.review_order


def test_dataset_panel_charts_the_folder_and_shows_model_metrics(qtbot, window, folder):
    from petloc_gui.core.voc import write_voc

    annotation = read_voc(folder / "e.xml")  # as `petloc predict --write-voc` marks its files
    annotation.prelabel = "petloc pre-label by petloc predict, model fake"
    write_voc(annotation, folder / "e.xml")
    open_and_wait(qtbot, window, folder)
    panel = window.dataset_panel
    panel.show()
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)
    assert panel.stats.n_images == 5 and panel.stats.n_annotated == 4
    assert "4 annotated (1 of them unreviewed pre-labels)" in panel.summary.text()
    assert "0 problems." in panel.summary.text()
    assert panel.class_bars.counts() == {"cat": 2, "dog": 2}
    assert "acc 0.900" in panel.model_label.text()
    assert "class accuracy: 0.900" in panel.model_label.text() and "mean IoU: 0.800" in panel.model_label.text()


def test_typing_a_new_label_applies_it_and_adds_it_to_the_list(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)
    combo = window.label_combo
    combo.lineEdit().setText("rabbit")
    combo.lineEdit().returnPressed.emit()
    assert window.session.store.document(0).primary.name == "rabbit"
    assert "rabbit" in [combo.itemText(i) for i in range(combo.count())]


def test_the_dataset_panel_counts_what_is_saved_after_a_save(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    panel = window.dataset_panel
    panel.show()
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)
    before = panel.stats.n_annotated
    window.show_row(window.session.model.names.index("d.png"))  # no annotation yet
    window.accept_prediction()
    assert window.save_current()
    qtbot.waitUntil(lambda: panel.stats is not None and panel.stats.n_annotated == before + 1, timeout=10_000)
