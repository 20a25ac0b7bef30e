"""A (accept the prediction) replaced a box a person drew or saved with the model's, unseen, and autosave
wrote it: labelImg users press A for "previous image", and A then D put the model's box on disk in place of
theirs (hunt_sp #1). Now A is one key where nothing of a person's goes (no box yet, the model's own
unreviewed pre-label); on an image with a person's box the first A says so and a second one replaces."""

from __future__ import annotations

from PySide6.QtCore import Qt

from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import PRELABEL_PREFIX, VocObject, new_annotation, read_voc, write_voc
from petloc_gui.ui.editing.accept_guard import ASK_AGAIN, CONFIRM_S, REPLACED
from petloc_gui.ui.editing.edit_controller import ALREADY_THE_BOX

from .conftest import GT, PRED, open_and_wait

B = 1  # b.png: a person's dog at 10,10,40,40; the model says dog at 70,50,110,85
D = 3  # d.png: no annotation; the model says cat at 30,30,70,70


def _press_a(qtbot, window) -> None:
    qtbot.keyClick(window.panel.gt_pane, Qt.Key_A)


def _boxes(window, row):
    return [(o.name, o.box) for o in window.session.store.document(row).objects]


def test_the_first_a_on_a_persons_box_asks_the_second_replaces(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(B)
    window.focus_canvas()
    _press_a(qtbot, window)
    assert _boxes(window, B) == GT["b.png"]  # nothing replaced
    assert not window.has_unsaved()
    assert window.statusBar().currentMessage() == ASK_AGAIN
    qtbot.wait(120)  # a finger's second press (one right after a release is the key still held)
    _press_a(qtbot, window)
    assert _boxes(window, B) == [("dog", PRED["b.png"].box)]
    assert window.statusBar().currentMessage() == REPLACED
    window.act["undo"].trigger()
    assert _boxes(window, B) == GT["b.png"]


def test_a_then_d_with_autosave_leaves_the_persons_file_alone(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    window.show_row(B)
    before = (folder / "b.xml").read_bytes()
    window.act["accept"].trigger()  # A, as labelImg's "previous image"
    window.act["next_image"].trigger()  # D
    assert window.session.current == B + 1
    assert (folder / "b.xml").read_bytes() == before


def test_one_a_accepts_where_there_is_no_box_yet(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    window.act["accept"].trigger()
    assert _boxes(window, D) == [("cat", PRED["d.png"].box)]
    assert window.statusBar().currentMessage() != ASK_AGAIN


def _prelabel(folder, box: Box) -> None:
    annotation = new_annotation(folder / "d.png", 120, 90)
    annotation.objects.append(VocObject(name="dog", box=box))
    annotation.prelabel = f"{PRELABEL_PREFIX} by some model"
    write_voc(annotation, folder / "d.xml")
    assert read_voc(folder / "d.xml").unreviewed


def test_one_a_replaces_the_models_own_pre_label_but_not_once_a_person_moved_it(qtbot, window, folder):
    _prelabel(folder, Box(5, 5, 45, 45))
    open_and_wait(qtbot, window, folder)
    window.show_row(D)
    window.act["accept"].trigger()
    assert _boxes(window, D) == [("cat", PRED["d.png"].box)]
    window.act["undo"].trigger()
    window.edits.nudge(1, 0)  # a person's edit of the pre-label: theirs now
    window.act["accept"].trigger()
    assert _boxes(window, D) == [("dog", Box(6, 5, 46, 45))]
    assert window.statusBar().currentMessage() == ASK_AGAIN


def test_a_second_a_too_late_or_on_another_image_asks_again(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    now = [100.0]
    window.accept_guard.clock = lambda: now[0]
    window.show_row(B)
    window.act["accept"].trigger()
    now[0] += CONFIRM_S + 0.5
    window.act["accept"].trigger()  # too late: this is a first A again
    assert _boxes(window, B) == GT["b.png"]
    window.show_row(2)  # c.png: a person's cat
    window.act["accept"].trigger()  # the first A here, whatever was asked on b
    assert _boxes(window, 2) == GT["c.png"]
    window.show_row(B)
    window.act["accept"].trigger()
    now[0] += 1
    window.edits.nudge(1, 0)  # the box changed between the two presses: asked again
    window.act["accept"].trigger()
    assert _boxes(window, B) == [("dog", Box(11, 10, 41, 40))]
    window.act["accept"].trigger()
    assert _boxes(window, B) == [("dog", PRED["b.png"].box)]


def test_a_where_the_box_is_the_models_already_says_nothing(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(0)  # a.png: the person's box is the model's
    window.statusBar().clearMessage()
    window.act["accept"].trigger()
    assert window.statusBar().currentMessage() == ALREADY_THE_BOX  # not ASK_AGAIN: nothing of a person's goes
    assert not window.has_unsaved()


def test_the_readme_says_how_long_the_second_a_may_wait():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"a second A within {CONFIRM_S:g} s replaces it" in readme


def test_an_accepted_box_is_saved_marked_as_the_shown_models(qtbot, window, folder):
    """The window named no model, so every box accepted with A was "an unnamed model"'s and evaluate and the
    retrain comparison could not tell it was the current model's own (ADR 0013)."""
    from petloc_gui.core.voc_provenance import model_phrase

    open_and_wait(qtbot, window, folder)
    info = window.models.info
    window.show_row(D)
    window.act["accept"].trigger()
    window.act["save"].trigger()
    (obj,) = read_voc(folder / "d.xml").objects
    assert obj.accepted_from == model_phrase(info.mark_name, info.bundle_version) == f"model {info.mark_name}"


def test_a_bundled_models_info_carries_its_meta_version():
    import json

    from petloc_gui.model.bundle import resolve_model
    from petloc_gui.ui.models.model_handle import model_info

    meta = json.loads((resolve_model("digits") / "meta.json").read_text())
    assert model_info("digits").bundle_version == meta["version_id"]
