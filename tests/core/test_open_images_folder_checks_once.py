"""Opening a Label Studio export's ``images/`` (or a folder under it) checks the export once: `dataset_root`
found the dataset by checking ``DATA``, and `open_dataset` checked ``DATA`` again (each check walks up to
500 folders of ``images/`` and ``Annotations/``)."""

from __future__ import annotations

import pytest

import petloc_gui.core.dataset as dataset_module
from petloc_gui.core.dataset import IMAGES_ANNOTATIONS, open_dataset
from tests.cli.helpers import voc_xml, write_image


@pytest.mark.parametrize("opened", ["", "images", "images/day"])
def test_the_export_is_checked_once_wherever_it_is_opened(tmp_path, monkeypatch, opened):
    root = tmp_path / "ls"
    (root / "images" / "day").mkdir(parents=True)
    (root / "Annotations" / "day").mkdir(parents=True)
    for relative in ("x", "day/y"):
        write_image(root / "images" / f"{relative}.jpg", 32, 24)
        (root / "Annotations" / f"{relative}.xml").write_text(voc_xml(f"{relative}.jpg", 32, 24, []),
                                                              encoding="utf-8")
    checked = []
    check = dataset_module.check_label_studio_export
    monkeypatch.setattr(dataset_module, "check_label_studio_export",
                        lambda folder: checked.append(folder) or check(folder))
    dataset = open_dataset(root / opened)
    assert (dataset.root, dataset.layout, len(dataset)) == (root, IMAGES_ANNOTATIONS, 2)
    assert checked.count(root) == 1  # images/day is checked too: for a dataset of its own in between
