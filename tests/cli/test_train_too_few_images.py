"""`petloc train` on a folder with fewer than 2 usable images names the files it skipped, and why,
before the error: it used to stop with the count alone."""

from __future__ import annotations

import pickle

import pytest

from petloc_gui.cli.output import show
from tests.cli.helpers import run_cli, voc_xml, write_image

HOSTILE = "bad\x1b[31mred"  # a terminal escape sequence in a file name


@pytest.fixture
def one_usable_image(tmp_path):
    folder = tmp_path / "few"
    folder.mkdir()
    write_image(folder / "good.png", 40, 30)
    (folder / "good.xml").write_text(voc_xml("good.png", 40, 30, [("cat", (5, 5, 20, 20))]), encoding="utf-8")
    (folder / f"{HOSTILE}.png").write_bytes(b"not a png")
    # (an escape character cannot be written in XML: the <filename> is another name)
    (folder / f"{HOSTILE}.xml").write_text(voc_xml("bad.png", 40, 30, [("cat", (5, 5, 20, 20))]), encoding="utf-8")
    write_image(folder / "unlabelled.png", 40, 30)
    return folder


def test_the_skipped_files_are_named_before_the_error(one_usable_image, tmp_path, capsys):
    code, out, err = run_cli(capsys, "train", one_usable_image, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 1 and out == ""
    lines = err.splitlines()
    broken = one_usable_image / f"{HOSTILE}.png"
    assert lines[0] == f"petloc: skipped {show(broken)}: unreadable image: not an image file (format not " \
                       "recognised; JPEG, PNG, GIF, BMP, WebP and TIFF are read)"
    assert lines[1] == "1 image without an annotation not used"
    assert lines[-1] == (f"petloc: {show(one_usable_image)}: need at least 2 usable annotated images, found 1; "
                         "1 image skipped for a problem with the image or its annotation and 1 image without one")
    assert "\x1b" not in err


def test_the_error_carries_the_skipped_files(one_usable_image):
    from petloc_gui.model.training_data import TooFewImagesError, TrainingData

    with pytest.raises(TooFewImagesError) as refused:
        TrainingData.collect(one_usable_image)
    skipped = dict(refused.value.skipped)
    assert skipped[str(one_usable_image / "unlabelled.png")] == "no annotation"
    assert skipped[str(one_usable_image / f"{HOSTILE}.png")].startswith("unreadable image")
    again = pickle.loads(pickle.dumps(refused.value))  # the GUI's training child sends errors across
    assert again.skipped == refused.value.skipped and str(again) == str(refused.value)
