"""`petloc convert --to coco|yolo --annotated-only` counts, on its writing line, the images it exports: a
folder of 540 images, 236 of them annotated, showed "writing 540/540" while it exported 236 (the summary
right). The reading line counts the folder's images, as before."""

from __future__ import annotations

import re

import pytest

from petloc_gui.cli.cmd_convert import PROGRESS_FROM
from tests.cli.helpers import run_cli, write_annotated, write_image

IMAGES, ANNOTATED = PROGRESS_FROM + 40, PROGRESS_FROM + 10


def _folder(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for index in range(IMAGES):
        if index < ANNOTATED:
            write_annotated(src, f"i{index:03}", 8, 8, [("cat", (1, 1, 6, 6))])
        else:
            write_image(src / f"i{index:03}.png", 8, 8)
    return src


@pytest.mark.parametrize("fmt", ["coco", "yolo"])
def test_the_writing_line_counts_the_images_exported(tmp_path, capsys, fmt):
    code, _, err = run_cli(capsys, "convert", _folder(tmp_path), "--to", fmt, tmp_path / "out", "--annotated-only")
    assert code == 0, err
    reading = re.findall(rf"petloc: {fmt} export: reading (\d+)/(\d+)", err)
    writing = re.findall(rf"petloc: {fmt} export: writing (\d+)/(\d+)", err)
    assert reading[-1] == (str(IMAGES), str(IMAGES))
    assert writing[-1] == (str(ANNOTATED), str(ANNOTATED)), err
    assert all(total == str(ANNOTATED) for _, total in writing)
