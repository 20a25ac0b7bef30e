"""An Oxford-IIIT Pet folder whose annotations/ holds its list files (trainval.txt) but no
xmls/ is read as Oxford, so its split lists count: images/ beside annotations/ alone is not (a project's own
layout, its XML files beside the images)."""

from __future__ import annotations

from petloc_gui.core.dataset import detect_layout


def test_annotations_holding_trainval_txt_is_oxford(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "trainval.txt").write_text("Abyssinian_1 1 1 1\n", encoding="utf-8")

    assert detect_layout(tmp_path) == "oxford"


def test_images_beside_an_empty_annotations_folder_is_not_oxford(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "annotations").mkdir()

    assert detect_layout(tmp_path) != "oxford"
