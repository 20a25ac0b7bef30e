"""A prediction accepted with A, or a pre-label verified with V, is saved marked as the model's box
(ADR 0013); moved or resized before the save, it is the person's and carries no mark.

Before, `accept_prediction` and the save wrote such a box as plain ground truth, so validation, the
retrain comparison and `petloc evaluate` scored the model against its own boxes unsaid.
"""

from __future__ import annotations

from PIL import Image

from petloc_gui.app.annotation_store import read_document, save_document
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import VocObject, new_annotation, read_voc, write_voc
from petloc_gui.ui.editing.edit_controller import EditController

PREDICTED = Box(10.4, 9.6, 50.2, 60.0)  # a model's box, in floats: kept in whole pixels, as saved


def _image(tmp_path, name="a.png"):
    path = tmp_path / name
    Image.new("RGB", (100, 80)).save(path)
    return path


def _opened(qtbot, image):
    doc = read_document(image, image.with_suffix(".xml"), (100, 80))
    doc.image_size = (100, 80)  # decoded for the window
    edits = EditController()
    edits.set_document(0, doc)
    return edits, doc


def test_a_prediction_accepted_and_saved_keeps_the_models_name(qtbot, tmp_path):
    image = _image(tmp_path)
    edits, doc = _opened(qtbot, image)
    assert edits.accept_prediction("cat", PREDICTED, "pets", "pets-20261203T011551Z-c71d1a")
    save_document(doc)
    obj = read_voc(image.with_suffix(".xml")).objects[0]
    assert obj.box == Box(10, 10, 50, 60)
    assert obj.accepted_from == "model pets (pets-20261203T011551Z-c71d1a)"
    assert doc.primary.accepted_from == obj.accepted_from  # the window's copy says the same


def test_a_prediction_moved_after_accepting_it_is_the_persons(qtbot, tmp_path):
    image = _image(tmp_path)
    edits, doc = _opened(qtbot, image)
    edits.accept_prediction("cat", PREDICTED, "digits")
    assert edits.nudge(3, 0)
    save_document(doc)
    assert read_voc(image.with_suffix(".xml")).objects[0].accepted_from is None
    edits.stack().undo()  # back to the model's box: its mark comes back with it
    save_document(doc)
    assert read_voc(image.with_suffix(".xml")).objects[0].accepted_from == "model digits"


def test_accepting_over_a_drawn_box_marks_it_and_keeps_its_other_fields(qtbot, tmp_path):
    image = _image(tmp_path)
    annotation = new_annotation(image, 100, 80)
    annotation.objects.append(VocObject(name="dog", box=Box(0, 0, 20, 20), difficult=True))
    write_voc(annotation, image.with_suffix(".xml"))
    edits, doc = _opened(qtbot, image)
    assert doc.primary.accepted_from is None
    edits.accept_prediction("cat", PREDICTED)  # the window did not say which model: still a model's box
    save_document(doc)
    obj = read_voc(image.with_suffix(".xml")).objects[0]
    assert obj.difficult and obj.accepted_from == "an unnamed model"


def test_a_prelabel_verified_with_v_and_saved_stays_the_models(qtbot, tmp_path):
    image = _image(tmp_path)
    annotation = new_annotation(image, 100, 80)
    annotation.objects.append(VocObject(name="cat", box=Box(10, 10, 50, 60)))
    annotation.prelabel = "petloc pre-label by petloc predict, model pets (pets-1)"
    write_voc(annotation, image.with_suffix(".xml"))
    edits, doc = _opened(qtbot, image)
    assert doc.prelabel
    edits.toggle_verified()
    save_document(doc)
    saved = read_voc(image.with_suffix(".xml"))
    assert saved.verified and not saved.unreviewed
    assert saved.objects[0].accepted_from == "model pets (pets-1)"
    # resized afterwards and saved: the person's box now
    edits.move_edge("right", -5)
    save_document(doc)
    assert read_voc(image.with_suffix(".xml")).objects[0].accepted_from is None
    assert b"petloc_box_source" not in image.with_suffix(".xml").read_bytes()  # the mark is gone, not only void


def test_a_stored_version_accepted_with_a_is_marked_as_petloc_predict_marks_it(qtbot, tmp_path):
    """The window named a stored version by its display name, ``pets <id>``, and wrote "accepted unchanged
    from model pets <id> (<id>)"; `petloc predict --model pets/<id> --write-voc` writes "model <id>", so
    `petloc train` counted one model's boxes under two names. Both marks are the same now."""
    import json

    from petloc_gui.cli.prelabel import prelabel_mark, write_prelabel
    from petloc_gui.core.paths import user_data_dir
    from petloc_gui.ui.models.model_handle import model_info

    version = "pets-20261205T100354Z-2f4807"
    stored = user_data_dir() / "models" / "pets" / version
    stored.mkdir(parents=True)
    meta = {"preset": "pets", "version_id": version, "classes": ["cat", "dog"]}
    (stored / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    info = model_info(str(stored))  # as the window describes the version it loads (the models menu's choice)
    assert info.name == f"pets {version}"  # its name in the window, which the mark took before

    by_window = _image(tmp_path, "window.png")
    edits, doc = _opened(qtbot, by_window)
    assert edits.accept_prediction("cat", PREDICTED, info.mark_name, info.bundle_version)  # as the window calls it
    save_document(doc)

    by_cli = _image(tmp_path, "cli.png")  # petloc predict --model pets/<id> --write-voc, then V and a save
    assert write_prelabel(by_cli, by_cli.with_suffix(".xml"), "cat", Box(10, 10, 50, 60),
                          prelabel_mark(f"pets/{version}", meta))
    edits, doc = _opened(qtbot, by_cli)
    edits.toggle_verified()
    save_document(doc)

    sources = [_source(path.with_suffix(".xml")) for path in (by_window, by_cli)]
    assert sources == [f"accepted unchanged from model {version}"] * 2
    assert {read_voc(path.with_suffix(".xml")).objects[0].accepted_from for path in (by_window, by_cli)} == {
        f"model {version}"}


def _source(xml):
    """The ``petloc_box_source`` text as the file holds it."""
    from lxml import etree

    return next(a.findtext("value") for a in etree.parse(str(xml)).getroot().iter("attribute")
                if a.findtext("name") == "petloc_box_source")
