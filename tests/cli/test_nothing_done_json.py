"""What a script reads when there is nothing to do: `petloc convert --json` of a folder with no image exits 1
with the summary object, as one whose every image is unreadable does (before: nothing on stdout for the
first, a summary for the second, both exit 1). `petloc stats` reports on any folder it can list: an empty
one, or one of unreadable images, exits 0 with its figures (its problems name the unreadable images)."""

from __future__ import annotations

import pytest

from tests.cli.helpers import json_lines, last_json, run_cli


def _unreadable(folder):
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"not a jpeg")
    (folder / "b.png").write_bytes(b"not a png")
    return folder


@pytest.mark.parametrize("fmt", ["coco", "yolo"])
def test_convert_of_no_image_exits_1_with_the_summary_of_an_unreadable_folder(fmt, tmp_path, capsys):
    code, out, err = run_cli(capsys, "convert", _unreadable(tmp_path / "unread"), "--to", fmt, tmp_path / "u", "--json")
    assert code == 1 and err.splitlines()[-1] == "petloc: nothing converted"
    [unreadable] = json_lines(out)
    (tmp_path / "empty").mkdir()
    code, out, err = run_cli(capsys, "convert", tmp_path / "empty", "--to", fmt, tmp_path / "e", "--json")
    assert code == 1 and err.splitlines() == [f"petloc: {tmp_path / 'empty'}: no image found; nothing converted"]
    [empty] = json_lines(out)
    assert set(empty) == set(unreadable)
    assert empty["images"] == unreadable["images"] == 0 and empty["problems"] == []
    assert empty["source"] == str(tmp_path / "empty") and empty["to"] == fmt and empty["from"] == "voc"
    assert not (tmp_path / "e").exists() and not (tmp_path / "u").exists()


def test_convert_of_no_image_without_json_prints_nothing_on_stdout(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, out, _ = run_cli(capsys, "convert", tmp_path / "empty", "--to", "coco", tmp_path / "e")
    assert code == 1 and out == ""


def test_stats_reports_on_an_empty_or_unreadable_folder_with_exit_0(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    for folder in (tmp_path / "empty", _unreadable(tmp_path / "unread")):
        code, out, _ = run_cli(capsys, "stats", folder, "--json")
        report = last_json(out)
        assert code == 0 and report["n_images"] == (0 if folder.name == "empty" else 2)
    assert {p["kind"] for p in report["problems"]} == {"unreadable_image"}
