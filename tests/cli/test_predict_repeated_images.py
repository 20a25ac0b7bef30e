"""`petloc predict a.png folder/` where folder/ holds a.png: one record for it (a second would mean a
second pre-label), and a line on stderr that says so. The record was dropped without a word, so a
script pairing its PATHs with the records, or counting them, went wrong with no sign. A path refused as
given (missing, an empty folder) given twice gave two error records and two stderr lines, both in its first
place: one of each now, and the same line."""

from __future__ import annotations

from tests.cli.helpers import RED, assert_clean_errors, json_lines, run_cli, write_image

LINE = ("petloc: {n} given more than once (the same path twice, or a file and a folder holding it): "
        "one record each, in its first place ({names})")


def _folder(tmp_path, monkeypatch):
    (tmp_path / "photos").mkdir()
    for name in ("a.png", "b.png", "c.png"):
        write_image(tmp_path / "photos" / name, 40, 30, RED)
    monkeypatch.chdir(tmp_path)


def test_a_file_and_the_folder_holding_it_one_record_and_a_line(tmp_path, tiny_bundle, capsys, monkeypatch):
    _folder(tmp_path, monkeypatch)
    code, out, err = run_cli(capsys, "predict", "photos/b.png", "photos", "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert [record["image"] for record in json_lines(out)] == ["photos/b.png", "photos/a.png", "photos/c.png"]
    assert LINE.format(n="1 path", names="photos/b.png") in assert_clean_errors(err)


def test_paths_given_twice_named_as_first_given(tmp_path, tiny_bundle, capsys, monkeypatch):
    _folder(tmp_path, monkeypatch)
    code, out, err = run_cli(capsys, "predict", "photos/a.png", "./photos/a.png", "photos", "./photos/",
                             "--model", tiny_bundle)
    assert code == 0, err
    assert [line.split("  ")[0] for line in out.splitlines()] == ["photos/a.png", "photos/b.png", "photos/c.png"]
    lines = assert_clean_errors(err)
    assert lines == [LINE.format(n="3 paths", names="photos/a.png, photos/b.png, photos/c.png")]


def test_with_write_voc_one_pre_label_each(tmp_path, tiny_bundle, capsys, monkeypatch):
    _folder(tmp_path, monkeypatch)
    code, _, err = run_cli(capsys, "predict", "photos/c.png", "photos", "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    assert sorted(path.name for path in (tmp_path / "photos").glob("*.xml")) == ["a.xml", "b.xml", "c.xml"]
    assert LINE.format(n="1 path", names="photos/c.png") in err.splitlines()
    assert "wrote 3 pre-label annotations" in err


def test_nothing_said_when_each_image_is_given_once(tmp_path, tiny_bundle, capsys, monkeypatch):
    _folder(tmp_path, monkeypatch)
    code, out, err = run_cli(capsys, "predict", "photos", "--model", tiny_bundle, "--json")
    assert code == 0 and len(json_lines(out)) == 3
    assert "more than once" not in err


def test_a_missing_path_given_twice_one_record_one_line(tmp_path, tiny_bundle, capsys, monkeypatch):
    _folder(tmp_path, monkeypatch)
    (tmp_path / "empty").mkdir()
    code, out, err = run_cli(capsys, "predict", "MISSING", "photos/a.png", "MISSING", "empty",
                             str(tmp_path / "MISSING"), "empty/", "photos/a.png", "--model", tiny_bundle, "--json")
    assert code == 0  # an image was predicted (the refused paths are in their records)
    assert [(record["image"], record.get("error")) for record in json_lines(out)] == [
        ("MISSING", "no such file or folder"), ("photos/a.png", None), ("empty", "no image found in this folder")]
    assert assert_clean_errors(err) == [
        "petloc: MISSING: no such file or folder", "petloc: empty: no image found in this folder",
        LINE.format(n="3 paths", names="MISSING, empty, photos/a.png")]


def test_a_folder_given_twice_names_its_unread_file_once(tmp_path, tiny_bundle, capsys, monkeypatch):
    _folder(tmp_path, monkeypatch)
    (tmp_path / "photos" / "d.heic").write_bytes(b"\x00\x00\x00\x18ftypheic")
    code, out, err = run_cli(capsys, "predict", "photos", "photos", "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert [record["image"] for record in json_lines(out)] == [
        "photos/a.png", "photos/b.png", "photos/c.png", "photos/d.heic"]
    assert LINE.format(n="4 paths", names="photos/a.png, photos/b.png, photos/c.png and 1 more") in err.splitlines()
