"""A devkit's folders typed in another case than the disk's (macOS, Windows) are its folders (`core.dataset`,
`core.disk_same`). ``voc/jpegimages/day`` for ``JPEGImages/day`` was compared with the layout's spelling as text
and opened as a sidecar folder, 0 annotated: `predict --write-voc` wrote a second set of XMLs beside the images,
which then made ``JPEGImages/day`` a dataset of its own. ``JPEGImages/DAY`` found no image: its index spells the
folder ``day``. On a case-sensitive disk ``jpegimages/`` beside ``JPEGImages/``, and ``Day/`` beside ``day/``, are
other folders, and stay so."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.dataset import SIDECAR, VOC_DEVKIT, dataset_root, open_dataset
from tests.cli.helpers import BLUE, voc_xml, write_image
from tests.core.caseless import alias, caseless_dir  # noqa: F401 - a fixture

W, H = 64, 48


def _devkit(root: Path, sub: str = "day", stems: str = "abc") -> Path:
    """``root`` as a devkit: ``JPEGImages/<sub>/`` with an image of each stem, each annotated in
    ``Annotations/<sub>/``."""
    for folder in (root / "JPEGImages" / sub, root / "Annotations" / sub):
        folder.mkdir(parents=True, exist_ok=True)
    for stem in stems:
        write_image(root / "JPEGImages" / sub / f"{stem}.jpg", W, H, BLUE)
        (root / "Annotations" / sub / f"{stem}.xml").write_text(
            voc_xml(f"{stem}.jpg", W, H, [("dog", (1, 2, 30, 20))]), encoding="utf-8")
    return root


def test_the_images_folder_typed_in_another_case_opens_the_devkit(tmp_path):
    voc = _devkit(tmp_path / "voc")
    typed = alias(voc / "JPEGImages", "jpegimages") / "day"
    assert dataset_root(typed) == voc
    dataset = open_dataset(typed)
    assert (dataset.root, dataset.layout, dataset.annotated_count) == (voc, VOC_DEVKIT, 3)
    part = dataset.within(typed)
    assert [item.annotation_path for item in part] == [voc / "Annotations" / "day" / f"{s}.xml" for s in "abc"]


def test_a_subfolder_typed_in_another_case_is_the_indexed_one(tmp_path):
    voc = _devkit(tmp_path / "voc")
    typed = alias(voc / "JPEGImages" / "day", "DAY")
    part = open_dataset(typed).within(typed)
    assert [item.image_path for item in part] == [voc / "JPEGImages" / "day" / f"{s}.jpg" for s in "abc"]
    assert part.annotated_count == 3
    # a file of it, by the typed folder: the index's item, and its annotation in Annotations/day/
    dataset = open_dataset(voc)
    assert dataset.find(typed / "b.jpg") is dataset.items[1]
    assert dataset.annotation_path_for(typed / "b.jpg") == voc / "Annotations" / "day" / "b.xml"
    assert dataset.annotation_folder_of(alias(voc / "JPEGImages", "jpegimages") / "day") == \
        voc / "Annotations" / "day"


def test_other_folders_of_a_case_sensitive_disk_stay_other(tmp_path):
    voc = _devkit(_devkit(tmp_path / "voc", "Day", "xy"), "day", "abc")
    lower = voc / "jpegimages" / "day"  # a folder of its own beside JPEGImages/
    lower.mkdir(parents=True)
    write_image(lower / "z.jpg", W, H, BLUE)
    assert dataset_root(lower) == lower
    assert open_dataset(lower).layout == SIDECAR
    day, other = voc / "JPEGImages" / "day", voc / "JPEGImages" / "Day"
    dataset = open_dataset(voc)
    assert [item.image_path.name for item in dataset.within(other)] == ["x.jpg", "y.jpg"]
    assert [item.image_path.name for item in dataset.within(day)] == ["a.jpg", "b.jpg", "c.jpg"]
    assert dataset.find(voc / "JPEGImages" / "DAY" / "a.jpg") is None  # no such folder here
    assert dataset.annotation_folder_of(lower) == voc / "Annotations"  # outside the images folder


def test_on_a_case_insensitive_disk(caseless_dir):  # noqa: F811 - the fixture
    """The same on a disk that ignores case itself (macOS, Windows; a FAT image elsewhere: `tests.core.caseless`)."""
    voc = _devkit(caseless_dir / "voc")
    for typed in (voc / "jpegimages" / "day", voc / "JPEGIMAGES"):
        dataset = open_dataset(typed)
        assert (dataset.root, dataset.layout, dataset.annotated_count) == (voc, VOC_DEVKIT, 3), typed
    for typed in (voc / "jpegimages" / "day", voc / "JPEGImages" / "DAY", voc / "jpegimages" / "DAY"):
        dataset = open_dataset(typed)
        part = dataset.within(typed)
        assert [item.annotation_path.name for item in part] == ["a.xml", "b.xml", "c.xml"], typed
        assert part.annotated_count == 3
        assert dataset.annotation_path_for(typed / "a.jpg") == voc / "Annotations" / "day" / "a.xml"
