"""`petloc predict FOLDER` names the files of formats it does not read (HEIC, ...) instead of skipping them."""

from __future__ import annotations

from tests.cli.helpers import RED, assert_clean_errors, json_lines, run_cli, write_image

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def test_predict_folder_says_which_files_it_did_not_read(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "photos"
    folder.mkdir()
    write_image(folder / "good.png", 64, 32, RED)
    (folder / "IMG_0001.HEIC").write_bytes(HEIC)
    (folder / "IMG_0002.heic").write_bytes(HEIC)
    code, out, err = run_cli(capsys, "predict", folder, "--model", tiny_bundle, "--json")
    assert code == 0, err
    records = {r["image"].rsplit("/", 1)[-1]: r for r in json_lines(out)}
    assert set(records) == {"good.png", "IMG_0001.HEIC", "IMG_0002.heic"}
    assert "label" in records["good.png"]
    assert "HEIC images are not supported" in records["IMG_0001.HEIC"]["error"]
    lines = assert_clean_errors(err)
    assert len(lines) == 1
    assert "2 files not read (IMG_0001.HEIC, IMG_0002.heic): HEIC is not supported" in lines[0]


def test_predict_folder_of_heic_only(tmp_path, tiny_bundle, capsys):
    (tmp_path / "IMG_0001.HEIC").write_bytes(HEIC)
    code, out, err = run_cli(capsys, "predict", tmp_path, "--model", tiny_bundle)
    assert code == 1 and out == ""
    lines = assert_clean_errors(err)
    assert "1 file not read (IMG_0001.HEIC): HEIC is not supported; convert it to JPEG or PNG" in lines[0]
