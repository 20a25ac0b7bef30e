"""`petloc stats` reads a devkit's or Oxford's split lists as `petloc train` and the window's Retrain read the
folder's test list (`core.list_lines.read_list_lines`).

Before: the index read them as UTF-8 with `str.splitlines`: a test.txt PowerShell's `>` wrote (UTF-16 with its
byte-order mark) named no image, and `petloc stats` printed no splits line while `petloc train` warned of 2 test
images and the window held 2 out; a list whose lines were neither UTF-8 nor UTF-16 lost those lines unsaid."""

from __future__ import annotations

import codecs

from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.layout_test_split import read_layout_test
from tests.cli.helpers import run_cli
from tests.cli.test_train_layout_test_split_said import _devkit


def _splits_line(out: str) -> str:
    return next((line for line in out.splitlines() if line.startswith("splits")), "")


def test_a_utf16_test_list_is_the_test_split_petloc_train_reads(tmp_path, capsys):
    root = _devkit(tmp_path / "dk", ["img1", "img2", "img3"], [])
    (root / "ImageSets" / "Main" / "trainval.txt").write_text("img3\n", encoding="utf-8")
    # printf 'img1\r\nimg2\r\n' | iconv -t UTF-16: little-endian with its mark
    (root / "ImageSets" / "Main" / "test.txt").write_bytes(codecs.BOM_UTF16_LE + "img1\r\nimg2\r\n".encode("utf-16-le"))
    code, out, err = run_cli(capsys, "stats", root)
    assert code == 0, err
    assert _splits_line(out).split(None, 1)[1] == "test: 2, trainval: 1", out
    assert len(read_layout_test(open_dataset(root)).images) == 2  # what `petloc train` warns of


def test_a_mark_starting_a_later_line_and_a_line_separator_in_a_name_are_read_as_the_run_reads_them(tmp_path):
    root = _devkit(tmp_path / "dk", ["img1", "img2", "b\u2028c"], ["img1", "img2", "b\u2028c"])
    (root / "ImageSets" / "Main" / "test.txt").write_bytes(
        codecs.BOM_UTF8 + b"img1\r\n" + codecs.BOM_UTF8 + "img2\r\nb\u2028c\r\n".encode("utf-8"))
    splits = {item.image_path.stem: item.split for item in open_dataset(root)}
    assert splits == {"img1": "test", "img2": "test", "b\u2028c": "test"}


def test_lines_neither_utf8_nor_utf16_are_a_problem_naming_the_list(tmp_path, capsys):
    root = _devkit(tmp_path / "dk", ["img1", "caf\u00e9"], ["img1", "caf\u00e9"])
    listing = root / "ImageSets" / "Main" / "test.txt"
    listing.write_bytes("img1\ncaf\u00e9\n".encode("latin-1"))
    dataset = open_dataset(root)
    assert {item.image_path.stem: item.split for item in dataset} == {"img1": "test", "caf\u00e9": None}
    # said by stats, not by every command that indexes the folder: `petloc train` says it in its own words
    assert dataset.problems == []
    code, out, err = run_cli(capsys, "stats", root)
    assert code == 0, err
    assert f"dataset_index: {listing}: is not UTF-8 text (line 2): the images named there are counted in no " \
           "split; save the list as UTF-8" in [line.strip() for line in out.splitlines()], out
    assert _splits_line(out).split(None, 1)[1] == "test: 1", out


def test_an_oxford_list_txt_line_neither_utf8_nor_utf16_is_an_index_problem(tmp_path):
    from tests.core.test_dataset import _touch

    for name in ("Abyssinian_1", "boxer_3"):
        _touch(tmp_path / "images" / f"{name}.jpg")
    _touch(tmp_path / "annotations" / "xmls" / "boxer_3.xml")
    listing = tmp_path / "annotations" / "list.txt"
    listing.write_bytes("Abyssinian_1 1 1 1\nboxer_3 4 2 3 \u00e9\n".encode("latin-1"))
    _touch(tmp_path / "annotations" / "trainval.txt", "Abyssinian_1 1 1 1\nboxer_3 4 2 3\n")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "oxford"
    assert dataset.problems == [f"{listing}: is not UTF-8 text (line 2): the images named there have no class or "
                                "breed id; save the list as UTF-8"]
    assert [item.split for item in dataset] == ["trainval", "trainval"]
