"""The Retrain dialog's "N of them were learned" counts only the test-list images its line is about: the
annotated ones the run holds out (and their byte copies), not every image the list names.

Before (a keyboard hunt on the Oxford pets copy, one listed image annotated): "1 annotated image is on the
folder's test list (annotations/test.txt): the run holds it out, … so figures on it stay test figures; 245 of
them were learned by the model this run starts from": 245 of the list's 298 images, annotated or not.
"""

from __future__ import annotations

import json
import shutil

from petloc_gui.model.bundle import sha256_or_none
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.test_train_layout_test_split_said import IDS, _devkit


def _folder(tmp_path):
    """A devkit listing b, c, day/g and night/h as tests, b and c left unannotated; a parent that trained on b, c
    and h."""
    root = _devkit(tmp_path / "voc", IDS, ["b", "c", "day/g", "night/h"])
    (root / "Annotations" / "b.xml").unlink()
    (root / "Annotations" / "c.xml").unlink()
    rels = [f"JPEGImages/{i}.jpg" for i in IDS]
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({
        "class_names": ["cat", "dog"], "preset": "photo",
        "splits": {"train": ["JPEGImages/a.jpg", "JPEGImages/b.jpg", "JPEGImages/c.jpg", "JPEGImages/night/h.jpg"],
                   "validation": ["JPEGImages/d.jpg"], "test": []},
        "images": {rel: {"sha256": sha256_or_none(root / rel)} for rel in rels}}))
    return root, parent


def test_an_unannotated_listed_image_the_model_learned_is_not_counted(tmp_path):
    root, parent = _folder(tmp_path)
    preview = holdout_preview_for(root, parent_spec=str(parent))
    assert preview is not None
    held = preview(0.25, True)
    assert held.layout_test == 2  # day/g and night/h: b and c have no annotation
    assert held.layout_test_learned == 1  # night/h; b and c are learned too, but no image the line speaks of
    assert held.layout_test_note().endswith(
        "so figures on 1 of them stay test figures; the other 1 was learned by the model this run starts from: figures "
        "on it are not test figures")


def test_an_annotated_copy_of_a_learned_listed_image_is_counted(tmp_path):
    root, parent = _folder(tmp_path)
    # the bytes of c (listed, unannotated, learned) under another name, annotated: held out as a test image
    shutil.copyfile(root / "JPEGImages" / "c.jpg", root / "JPEGImages" / "copy_of_c.jpg")
    shutil.copyfile(root / "Annotations" / "a.xml", root / "Annotations" / "copy_of_c.xml")
    preview = holdout_preview_for(root, parent_spec=str(parent))
    assert preview is not None
    held = preview(0.25, True)
    assert (held.layout_test, held.layout_test_copies) == (3, 1)
    assert held.layout_test_learned == 2  # night/h, and the copy of c: its bytes were learned (b is not counted)


def test_one_held_out_image_learned_is_said_as_it(tmp_path):
    root, parent = _folder(tmp_path)
    (root / "Annotations" / "day" / "g.xml").unlink()  # night/h alone is annotated among the listed images
    preview = holdout_preview_for(root, parent_spec=str(parent))
    assert preview is not None
    held = preview(0.25, True)
    assert (held.layout_test, held.layout_test_learned) == (1, 1)
    note = held.layout_test_note()
    # it said "so figures on it stay test figures; it was learned …: figures on it are not test figures"
    assert "stay test figures" not in note
    assert note.endswith("the run holds it out, as petloc train --exclude-list does; it was learned by the model this "
                         "run starts from: figures on it are not test figures")
