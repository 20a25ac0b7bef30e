"""`petloc predict FOLDER`: the folder is indexed once, and the summary counts in words."""

from __future__ import annotations

from tests.cli.helpers import BLUE, RED, run_cli, write_image

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64


def test_a_folder_is_indexed_once(tmp_path, tiny_bundle, capsys, monkeypatch):
    from petloc_gui.core import dataset

    folder = tmp_path / "photos"
    folder.mkdir()
    write_image(folder / "a.png", 64, 32, RED)
    (folder / "IMG_0001.HEIC").write_bytes(HEIC)
    indexed = []
    real = dataset.open_dataset

    def counting(path, *args, **kwargs):
        indexed.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(dataset, "open_dataset", counting)
    code, _out, err = run_cli(capsys, "predict", folder, "--model", tiny_bundle)
    assert code == 0, err
    assert indexed == [folder]
    assert "1 file not read (IMG_0001.HEIC): HEIC is not supported; convert it to JPEG or PNG" in err


def test_the_pre_label_summary_counts_in_words(tmp_path, tiny_bundle, capsys):
    write_image(tmp_path / "a.png", 64, 32, RED)
    write_image(tmp_path / "b.png", 64, 32, BLUE)
    code, _, err = run_cli(capsys, "predict", tmp_path / "a.png", "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    assert "wrote 1 pre-label annotation; left 0 existing annotations untouched" in err
    code, _, err = run_cli(capsys, "predict", tmp_path, "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    assert "wrote 1 pre-label annotation; left 1 existing annotation untouched" in err
