"""`petloc convert` options of one direction only, given outside it: a bad command line (exit 2, one line
naming the option and the mode it is for), as `--skip-difficult` with `--from` already was. They were
ignored (exit 0): `--from yolo --annotated-only` converted every image, `--to coco --image-root nosuch`
never looked at it."""

from __future__ import annotations

import pytest

from tests.cli.helpers import run_cli


@pytest.mark.parametrize(("mode", "option", "line"), [
    (["--from", "yolo"], ["--annotated-only"], "--annotated-only is for --to ("),
    (["--from", "coco"], ["--annotated-only"], "--annotated-only is for --to ("),
    (["--to", "coco"], ["--image-root", "nosuch"], "--image-root is for --from coco ("),
    (["--to", "yolo"], ["--image-root", "nosuch"], "--image-root is for --from coco ("),
    (["--from", "yolo"], ["--image-root", "photos"], "--image-root is for --from coco ("),
    (["--from", "coco"], ["--skip-difficult"], "--skip-difficult is for --to ("),
])
def test_an_option_of_the_other_mode_is_refused_before_anything_is_read(mode, option, line, small_voc, tmp_path,
                                                                        capsys):
    out = tmp_path / "out"
    code, stdout, err = run_cli(capsys, "convert", small_voc, *mode, out, *option)
    lines = err.splitlines()
    assert code == 2 and stdout == "" and len(lines) == 1, err
    assert lines[0].startswith(f"petloc: {line}") and lines[0].endswith("(see `petloc convert --help`)")
    assert not out.exists()


@pytest.mark.parametrize("options", [["--to", "coco", "--annotated-only"], ["--to", "yolo", "--skip-difficult"]])
def test_an_option_in_its_mode_is_taken(options, small_voc, tmp_path, capsys):
    code, _, err = run_cli(capsys, "convert", small_voc, tmp_path / "out", *options)
    assert code == 0, err
