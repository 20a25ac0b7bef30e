"""A devkit's folders typed in another case than the disk's (macOS, Windows) are its folders (`core.dataset`,
`core.disk_same`). ``voc/jpegimages/day`` for ``JPEGImages/day`` was compared with the layout's spelling as text
and opened as a sidecar folder, 0 annotated: `predict --write-voc` wrote a second set of XMLs beside the images,
which then made ``JPEGImages/day`` a dataset of its own. ``JPEGImages/DAY`` found no image: its index spells the
folder ``day``. On a case-sensitive disk ``jpegimages/`` beside ``JPEGImages/`` is another folder, and stays so."""

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


def test_other_folders_of_a_case_sensitive_disk_stay_other(tmp_path):
    voc = _devkit(_devkit(tmp_path / "voc", "Day", "xy"), "day", "abc")
    lower = voc / "jpegimages" / "day"  # a folder of its own beside JPEGImages/
    lower.mkdir(parents=True)
    write_image(lower / "z.jpg", W, H, BLUE)
    assert dataset_root(lower) == lower
    assert open_dataset(lower).layout == SIDECAR


def test_on_a_case_insensitive_disk(caseless_dir):  # noqa: F811 - the fixture
    """The same on a disk that ignores case itself (macOS, Windows; a FAT image elsewhere: `tests.core.caseless`)."""
    voc = _devkit(caseless_dir / "voc")
    for typed in (voc / "jpegimages" / "day", voc / "JPEGIMAGES"):
        dataset = open_dataset(typed)
        assert (dataset.root, dataset.layout, dataset.annotated_count) == (voc, VOC_DEVKIT, 3), typed
