"""The name tables of `core.listed_images` share one set per image among its keys, and an entry is looked up
with case and Unicode form ignored only where its last name folds to some image's (`_ImageNames.may_fold_to`):
what made an Oxford index resolve its test list in a third of the time. Each entry still names what it named,
as written or folded, by path, by name, through a link's target's name, in a folder whose name ends in a final
sigma ("ΑΣ/b.jpg", folded "ας/b.jpg": a name folds as it would alone), or as an Oxford line whose whole text
is an image's stem.
"""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.listed_images import resolve_listed_images
from tests.cli.helpers import voc_xml, write_image

IMAGES = ("x.jpg", "day/x.jpg", "night/x.jpg", "day/y.jpg", "night/y.jpg", "ΑΣ/b.jpg", "dog 2 1 1.jpg")


@pytest.fixture
def data(tmp_path, monkeypatch):
    root = tmp_path / "data"
    for shade, name in enumerate(IMAGES):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        image = write_image(root / name, 8, 8, color=(shade, 0, 0))
        image.with_suffix(".xml").write_text(voc_xml(image.name, 8, 8, [("cat", (1, 1, 5, 5))]), encoding="utf-8")
    if hasattr(os, "symlink") and os.name != "nt":
        (tmp_path / "store").mkdir()
        (root / "day" / "linked.jpg").symlink_to(write_image(tmp_path / "store" / "0F3A.jpg", 8, 8))
        (root / "day" / "linked.xml").write_text(voc_xml("linked.jpg", 8, 8, [("cat", (1, 1, 5, 5))]),
                                                 encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # no entry resolved against the current folder names an image
    return root


def _held(data, *lines):
    said: list[str] = []
    held = resolve_listed_images(open_dataset(data), list(lines), "list", said.append)
    return [os.path.relpath(image, data).replace(os.sep, "/") for image in held], said


@pytest.mark.parametrize(("line", "images"), [
    ("x", ["x.jpg"]),  # its path (an ImageSets id); the namesakes in day/ and night/ only said
    ("day/x", ["day/x.jpg"]),
    ("night/x.jpg", ["night/x.jpg"]),
    ("y", ["day/y.jpg", "night/y.jpg"]),  # a name: every image of it
    ("dog 2 1 1", ["dog 2 1 1.jpg"]),  # an Oxford-shaped line that is an image's stem, whole
])
def test_a_key_names_its_images_and_no_other_image_sharing_its_set(data, line, images):
    assert _held(data, line)[0] == images
    # the tables are made again for each list: one entry after another gives each its own images still
    assert _held(data, "x", "day/x", line)[0] == sorted({"x.jpg", "day/x.jpg", *images})


@pytest.mark.parametrize(("line", "images"), [
    ("X", ["x.jpg"]),
    ("DAY/X.JPG", ["day/x.jpg"]),
    ("Y.JPG", ["day/y.jpg", "night/y.jpg"]),
    ("ας/B.JPG", ["ΑΣ/b.jpg"]),
    ("DOG 2 1 1", ["dog 2 1 1.jpg"]),  # the whole line, not its first column ("DOG": no image)
    ("Y 1 1 1", ["day/y.jpg", "night/y.jpg"]),  # the first column, in another case
])
def test_an_entry_in_another_case_names_its_images_and_says_so(data, line, images):
    held, said = _held(data, line)
    assert held == images
    assert any("taken as" in words for words in said), said


def test_an_absolute_path_in_another_case_names_its_image(data):
    entry = str(data / "day" / "x.jpg")
    held, said = _held(data, entry[:-len("day/x.jpg")] + "DAY/X.JPG")
    assert held == ["day/x.jpg"]
    assert len(said) == 1 and "taken as" in said[0]


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links")
def test_a_link_is_named_by_its_target_s_name_in_another_case(data):
    assert _held(data, "0f3a")[0] == ["day/linked.jpg"]
    assert _held(data, "0F3A.jpg")[0] == ["day/linked.jpg"]


def test_an_oxford_line_naming_no_image_is_said(data):
    held, said = _held(data, "Z 1 1 1", "dog 2 1 1")
    assert held == ["dog 2 1 1.jpg"]
    assert said == [f"list: 'Z 1 1 1' matches no image in {data}; ignored"]
