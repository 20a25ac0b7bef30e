"""`petloc stats --plot` never writes its PNG inside the dataset it describes: the next read would
count the plot as one of its images (and one named like a photo would share the photo's XML)."""

from __future__ import annotations

import os

import pytest

from tests.cli.helpers import assert_clean_errors, last_json, run_cli


def _refused(capsys, dataset, plot, *extra):
    before = sorted(p.name for p in dataset.rglob("*"))
    code, out, err = run_cli(capsys, "stats", dataset, "--plot", plot, *extra)
    assert code == 2 and out == "", err  # a bad command line: nothing read, nothing printed
    (line,) = assert_clean_errors(err)
    assert "inside the dataset folder" in line and "outside" in line
    assert sorted(p.name for p in dataset.rglob("*")) == before


def test_a_plot_in_the_dataset_or_a_sub_folder_of_it_is_refused(messy_dataset, capsys):
    _refused(capsys, messy_dataset, messy_dataset / "x.png")
    (messy_dataset / "plots").mkdir()
    _refused(capsys, messy_dataset, messy_dataset / "plots" / "x.png")
    _refused(capsys, messy_dataset, messy_dataset / "a.png", "--overwrite")  # beside a.xml: it would share it


def test_a_plot_inside_the_dataset_by_a_relative_path_or_a_link_is_refused(messy_dataset, tmp_path, capsys,
                                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    _refused(capsys, messy_dataset, os.path.join("messy", "nowhere", "..", "x.png"))
    link = tmp_path / "link"
    link.symlink_to(messy_dataset)
    _refused(capsys, messy_dataset, link / "x.png")  # the plot through a link to the dataset
    _refused(capsys, link, messy_dataset / "x.png")  # the dataset through a link


def test_a_plot_beside_the_dataset_is_written(messy_dataset, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    plot = tmp_path / "messy-stats.png"  # the dataset's parent folder: not part of it
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", plot, "--json")
    assert code == 0, err
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert last_json(out)["n_images"] == 7
