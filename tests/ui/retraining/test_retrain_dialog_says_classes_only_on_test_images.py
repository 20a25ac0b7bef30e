"""The Retrain dialog says, before the run, which classes are boxed only on the folder's test list, which the run
holds out: the new model will not know them.

A VOC devkit's ImageSets/Main/test.txt listing the only two images of "testonly": the dialog listed the new
classes and "The new model's classes: …" without it, and said nothing of it; the run dropped it, and the first
word of it was `petloc evaluate --split test` counting both images wrong. `petloc train --exclude-list` says it
in the same words (`core.held_out_classes`).
"""

from __future__ import annotations

import json

from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.helpers import voc_xml
from tests.cli.test_train_layout_test_split_said import IDS, _devkit

SAID = ("Class owl is boxed only on test images (held out): the new model will not know it; box it on images the run "
        "trains on to train it.")


def _folder(tmp_path, test=("c", "day/g")):
    """The devkit of `IDS`, ``test`` on its test list and boxed "owl", the only owls."""
    root = _devkit(tmp_path / "voc", IDS, list(test))
    for relative in test:
        (root / "Annotations" / f"{relative}.xml").write_text(
            voc_xml(f"{relative.rsplit('/', 1)[-1]}.jpg", 40, 30, [("owl", (1, 1, 20, 20))]), encoding="utf-8")
    return root


