"""The Retrain dialog's thin-classes line counts what `petloc train` counts: the images the run trains on by
class, each by its first box, after the run's check of the images, the pre-labels only while it trains on them.

It counted boxes (`Holdout.box_counts`): a class on the first box of one image and the second box of five
was "6", well boxed, where `petloc train` warns that it has 1 person-reviewed image; a class boxed twice on
each of its 2 images was "4"; an unreadable image's box counted. They agreed only on a folder of one box an
image, all readable.
"""

from __future__ import annotations

import json

import pytest

from petloc_gui.app.thin_classes import thin_classes
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from tests.cli.helpers import voc_xml, write_image

# a model's mark the store does not know: whether it knew the run's classes cannot be told, so it is trained on
MARK = "petloc pre-label by petloc predict, model elsewhere"
THIN = ["cat", "emu", "fox", "owl"]  # 2 images (4 boxes), pre-labels only, 1 image (6 boxes), 2 readable of 3


def _annotated(folder, stem, objects, prelabel=False, readable=True):
    image = folder / f"{stem}.png"
    if readable:
        write_image(image, 40, 30, color=(len(stem) * 9 % 250, sum(map(ord, stem)) % 250, 40))
    else:
        image.write_bytes(b"not a png at all")
    xml = voc_xml(image.name, 40, 30, [(name, (2 + i, 2, 20 + i, 20)) for i, name in enumerate(objects)])
    if prelabel:  # labelImg's <verified> off, the mark petloc predict writes
        from petloc_gui.core.voc import read_voc, write_voc

        (folder / f"{stem}.xml").write_text(xml, encoding="utf-8")
        annotation = read_voc(folder / f"{stem}.xml")
        annotation.prelabel = MARK
        write_voc(annotation, folder / f"{stem}.xml")
    else:
        (folder / f"{stem}.xml").write_text(xml, encoding="utf-8")
    return image


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "boxes"
    folder.mkdir()
    for i in range(5):  # fox on the second box of each dog image
        _annotated(folder, f"dog{i}", ["dog", "fox"])
    _annotated(folder, "fox0", ["fox"])
    for i in range(2):
        _annotated(folder, f"cat{i}", ["cat", "cat"])
    _annotated(folder, "owl0", ["owl"])
    _annotated(folder, "owl1", ["owl"])
    _annotated(folder, "owl2", ["owl"], readable=False)  # left out by the run's check
    _annotated(folder, "emu0", ["emu", "dog"], prelabel=True)
    _annotated(folder, "emu1", ["emu"], prelabel=True)
    return folder


def _parent(tmp_path):
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["dog", "fox"],
                                                  "splits": {"train": [], "validation": [], "test": []}}))
    return str(parent)


def _cli_warned(folder, capsys, parent=None):
    from petloc_gui.cli.train_checks import check_classes, read_folder, warn_thin_classes

    meta = json.loads((folder.parent / "parent" / "meta.json").read_text()) if parent else None
    read = read_folder(folder, "default", [], parent_meta=meta)[0]
    capsys.readouterr()
    # the run's start event lists the unreadable image among those it skipped
    warn_thin_classes(check_classes(read, meta), [[str(folder / "owl2.png"), "unreadable image"]])
    warned = [line for line in capsys.readouterr().err.splitlines() if line.startswith("petloc: class ")]
    return sorted(line.split()[2] for line in warned)


@pytest.mark.parametrize("fine_tune", [False, True])
def test_the_preview_names_the_classes_petloc_train_warns_of(folder, tmp_path, capsys, fine_tune):
    parent = _parent(tmp_path) if fine_tune else None
    preview = holdout_preview_for(folder, parent_spec=parent)(0.2, fine_tune)
    assert not preview.problem
    assert preview.images_by_class == {"dog": 5, "fox": 1, "cat": 2, "owl": 2}
    assert preview.prelabel_images_by_class == {"emu": 2}
    assert sorted(thin_classes(preview.images_by_class, preview.prelabel_images_by_class)) == THIN
    assert _cli_warned(folder, capsys, parent) == THIN


@pytest.mark.parametrize("fine_tune", [False, True])
def test_the_dialog_names_them_and_the_pre_labels_only_while_trained_on(qtbot, folder, tmp_path, fine_tune):
    parent = _parent(tmp_path) if fine_tune else None
    dialog = RetrainDialog(None, model_name="parent", data_name=str(folder), n_annotated=14, has_unsaved=False,
                           holdout_loader=lambda: holdout_preview_for(folder, parent_spec=parent),
                           can_fine_tune=fine_tune)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    assert dialog.from_current.isChecked() == fine_tune
    note = dialog.thin_note
    assert note.text().startswith("4 classes have fewer than 3 person-reviewed images")
    tip = note.toolTip()
    assert "never measured (pre-labels are never held out)</b>: emu</p>" in tip
    assert "so never measured</b>: fox</p>" in tip
    assert "rest on a single image</b>: cat, owl</p>" in tip
    assert "dog" not in tip
    dialog.train_prelabels.setChecked(False)  # the run leaves emu out: it is not trained at all
    assert note.text().startswith("3 classes have fewer than 3") and "emu" not in note.toolTip()
