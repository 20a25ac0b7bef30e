"""`petloc convert DIR --to yolo|coco` of labels that differ only in Unicode form (a composed "chat_été", NFC,
and the decomposed one macOS writes, NFD) wrote both into classes.txt / data.yaml (two category ids in COCO):
two classes that read the same, with "0 problems, 0 warnings". Now a warning names both spellings and what tells
them apart, in `petloc stats`' words, and the image with the first of the rarer."""

from __future__ import annotations

import unicodedata

import pytest

from tests.cli.helpers import one_box_each, run_cli

COMPOSED = unicodedata.normalize("NFC", "chat_été")
DECOMPOSED = unicodedata.normalize("NFD", "chat_été")


@pytest.mark.parametrize("fmt", ["yolo", "coco"])
def test_two_forms_of_one_name_are_warned_of(tmp_path, capsys, fmt):
    data = one_box_each(tmp_path / "voc", [COMPOSED, COMPOSED, DECOMPOSED, "dog"])
    code, _, err = run_cli(capsys, "convert", data, "--to", fmt, tmp_path / "out")
    assert code == 0, err
    [line] = [line for line in err.splitlines() if "differ only" in line]
    assert line.startswith(f"petloc: warning: {data / 'img2.png'}: labels ")
    assert (f'"{COMPOSED}" (composed, 2 boxes) and "{DECOMPOSED}" (decomposed, 1 box) differ only in Unicode form: '
            "written as 2 classes") in line
    assert f'the first "{DECOMPOSED}" (decomposed) box' in line
    assert "0 problems, 1 warning" in err


def test_labels_of_distinct_names_are_not_warned_of(tmp_path, capsys):
    data = one_box_each(tmp_path / "voc", [COMPOSED, "chat_ete", "dog"])
    code, _, err = run_cli(capsys, "convert", data, "--to", "yolo", tmp_path / "out")
    assert code == 0 and "warning:" not in err and "0 warnings" in err, err
