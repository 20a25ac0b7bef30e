"""A folder named like an annotation (``x.xml/`` beside ``x.png``): the index counts the image as
without annotation (only a file is one), and `petloc stats` said nothing ("problems 0") while no
annotation could be saved there. It is a problem now, naming the folder, in every layout."""

from __future__ import annotations

from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import OTHER_PROBLEM, compute_stats


def test_stats_names_a_folder_at_an_annotation_path(tmp_path):
    Image.new("RGB", (6, 4)).save(tmp_path / "x.png")
    Image.new("RGB", (6, 4)).save(tmp_path / "y.png")
    (tmp_path / "x.xml").mkdir()
    dataset = open_dataset(tmp_path)
    assert [item.has_annotation for item in dataset.items] == [False, False]
    assert [item.refresh() for item in dataset.items] == [False, False]  # the same rule after a save
    stats = compute_stats(dataset, check_images=False)
    assert stats.n_unannotated == 2
    assert [(p.kind, p.path) for p in stats.problems] == [(OTHER_PROBLEM, str(tmp_path / "x.xml"))]
    assert stats.problems[0].message.startswith("annotation path is a folder: the image counts as without")


def test_in_the_oxford_layout_too(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "annotations" / "xmls" / "Bengal_1.xml").mkdir(parents=True)
    Image.new("RGB", (6, 4)).save(tmp_path / "images" / "Bengal_1.jpg")
    stats = compute_stats(open_dataset(tmp_path), check_images=False)
    assert [(p.kind, p.path) for p in stats.problems] == [
        (OTHER_PROBLEM, str(tmp_path / "annotations" / "xmls" / "Bengal_1.xml"))]
