"""`petloc stats` on a folder it cannot list exits 1 with why, as predict, evaluate and convert do
(it printed the figures of an empty folder, "images 0", and exited 0); a sub-folder it cannot list
stays one problem among the figures of the rest."""

from __future__ import annotations

import os

import pytest

from tests.cli.helpers import assert_clean_errors, last_json, run_cli, write_annotated


@pytest.fixture
def unlistable(monkeypatch):
    """Make ``os.scandir`` refuse the folders put in the returned set (root ignores chmod)."""
    refused: set[str] = set()
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) in refused:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return refused


@pytest.mark.parametrize("json", [False, True])
def test_stats_on_a_folder_it_cannot_list_exits_1_naming_it(tmp_path, capsys, unlistable, json):
    folder = tmp_path / "data"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    unlistable.add(str(folder))
    code, out, err = run_cli(capsys, "stats", folder, *(["--json"] if json else []))
    assert code == 1 and out == ""
    assert assert_clean_errors(err) == [f"petloc: {folder}: cannot list folder: Permission denied; no statistics"]


def test_a_sub_folder_it_cannot_list_is_a_problem_among_the_figures(tmp_path, capsys, unlistable):
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True)
    write_annotated(folder, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    unlistable.add(str(folder / "sub"))
    code, out, _ = run_cli(capsys, "stats", folder, "--json")
    report = last_json(out)
    assert code == 0 and report["n_images"] == 1
    assert report["problems"] == [{"kind": "dataset_index", "file": str(folder / "sub"),
                                   "message": "cannot list folder: Permission denied"}]


def test_an_empty_folder_is_no_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, out, _ = run_cli(capsys, "stats", tmp_path / "empty", "--json")
    assert code == 0 and last_json(out)["n_images"] == 0
