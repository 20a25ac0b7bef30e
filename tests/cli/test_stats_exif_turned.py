"""`petloc stats` counts the images with an EXIF orientation other than 1: petloc shows them turned or
mirrored and its boxes are in those pixels, while labelImg, which ignores EXIF, shows them as stored, so a
box drawn in one lands elsewhere in the other; for orientations 2, 3 and 4 no size difference tells it. A
note on the folder, from the header read for the size (no second read), not a problem of a file."""

from __future__ import annotations

import json

from tests.cli.helpers import json_lines, run_cli, voc_xml, write_image


def _folder(tmp_path):
    for stem, orientation in (("plain", None), ("upright", 1), ("turned", 3), ("mirrored", 2), ("side", 6)):
        write_image(tmp_path / f"{stem}.jpg", 40, 30, exif_orientation=orientation)
    (tmp_path / "turned.xml").write_text(voc_xml("turned.jpg", 40, 30, [("cat", (2, 3, 20, 25))]),
                                         encoding="utf-8")
    return tmp_path


def test_the_table_counts_and_names_them_before_the_problems(tmp_path, capsys):
    code, out, err = run_cli(capsys, "stats", _folder(tmp_path))
    assert code == 0, err
    lines = out.splitlines()
    note = next(line for line in lines if line.startswith("exif turned"))
    assert note == (
        "exif turned    3 images (mirrored.jpg, side.jpg, turned.jpg) with an EXIF orientation other than 1: "
        "petloc shows them turned or mirrored as the tag says, and their boxes are in those pixels; tools that ignore "
        "EXIF (labelImg) show them as stored, and a box drawn in one lands elsewhere in the other")
    assert lines.index(note) + 1 == next(i for i, line in enumerate(lines) if line.startswith("problems "))
    assert "problems       0" in out  # no file is wrong


def test_json_counts_them_and_says_null_when_no_image_was_opened(tmp_path, capsys):
    folder = _folder(tmp_path)
    code, out, _ = run_cli(capsys, "stats", folder, "--json")
    assert code == 0 and json_lines(out)[-1]["n_exif_turned"] == 3
    code, out, _ = run_cli(capsys, "stats", folder, "--json", "--no-image-check")
    assert code == 0 and json.loads(out.splitlines()[-1])["n_exif_turned"] is None
    code, out, _ = run_cli(capsys, "stats", folder, "--no-image-check")
    assert code == 0 and "exif turned" not in out


def test_no_line_when_every_image_is_upright(tmp_path, capsys):
    write_image(tmp_path / "a.jpg", 40, 30, exif_orientation=1)
    code, out, _ = run_cli(capsys, "stats", tmp_path)
    assert code == 0 and "exif turned" not in out
