"""`petloc stats` counts as test images those the folder's test list names as `petloc train` warns of them and the
window's Retrain holds them out: each line resolved by the one resolver (`core.listed_images`), in another case
("C" for c.jpg), with its extension ("d.jpg"), a linked image by its own name.

Before: the index matched each line's first column as written, the image's path without its extension, so on
this devkit `petloc stats` printed "splits trainval: 8" and no test split while `petloc train` warned of 3 test
images and the window held 3 out."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.layout_split_lists import split_list_notes
from petloc_gui.model.layout_test_split import layout_test_said, read_layout_test
from tests.cli.helpers import run_cli, write_image
from tests.cli.test_train_layout_test_split_said import IDS, _devkit


def _relative(images, root) -> list[str]:
    return [str(Path(image).relative_to(root)) for image in images]


def _splits(out: str) -> str:
    return next((line for line in out.splitlines() if line.startswith("splits")), "").partition(" ")[2].strip()


def _linked_devkit(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, [])
    cache = tmp_path / "cache"
    cache.mkdir()
    (root / "JPEGImages" / "l.jpg").symlink_to(write_image(cache / "2d677c922f00.jpg", 40, 30))  # DVC's cache
    main = root / "ImageSets" / "Main"
    (main / "trainval.txt").write_text("".join(f"{i}\n" for i in [*IDS, "l"]), encoding="utf-8")
    (main / "test.txt").write_text("C\nd.jpg\nl.jpg\n", encoding="utf-8")
    return root


def test_stats_counts_the_test_images_train_warns_of(tmp_path, capsys):
    root = _linked_devkit(tmp_path)
    code, out, err = run_cli(capsys, "stats", root)
    assert code == 0, err
    assert _splits(out) == "test: 3, trainval: 6", out
    dataset = open_dataset(root)
    tests = _relative(read_layout_test(dataset).images, root)  # what `petloc train` warns of, the window holds out
    assert sorted(tests) == sorted(str(item.image_path.relative_to(root)) for item in dataset if item.split == "test")
    used = [str(item.image_path.relative_to(root)) for item in dataset]
    assert "lists 3 test images; this run trains or validates on them" in layout_test_said(dataset, used)[0][0]
    # each is on trainval.txt too: said, as for a test.txt line written as the folder names the image
    assert [what for _, what in split_list_notes(dataset)] == [
        "3 images are on both test.txt and trainval.txt: counted as test images, as the window's Retrain holds them "
        "out of training (petloc train warns when it trains on them)"]


def test_an_oxford_test_line_in_another_case_is_a_test_image(tmp_path):
    from tests.core.test_dataset import _touch

    for name in ("Abyssinian_1", "boxer_3"):
        _touch(tmp_path / "images" / f"{name}.jpg")
    _touch(tmp_path / "annotations" / "xmls" / "boxer_3.xml")
    _touch(tmp_path / "annotations" / "test.txt", "BOXER_3 4 2 3\n")
    dataset = open_dataset(tmp_path)
    assert [item.split for item in dataset] == [None, "test"]
    assert len(read_layout_test(dataset).images) == 1
