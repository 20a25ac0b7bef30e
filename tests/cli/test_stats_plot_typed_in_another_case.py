"""`petloc stats side --plot SIDE/x.png` is refused as a plot inside the dataset where the disk holds ``SIDE`` as
``side`` (`core.real_paths.part_inside`, `core.disk_same`). macOS' `os.path.realpath` keeps the case typed, and
the real paths compared as text let the plot be written into the dataset, whose next read counted it as one of its
images. A case-sensitive disk's ``Side/`` beside ``side/`` is another folder, fine to plot into."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from petloc_gui.core.real_paths import part_inside
from tests.cli.helpers import assert_clean_errors, run_cli
from tests.core.caseless import alias, caseless_dir  # noqa: F401 - a fixture
from tests.core.interop_helpers import write_voc_image


def _side(parent: Path) -> Path:
    side = parent / "side"
    side.mkdir()
    write_voc_image(side, "a.png", 40, 30, [("cat", (2, 2, 20, 20))])
    return side


def _refused(capsys, side: Path, plot: Path) -> None:
    code, out, err = run_cli(capsys, "stats", side, "--plot", plot)
    assert code == 2 and out == "", err  # a bad command line: nothing read, nothing printed
    (line,) = assert_clean_errors(err)
    assert "inside the dataset folder" in line, line
    assert sorted(path.name for path in side.iterdir()) == ["a.png", "a.xml"]


def test_the_folder_typed_in_another_case_or_form_is_the_folder(tmp_path, realpath_keeps_the_spelling):
    side = tmp_path / "side"
    (side / "plots").mkdir(parents=True)
    upper = alias(side, "SIDE")
    assert part_inside(upper / "x.png", side) == Path("x.png")
    assert part_inside(side / "plots" / "x.png", upper) == Path("plots/x.png")
    assert part_inside(upper, side) == Path(".")
    cafe = tmp_path / unicodedata.normalize("NFD", "Café")  # as Finder names it
    cafe.mkdir()
    assert part_inside(alias(cafe, unicodedata.normalize("NFC", "CAFÉ")) / "x.png", cafe) == Path("x.png")
    assert part_inside(tmp_path / "SIDE2" / "x.png", side) is None  # a name prefix is not inside


def test_a_plot_inside_the_dataset_typed_in_another_case_is_refused(tmp_path, capsys, realpath_keeps_the_spelling):
    side = _side(tmp_path)
    _refused(capsys, side, alias(side, "SIDE") / "x.png")


def test_another_folder_of_a_case_sensitive_disk(tmp_path):
    (tmp_path / "side").mkdir()
    (tmp_path / "Side").mkdir()
    assert part_inside(tmp_path / "Side" / "x.png", tmp_path / "side") is None
    assert part_inside(tmp_path / "side" / "x.png", tmp_path / "Side") is None
    assert part_inside(tmp_path / "SIDE" / "x.png", tmp_path / "side") is None  # no such folder here


def test_a_plot_beside_the_dataset_in_a_folder_differing_in_case_is_written(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    side = _side(tmp_path)
    (tmp_path / "Side").mkdir()
    code, _, err = run_cli(capsys, "stats", side, "--plot", tmp_path / "Side" / "x.png")
    assert code == 0, err
    assert (tmp_path / "Side" / "x.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_stats_plot_on_a_case_insensitive_disk(caseless_dir, capsys):  # noqa: F811 - the fixture
    side = _side(caseless_dir)
    _refused(capsys, side, caseless_dir / "SIDE" / "x.png")
