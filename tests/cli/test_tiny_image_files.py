"""A file of 1 to 3 bytes named as an image (an interrupted download) is one unreadable image, "not an
image file": `petloc stats` and `convert` go on with the others (they stopped whole with a raw
struct.error), and `predict` gives it an error record in those words."""

from __future__ import annotations

import pytest

from tests.cli.helpers import RED, json_lines, last_json, run_cli, write_annotated, write_image

TINY = {"x.png": b"x", "xx.jpg": b"xx", "jpeg.jpg": b"\xff\xd8", "png.png": b"\x89P", "tiff.png": b"II",
        "gif.jpg": b"GI", "riff.png": b"RI"}


@pytest.fixture
def with_tiny_files(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    write_image(folder / "b.png", 40, 30, RED)
    for name, data in TINY.items():
        (folder / name).write_bytes(data)
    return folder


def test_stats_reports_each_tiny_file_and_counts_the_rest(with_tiny_files, capsys):
    code, out, err = run_cli(capsys, "stats", with_tiny_files, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_images"] == 2 + len(TINY)
    unreadable = {p["file"].rsplit("/", 1)[-1]: p["message"] for p in report["problems"]
                  if p["kind"] == "unreadable_image"}
    assert set(unreadable) == set(TINY)
    assert all(message.startswith("not an image file") for message in unreadable.values()), unreadable


def test_convert_leaves_out_the_tiny_files_only(with_tiny_files, tmp_path, capsys):
    code, _, err = run_cli(capsys, "convert", with_tiny_files, "--to", "yolo", tmp_path / "out")
    assert code == 0, err
    assert "unexpected error" not in err
    assert sum("not an image file" in line for line in err.splitlines()) == len(TINY)
    assert (tmp_path / "out" / "classes.txt").is_file()


def test_predict_says_not_an_image_file(with_tiny_files, tiny_bundle, capsys):
    code, out, err = run_cli(capsys, "predict", with_tiny_files, "--model", tiny_bundle, "--json")
    assert code == 0, err
    records = {r["image"].rsplit("/", 1)[-1]: r for r in json_lines(out)}
    assert {name for name, r in records.items() if "label" in r} == {"a.png", "b.png"}
    for name in TINY:
        assert records[name]["error"].startswith("not an image file"), records[name]