def _dialog(qtbot, root, parent=None) -> RetrainDialog:
    dialog = RetrainDialog(None, model_name="parent", data_name=str(root), n_annotated=len(IDS), has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(root, parent_spec=parent),
                           can_fine_tune=parent is not None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    return dialog


def _parent(tmp_path, classes) -> str:
    parent = tmp_path / "parent"
    parent.mkdir(exist_ok=True)
    (parent / "meta.json").write_text(json.dumps({"class_names": classes}), encoding="utf-8")
    return str(parent)


def test_a_class_only_on_the_test_list_is_said_before_the_run(qtbot, tmp_path):
    dialog = _dialog(qtbot, _folder(tmp_path))
    assert dialog.thin_note.isVisibleTo(dialog)
    assert dialog.thin_note.text().splitlines()[0] == SAID
    assert dialog.start_button.isEnabled()  # said, not refused


def test_a_fine_tune_says_it_unless_its_model_knows_the_class(qtbot, tmp_path):
    root = _folder(tmp_path)
    dialog = _dialog(qtbot, root, _parent(tmp_path, ["cat", "dog"]))
    assert dialog.from_current.isChecked()
    assert dialog.thin_note.text().splitlines()[0] == SAID
    dialog = _dialog(qtbot, root, _parent(tmp_path, ["cat", "dog", "owl"]))  # the fine-tune keeps its owl
    assert "owl" not in dialog.thin_note.text()
    dialog.from_scratch.setChecked(True)  # from scratch, nothing keeps it
    assert dialog.thin_note.text().splitlines()[0] == SAID


def test_nothing_is_said_of_a_class_also_on_an_image_the_run_trains_on(qtbot, tmp_path):
    root = _folder(tmp_path, test=("c",))
    dialog = _dialog(qtbot, root)
    assert dialog.thin_note.text().splitlines()[0] == SAID
    # a second box of an image the run trains on: its line on such boxes says it (`petloc train`'s too)
    (root / "Annotations" / "a.xml").write_text(
        voc_xml("a.jpg", 40, 30, [("dog", (1, 1, 9, 9)), ("owl", (1, 1, 20, 20))]), encoding="utf-8")
    dialog = _dialog(qtbot, root)
    assert "test images" not in dialog.thin_note.text()


def test_the_dialog_and_petloc_train_name_the_same_classes(qtbot, tmp_path, capsys):
    from petloc_gui.cli.train_checks import check_classes, read_folder
    from petloc_gui.core.held_out_classes import only_held_out_line
    from petloc_gui.core.text import isolated

    root = _folder(tmp_path)
    check_classes(read_folder(root, "default", [str(root / "JPEGImages" / f"{r}.jpg") for r in ("c", "day/g")])[0])
    preview = holdout_preview_for(root)(0.2, False)
    assert preview.test_only.names == ("owl",)
    assert f"petloc: {only_held_out_line(preview.test_only.names, isolated)}" in capsys.readouterr().err.splitlines()


def test_a_rename_chosen_says_the_model_s_class_it_leaves_only_on_test_images(qtbot, tmp_path, capsys):
    """The model's owl renamed strix (the training images now say strix; the test list's two still owl): the run
    knows no owl any more, and `petloc train --renamed strix=owl` says owl is boxed only on test images. The dialog
    worked its list out once, against the model's names before any rename, and said nothing. Both said to box owl on
    images the run trains on, which trained a new owl beside strix (the model's owl): they say it is the model's owl,
    trained as strix, to be renamed strix on the test images."""
    from petloc_gui.cli.train_checks import check_classes, read_folder
    from petloc_gui.core.held_out_classes import renamed_away_line
    from petloc_gui.core.text import isolated

    root = _folder(tmp_path)
    for relative in ("a", "b", "d"):
        (root / "Annotations" / f"{relative}.xml").write_text(
            voc_xml(f"{relative}.jpg", 40, 30, [("strix", (1, 1, 20, 20))]), encoding="utf-8")
    parent = _parent(tmp_path, ["cat", "dog", "owl"])
    dialog = _dialog(qtbot, root, parent)
    assert dialog.from_current.isChecked()
    assert "owl" not in dialog.thin_note.text()  # the fine-tune keeps the model's owl
    combo = dialog.rename_choices.combo("strix")
    combo.setCurrentIndex(combo.findData("owl"))
    assert dialog.options().renamed == {"strix": "owl"}
    assert dialog.thin_note.text().splitlines()[0] == (
        "Class owl is boxed only on test images (held out): it is the model's owl, trained as strix by the rename; "
        "rename it strix on the test images (boxed as owl on images the run trains on, it would train a new class "
        "beside strix).")
    combo.setCurrentIndex(0)  # the rename undone: the model's owl kept again
    assert not dialog.options().renamed
    assert "owl" not in dialog.thin_note.text()
    # petloc train, the same run
    meta = {"class_names": ["cat", "dog", "owl"]}
    check_classes(read_folder(root, "default", [str(root / "JPEGImages" / f"{r}.jpg") for r in ("c", "day/g")],
                              meta)[0], meta, {"strix": "owl"})
    assert f"petloc: {renamed_away_line('owl', 'strix', isolated)}" in capsys.readouterr().err.splitlines()


def test_a_rename_chosen_says_the_model_s_class_typed_another_way_on_the_test_images(qtbot, tmp_path):
    """The model's owl renamed strix, the test list's two boxed "OWL": the dialog said "OWL" was the run's owl (before
    the rename) and then to box it on images the run trains on, which trained a new OWL beside strix (a review's
    find). It says it is the model's owl typed another way, to be renamed strix on the test images."""
    root = _folder(tmp_path)
    for relative in ("c", "day/g"):
        (root / "Annotations" / f"{relative}.xml").write_text(
            voc_xml(f"{relative.rsplit('/', 1)[-1]}.jpg", 40, 30, [("OWL", (1, 1, 20, 20))]), encoding="utf-8")
    for relative in ("a", "b", "d"):
        (root / "Annotations" / f"{relative}.xml").write_text(
            voc_xml(f"{relative}.jpg", 40, 30, [("strix", (1, 1, 20, 20))]), encoding="utf-8")
    dialog = _dialog(qtbot, root, _parent(tmp_path, ["cat", "dog", "owl"]))
    combo = dialog.rename_choices.combo("strix")
    combo.setCurrentIndex(combo.findData("owl"))
    assert dialog.options().renamed == {"strix": "owl"}
    assert dialog.thin_note.text().splitlines()[0] == (
        'Class "OWL" is boxed only on test images (held out): it is the model\'s "owl" typed another way, trained as '
        '"strix" by the rename; rename it "strix" on the test images (boxed as "OWL" on images the run trains on, it '
        'would train a new class beside "strix").')


# a model's unreviewed pre-label; its model not found: trained on while the dialog's box is ticked
PRELABEL = "<source><annotation>petloc pre-label by petloc predict, model gone/0a0a0a</annotation></source>"


def test_the_pre_labels_left_out_train_no_class(qtbot, tmp_path):
    """owl on the test list's two images and on one unreviewed pre-label: "Train on the pre-labels too" unticked, no
    image the run trains on has it, and the dialog said nothing (it counted the classes of every image read)."""
    root = _folder(tmp_path)
    (root / "Annotations" / "a.xml").write_text(
        voc_xml("a.jpg", 40, 30, [("owl", (1, 1, 20, 20))]).replace("<annotation>", f"<annotation>{PRELABEL}", 1),
        encoding="utf-8")
    for parent in (None, _parent(tmp_path, ["cat", "dog"])):  # from scratch, and a fine-tune
        dialog = _dialog(qtbot, root, parent)
        assert dialog.from_current.isChecked() == (parent is not None)
        assert dialog.train_prelabels.isChecked()
        assert "test images" not in dialog.thin_note.text()  # trained on the pre-label
        dialog.train_prelabels.setChecked(False)
        assert dialog.thin_note.text().splitlines()[0] == (
            "Class owl is boxed only on test images (held out) and on unreviewed pre-labels this run leaves out: the "
            "new model will not know it; review its pre-labels in the window (a save makes a box a person's) or box it "
            "on images the run trains on to train it.")
        dialog.train_prelabels.setChecked(True)
        assert "test images" not in dialog.thin_note.text()


def test_a_class_of_the_run_typed_another_way_on_the_test_images_is_said_so(qtbot, tmp_path):
    """"Owl" on the test list, "owl" on an image the run trains on: the dialog said to box "Owl" on images the run
    trains on, which has it refuse the run (a class typed two ways); it says which class it is, and to rename it."""
    root = _folder(tmp_path)
    for relative in ("c", "day/g"):
        (root / "Annotations" / f"{relative}.xml").write_text(
            voc_xml(f"{relative.rsplit('/', 1)[-1]}.jpg", 40, 30, [("Owl", (1, 1, 20, 20))]), encoding="utf-8")
    (root / "Annotations" / "a.xml").write_text(voc_xml("a.jpg", 40, 30, [("owl", (1, 1, 20, 20))]), encoding="utf-8")
    for parent in (None, _parent(tmp_path, ["cat", "dog"])):
        dialog = _dialog(qtbot, root, parent)
        assert dialog.thin_note.text().splitlines()[0] == (
            'Class "Owl" is boxed only on test images (held out), and is class "owl" of this run typed another way: '
            'the new model will know it only as "owl"; rename it "owl" on the test images (boxing "Owl" on images '
            "the run trains on would have the run refused: a class typed two ways).")
    dialog = _dialog(qtbot, _folder(tmp_path / "known"), _parent(tmp_path, ["cat", "dog", "OWL"]))
    assert 'is class "OWL" of this run typed another way' in dialog.thin_note.text()  # a class the fine-tune keeps


def test_a_class_typed_another_way_the_run_does_not_learn_is_not_said_to_be_known(qtbot, tmp_path):
    """"Owl" on the test list, "owl" only on an image's second box: the run learns each image's first box, so it
    learns no owl, and the dialog said "the new model will know it only as "owl"" (and nothing else of owl)."""
    root = _folder(tmp_path)
    for relative in ("c", "day/g"):
        (root / "Annotations" / f"{relative}.xml").write_text(
            voc_xml(f"{relative.rsplit('/', 1)[-1]}.jpg", 40, 30, [("Owl", (1, 1, 20, 20))]), encoding="utf-8")
    (root / "Annotations" / "a.xml").write_text(
        voc_xml("a.jpg", 40, 30, [("dog", (1, 1, 9, 9)), ("owl", (1, 1, 20, 20))]), encoding="utf-8")
    for parent in (None, _parent(tmp_path, ["cat", "dog"])):
        dialog = _dialog(qtbot, root, parent)
        assert dialog.thin_note.text().splitlines()[0] == (
            'Class "Owl" is boxed only on test images (held out), and is class "owl" of this run typed another way, '
            "none of whose boxes is an image's first: a run learns one box per image, the first, so the new model will "
            'not know it; rename it "owl" on the test images and box images where it is the first object to train it '
            '(boxing "Owl" on images the run trains on would have the run refused: a class typed two ways).')
    dialog = _dialog(qtbot, root, _parent(tmp_path, ["cat", "dog", "owl"]))  # the fine-tune keeps the model's owl
    assert 'the new model will know it only as "owl"' in dialog.thin_note.text()


def test_a_class_typed_another_way_on_the_pre_labels_left_out_is_said_so(qtbot, tmp_path):
    """"Owl" on the test list, "owl" only on an unreviewed pre-label: "Train on the pre-labels too" unticked, the
    dialog said to box "Owl" on images the run trains on, and done, a run that trains on the pre-label is refused for
    a class typed two ways. It names the pre-labels' class, and to give it one spelling first."""
    root = _folder(tmp_path)
    for relative in ("c", "day/g"):
        (root / "Annotations" / f"{relative}.xml").write_text(
            voc_xml(f"{relative.rsplit('/', 1)[-1]}.jpg", 40, 30, [("Owl", (1, 1, 20, 20))]), encoding="utf-8")
    (root / "Annotations" / "a.xml").write_text(
        voc_xml("a.jpg", 40, 30, [("owl", (1, 1, 20, 20))]).replace("<annotation>", f"<annotation>{PRELABEL}", 1),
        encoding="utf-8")
    for parent in (None, _parent(tmp_path, ["cat", "dog"])):  # from scratch, and a fine-tune
        dialog = _dialog(qtbot, root, parent)
        assert dialog.train_prelabels.isChecked()
        assert 'the new model will know it only as "owl"' in dialog.thin_note.text()  # trained on the pre-label
        dialog.train_prelabels.setChecked(False)
        assert dialog.thin_note.text().splitlines()[0] == (
            'Class "Owl" is boxed only on test images (held out), and is class "owl" of unreviewed pre-labels this run '
            "leaves out, typed another way: the new model will not know it; rename it on the test images (or the "
            "pre-labels) to one spelling, then review its pre-labels in the window (a save makes a box a person's) or "
            "box it on images the run trains on to train it (two spellings would have a run that trains on the "
            "pre-labels refused: a class typed two ways).")


def test_two_spellings_each_only_on_the_test_list_are_said_as_one_class(qtbot, tmp_path):
    """"Owl" on one image of the test list, "owl" on the other: the dialog said "Classes Owl, owl are boxed only on
    test images ...; box them on images the run trains on", which has the run refused (a class typed two ways)."""
    root = _folder(tmp_path)
    for relative, label in (("c", "Owl"), ("day/g", "owl")):
        (root / "Annotations" / f"{relative}.xml").write_text(
            voc_xml(f"{relative.rsplit('/', 1)[-1]}.jpg", 40, 30, [(label, (1, 1, 20, 20))]), encoding="utf-8")
    for parent in (None, _parent(tmp_path, ["cat", "dog"])):
        dialog = _dialog(qtbot, root, parent)
        assert dialog.thin_note.text().splitlines()[0] == (
            'Classes "Owl" and "owl" are one class typed two ways, boxed only on test images (held out): the new model '
            "will not know it; give it one spelling on the test images, then box it on images the run trains on to "
            "train it (boxed in two spellings, it would have the run refused: a class typed two ways).")


def test_many_classes_typed_another_way_are_named_on_a_line_per_kind(qtbot, tmp_path):
    """Five classes each typed in capitals on the test list ("CLASS0" there, "class0" on the images the run trains
    on): a line each (40 such classes made the note 2,282 px tall). Past 3, a line per kind names them, the advice
    once."""
    names = [f"class{n}" for n in range(5)]
    ids = [f"i{n:02d}" for n in range(15)]
    root = _devkit(tmp_path / "voc", ids, ids[10:])
    for relative, label in zip(ids, [name for name in names for _ in range(2)] + [name.upper() for name in names],
                               strict=True):
        (root / "Annotations" / f"{relative}.xml").write_text(
            voc_xml(f"{relative}.jpg", 40, 30, [(label, (1, 1, 20, 20))]), encoding="utf-8")
    dialog = _dialog(qtbot, root)
    named = ", ".join(f'"{name.upper()}" ("{name}")' for name in names)
    assert dialog.thin_note.text().splitlines()[:2] == [
        "5 classes are boxed only on test images (held out), each the class in brackets of this run typed another "
        f"way: the new model will know each only as that class: {named}.",
        "Rename each of these 5 classes on the test images as the class in brackets (boxing them as they are on "
        "images the run trains on would have the run refused: classes typed two ways)."]


def _owl_on_an_image_cut_short(root) -> None:
    """a.jpg boxed "owl", its file cut short: an image the run cannot use."""
    (root / "Annotations" / "a.xml").write_text(voc_xml("a.jpg", 40, 30, [("owl", (1, 1, 20, 20))]), encoding="utf-8")
    image = root / "JPEGImages" / "a.jpg"
    image.write_bytes(image.read_bytes()[:40])


def test_a_class_typed_another_way_learned_only_from_an_image_the_run_cannot_use_is_not_said_known(qtbot, tmp_path):
    """"Owl" on the test list, "owl" only on an image cut short: the run skips it and learns no owl, but the dialog
    said "the new model will know it only as "owl"" (the classes taken before the preview's own check of the
    images), from scratch and in a fine-tune."""
    root = _folder(tmp_path)
    for relative in ("c", "day/g"):
        (root / "Annotations" / f"{relative}.xml").write_text(
            voc_xml(f"{relative.rsplit('/', 1)[-1]}.jpg", 40, 30, [("Owl", (1, 1, 20, 20))]), encoding="utf-8")
    _owl_on_an_image_cut_short(root)
    for parent in (None, _parent(tmp_path, ["cat", "dog"])):
        dialog = _dialog(qtbot, root, parent)
        assert dialog.thin_note.text().splitlines()[0] == (
            'Class "Owl" is boxed only on test images (held out), and is class "owl" of this run typed another way, '
            "every image of which the run would learn it from is one it cannot use (an unreadable image, or its box "
            'outside it): the new model will not know it; rename it "owl" on the test images and box it first on '
            'images the run can read to train it (boxing "Owl" on images the run trains on would have the run '
            "refused: a class typed two ways).")


def test_a_class_on_the_test_list_learned_only_from_an_image_the_run_cannot_use_is_said(qtbot, tmp_path):
    """"owl" on the test list and on an image cut short, the same spelling: the run skips that image and learns no owl,
    and the dialog said nothing of it (a review's find); a fine-tune that keeps the model's owl says nothing."""
    root = _folder(tmp_path)
    _owl_on_an_image_cut_short(root)
    for parent in (None, _parent(tmp_path, ["cat", "dog"])):
        dialog = _dialog(qtbot, root, parent)
        assert dialog.thin_note.text().splitlines()[0] == (
            "Class owl is boxed on test images (held out), and first on no image the run can use (a run learns an "
            "image's first box; an unreadable image, or its box outside it, cannot be used): the new model will not "
            "know it; box it first on images the run can read to train it.")
    dialog = _dialog(qtbot, root, _parent(tmp_path, ["cat", "dog", "owl"]))
    assert "test images" not in dialog.thin_note.text()
