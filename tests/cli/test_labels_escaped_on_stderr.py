"""A label holding a tab or a newline is escaped on stderr (`tab\\x09here`), as on stdout and in train's lines,
never collapsed to a space: `output.one_line` joins a message's whitespace, so evaluate named the label
"line\\nbreak" as "line break" and a read_voc note about "tab\\there" as "tab here", labels that do not exist."""

from __future__ import annotations

import pytest

from tests.cli.helpers import RED, assert_clean_errors, bundle_with_meta, run_cli, voc_xml, write_image

W, H = 64, 32
# the labels as one_line flattened them ("contains a line break" is a sentence of convert's, of a label 'line\nbreak')
FLATTENED = ("line break (", "(line break)", "tab here")


def _folder(tmp_path):
    folder = tmp_path / "weird"
    folder.mkdir()
    # an unknown label, and one on a box past the image's edge (read_voc's note names it)
    for stem, objects in (("a", [("line\nbreak", (16, 16, 48, 28))]), ("b", [("tab\there", (16, 16, 480, 28))])):
        write_image(folder / f"{stem}.png", W, H, RED)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, objects), encoding="utf-8")
    return folder


def test_evaluate_escapes_the_labels_it_names(tmp_path, tiny_bundle, capsys):
    model = bundle_with_meta(tiny_bundle, tmp_path, splits={"train": ["elsewhere.png"], "validation": [], "test": []})
    code, _, err = run_cli(capsys, "evaluate", _folder(tmp_path), "--model", model)
    assert code == 0, err
    lines = assert_clean_errors(err)
    assert not [line for line in lines if any(flat in line for flat in FLATTENED)], lines
    unknown = next(line for line in lines if "labels the model does not know" in line)
    assert "line\\x0abreak (1)" in unknown and "tab\\x09here (1)" in unknown
    assert any("object 1 (tab\\x09here): box (16.0, 16.0, 480.0, 28.0) lies outside" in line for line in lines)


@pytest.mark.parametrize("fmt", ["coco", "yolo"])
def test_convert_escapes_the_labels_its_notes_name(tmp_path, capsys, fmt):
    code, _, err = run_cli(capsys, "convert", _folder(tmp_path), "--to", fmt, tmp_path / "out")
    lines = err.splitlines()  # its summary line is a plain one
    assert code == 0 and not [line for line in lines if any(flat in line for flat in FLATTENED)], lines
    assert any("object 1 (tab\\x09here): box (16.0, 16.0, 480.0, 28.0) lies outside" in line for line in lines)
