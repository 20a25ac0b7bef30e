"""Any folder at or under a layout's images folder stands for its dataset (`dataset_root`), as the images
folder itself does: ``JPEGImages/day`` opened as a sidecar folder read none of ``Annotations/day``
("found 0" in train and evaluate, "no annotation" in the window), and wrote new annotations beside the
images. `Dataset.within` is the part of the dataset a subfolder given to `petloc predict` holds."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.dataset import SIDECAR, VOC_DEVKIT, dataset_root, open_dataset
from tests.cli.helpers import run_cli, voc_xml, write_image


def _devkit(root: Path, relatives=("x.jpg", "day/a.jpg", "day/deep/b.jpg", "night/c.jpg")) -> Path:
    for relative in relatives:
        image = write_image(_made(root / "JPEGImages" / relative), 32, 24)
        _made(root / "Annotations" / relative).with_suffix(".xml").write_text(
            voc_xml(image.name, 32, 24, [("cat", (1, 1, 20, 20))]), encoding="utf-8")
    return root


def _made(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_every_depth_under_the_images_folder_opens_the_dataset(tmp_path):
    root = _devkit(tmp_path / "voc")
    for folder in ("", "JPEGImages", "JPEGImages/day", "JPEGImages/day/deep"):
        assert dataset_root(root / folder) == root
        dataset = open_dataset(root / folder)
        assert (dataset.root, dataset.layout, dataset.annotated_count, dataset.problems) == (root, VOC_DEVKIT, 4, [])
    # its annotations folder is no images folder: opened as itself
    assert dataset_root(root / "Annotations" / "day") == root / "Annotations" / "day"


def test_a_dataset_of_its_own_inside_the_images_folder_is_kept(tmp_path):
    outer = _devkit(tmp_path / "voc", ("x.jpg",))
    inner = _devkit(outer / "JPEGImages" / "copy", ("y.jpg", "day/z.jpg"))
    assert dataset_root(inner) == inner
    assert dataset_root(inner / "JPEGImages" / "day") == inner  # the nearest dataset's images folder
    assert dataset_root(inner / "Annotations") == inner / "Annotations"


def test_a_folder_named_images_in_a_sidecar_folder_is_its_own(tmp_path):
    (tmp_path / "images" / "day").mkdir(parents=True)
    (tmp_path / "notes").mkdir()
    write_image(tmp_path / "images" / "day" / "a.jpg", 32, 24)
    assert dataset_root(tmp_path / "images" / "day") == tmp_path / "images" / "day"
    assert open_dataset(tmp_path / "images" / "day").layout == SIDECAR


def test_within_is_the_subfolder_its_problems_and_annotations(tmp_path):
    root = _devkit(tmp_path / "voc")
    (tmp_path / "elsewhere").mkdir()
    for sub in ("day", "night"):  # a link to a folder is not followed: a problem of the folder holding it
        (root / "JPEGImages" / sub / f"{sub}_link").symlink_to(tmp_path / "elsewhere")
    dataset = open_dataset(root / "JPEGImages" / "day")
    day = dataset.within(root / "JPEGImages" / "day")
    assert [item.image_path.relative_to(root).as_posix() for item in day] == ["JPEGImages/day/a.jpg",
                                                                            "JPEGImages/day/deep/b.jpg"]
    assert [item.annotation_path.relative_to(root).as_posix() for item in day] == ["Annotations/day/a.xml",
                                                                                 "Annotations/day/deep/b.xml"]
    assert len(dataset.problems) == 2
    assert [Path(problem.path).name for problem in day.problems] == ["day_link"]  # night's is not its
    assert day.root == root and len(dataset.within(root / "JPEGImages")) == len(dataset.within(root)) == 4


def test_stats_of_a_subfolder_are_the_datasets(tmp_path, capsys):
    root = _devkit(tmp_path / "voc")
    code, out, err = run_cli(capsys, "stats", root / "JPEGImages" / "night")
    assert code == 0, err
    assert "voc-devkit" in out and "annotated 4" in " ".join(out.split())
