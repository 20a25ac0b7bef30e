"""`petloc stats DATA --plot p.png` where p.png already exists (no --overwrite), or is a folder, is refused before
the dataset is read, as a plot inside the dataset folder is: exit 2, nothing on stdout, the file left as it was.

Before: the whole table was printed, then "p.png: plot not written: already exists", exit 1 (documented as
"nothing could be done"), where a script reading stdout took the table for a run that had worked.
"""

from __future__ import annotations

import pytest

from petloc_gui.core import stats
from tests.cli.helpers import assert_clean_errors, run_cli


@pytest.fixture
def not_computed(monkeypatch):
    """Fails the test if the statistics are computed: the refusal comes first."""
    def computed(*args, **kwargs):
        raise AssertionError("the statistics were computed before the plot's place was refused")

    monkeypatch.setattr(stats, "compute_stats", computed)


def test_an_existing_plot_without_overwrite_is_refused_before_the_table(messy_dataset, tmp_path, capsys):
    plot = tmp_path / "p.png"
    plot.write_bytes(b"keep")
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", plot)
    assert (code, out) == (2, "")
    assert assert_clean_errors(err) == [
        f"petloc: --plot {plot}: already exists; choose a new name, or add --overwrite to replace it "
        "(see `petloc stats --help`)"]
    assert plot.read_bytes() == b"keep"


def test_the_refusal_comes_before_the_dataset_is_read(messy_dataset, tmp_path, capsys, not_computed):
    plot = tmp_path / "p.png"
    plot.write_bytes(b"keep")
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", plot, "--json")
    assert (code, out) == (2, "") and "already exists" in err


def test_a_link_left_dangling_where_the_plot_would_go_is_an_existing_file(messy_dataset, tmp_path, capsys,
                                                                          not_computed):
    plot = tmp_path / "p.png"
    plot.symlink_to(tmp_path / "gone.png")
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", plot, "--json")
    assert (code, out) == (2, "")
    assert "already exists" in err and plot.is_symlink()


def test_a_folder_where_the_plot_would_go_is_refused_before_the_table(messy_dataset, tmp_path, capsys,
                                                                      not_computed):
    folder = tmp_path / "plots.png"
    folder.mkdir()
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", folder, "--overwrite")
    assert (code, out) == (2, "")
    (line,) = assert_clean_errors(err)
    assert f"--plot {folder}: is a folder" in line and folder.is_dir()


def test_with_overwrite_the_existing_plot_is_replaced(messy_dataset, tmp_path, capsys):
    pytest.importorskip("matplotlib")
    plot = tmp_path / "p.png"
    plot.write_bytes(b"keep")
    code, out, err = run_cli(capsys, "stats", messy_dataset, "--plot", plot, "--overwrite")
    assert code == 0, err
    assert "images" in out and plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
