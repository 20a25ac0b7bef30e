"""`petloc stats --plot plots/p.png` makes the missing folder ``plots`` as `train --out`, `digits OUT` and
`export` make theirs (it exited 1, "folder plots does not exist"); a file in the way is named."""

from __future__ import annotations

import pytest

from tests.cli.helpers import assert_clean_errors, last_json, run_cli


def test_the_plots_missing_folders_are_made(messy_dataset, tmp_path, capsys, monkeypatch):
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", "plots/by day/p 1.png", "--json")
    assert code == 0, err
    assert (tmp_path / "plots" / "by day" / "p 1.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert last_json(out)["n_images"] == 7


def test_a_file_where_the_plots_folder_would_be_is_named(messy_dataset, tmp_path, capsys, monkeypatch):
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plots").write_text("notes")
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", "plots/p.png", "--json")
    assert code == 1 and last_json(out)["n_images"] == 7  # the statistics still print
    assert assert_clean_errors(err) == ["petloc: plots/p.png: plot not written: plots is not a folder"]
    assert (tmp_path / "plots").read_text() == "notes"
