"""Where a layout keeps the annotations of a folder's images (`Dataset.annotation_folder_of`): asked
by the unread-image match, `Dataset.within` and the search for annotations without an image, which
each asked for a made-up image's annotation path (``folder/x.png``) and took its folder."""

from __future__ import annotations

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.orphan_annotations import annotations_without_image
from tests.cli.helpers import voc_xml, write_image


def _made(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_each_layout_s_folder_and_an_image_s_path_in_it(tmp_path):
    side, voc = tmp_path / "side", tmp_path / "voc"
    for relative in ("x.jpg", "day/y.jpg"):
        write_image(_made(side / relative), 8, 8)
        write_image(_made(voc / "JPEGImages" / relative), 8, 8)
    (voc / "Annotations").mkdir()
    sidecar, devkit = open_dataset(side), open_dataset(voc)
    assert sidecar.annotation_folder_of(side / "day") == side / "day"
    assert devkit.annotation_folder_of(voc / "JPEGImages") == voc / "Annotations"
    assert devkit.annotation_folder_of(voc / "JPEGImages" / "day") == voc / "Annotations" / "day"
    assert devkit.annotation_folder_of(voc / "JPEGImages" / "day" / "new") == voc / "Annotations" / "day" / "new"
    assert devkit.annotation_folder_of(voc) == voc / "Annotations"  # outside the images folder: the top
    assert devkit.annotation_folder_of(tmp_path / "elsewhere") == voc / "Annotations"
    for dataset, folder in ((sidecar, side / "day"), (devkit, voc / "JPEGImages" / "day"), (devkit, voc)):
        for name in ("z.jpg", "a.b.png", "noext"):
            assert dataset.annotation_path_for(folder / name).parent == dataset.annotation_folder_of(folder)


def test_annotations_without_image_in_a_sidecar_folder_without_images(tmp_path):
    write_image(_made(tmp_path / "day" / "y.jpg"), 8, 8)
    _made(tmp_path / "empty" / "gone.xml").write_text(voc_xml("gone.jpg", 8, 8, []), encoding="utf-8")
    assert annotations_without_image(open_dataset(tmp_path)) == [tmp_path / "empty" / "gone.xml"]
