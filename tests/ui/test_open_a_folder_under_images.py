"""Opening a subfolder of a devkit's ``JPEGImages/`` (or of a Label Studio export's ``images/``) opens the
dataset, as opening ``JPEGImages/`` itself does (`core.dataset.dataset_root`): ``JPEGImages/day`` opened
as a sidecar folder listed every image as "no annotation" and a save wrote ``JPEGImages/day/x.xml`` beside
``Annotations/day/x.xml``, a box no devkit run sees."""

from __future__ import annotations

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import IMAGES_ANNOTATIONS, VOC_DEVKIT

from .conftest import open_and_wait, write_annotation, write_image


def _photo(root, images, relative, boxed=True):
    image = root / images / relative
    image.parent.mkdir(parents=True, exist_ok=True)
    write_image(image)
    if boxed:
        xml = (root / "Annotations" / relative).with_suffix(".xml")
        xml.parent.mkdir(parents=True, exist_ok=True)
        write_annotation(image, [("dog", Box(10, 10, 60, 50))]).replace(xml)  # from beside the image
    return image


@pytest.mark.parametrize(("images", "sub", "layout"), [("JPEGImages", "day", VOC_DEVKIT),
                                                       ("images", "new/batch1", IMAGES_ANNOTATIONS)])
def test_a_subfolder_opens_its_dataset_and_a_save_goes_to_its_annotations(qtbot, window, tmp_path,
                                                                           images, sub, layout):
    root = tmp_path / "export"
    _photo(root, images, "top.jpg")
    boxed = _photo(root, images, f"{sub}/x.jpg")
    bare = _photo(root, images, f"{sub}/y.jpg", boxed=False)
    open_and_wait(qtbot, window, root / images / sub)
    dataset = window.session.dataset
    assert (dataset.root, dataset.layout, dataset.annotated_count, len(dataset)) == (root, layout, 2, 3)
    paths = [item.image_path for item in dataset.items]
    window.show_row(paths.index(boxed))
    assert [(obj.name, obj.box) for obj in window.edits.doc.objects] == [("dog", Box(10, 10, 60, 50))]
    window.show_row(paths.index(bare))
    window.accept_prediction()
    assert window.save_current()
    assert (root / "Annotations" / sub / "y.xml").is_file()
    assert list((root / images).rglob("*.xml")) == []
