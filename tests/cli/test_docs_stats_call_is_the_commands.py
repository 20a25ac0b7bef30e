"""docs/cli.md's `petloc stats` section names the `compute_stats` call the command makes, and what the Dataset
panel passes otherwise. It said the figures come from `compute_stats(dataset, check_images=True,
check_decode=False, predefined=())` "which the GUI's dataset panel uses": the command passes
find_exif_turned=True (the `exif turned` line, `n_exif_turned`) and the folder's class list, the panel
neither the former (it shows no exif-turned count)."""

from __future__ import annotations

import re
from pathlib import Path

import petloc_gui.core.stats as stats_module
from tests.cli.helpers import run_cli, voc_xml, write_image

CLI_MD = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
STATS = re.sub(r"\s+", " ", next(s for s in CLI_MD.split("\n## ")[1:] if s.startswith("`petloc stats ")))


def _documented_call() -> dict[str, str]:
    """The keyword arguments of the section's `compute_stats(dataset, ...)`, as written."""
    call = re.search(r"compute_stats\(dataset, ([^)]*)\)", STATS)
    assert call is not None, "docs/cli.md's stats section names no compute_stats call"
    return dict(part.split("=", 1) for part in call.group(1).split(", "))


def _spied(monkeypatch) -> list[dict]:
    calls: list[dict] = []
    real = stats_module.compute_stats

    def spy(dataset, **kwargs):
        calls.append(kwargs)
        return real(dataset, **kwargs)

    monkeypatch.setattr(stats_module, "compute_stats", spy)
    return calls


def test_the_documented_call_is_the_commands(tmp_path, capsys, monkeypatch):
    write_image(tmp_path / "a.jpg", 40, 30)
    (tmp_path / "a.xml").write_text(voc_xml("a.jpg", 40, 30, [("cat", (2, 3, 20, 25))]), encoding="utf-8")
    calls = _spied(monkeypatch)
    code, _, err = run_cli(capsys, "stats", tmp_path)
    assert code == 0, err
    documented = _documented_call()
    for flag in ("check_images", "check_decode", "find_exif_turned"):
        assert documented.get(flag) == repr(calls[0].get(flag, False)), (flag, documented)
    assert documented.get("predefined") != "()"  # the folder's class list (read_classes), not none


def test_the_panel_is_said_to_count_no_exif_turned_image_as_it_does(tmp_path, monkeypatch):
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.header_memo import HeaderMemo
    from petloc_gui.ui.review.dataset_panel import _compute

    write_image(tmp_path / "a.jpg", 40, 30, exif_orientation=6)
    calls = _spied(monkeypatch)
    _, figures = _compute(open_dataset(tmp_path), HeaderMemo())
    assert not calls[0].get("find_exif_turned", False) and figures.exif_turned is None
    assert "Dataset panel" in STATS and "shows no exif-turned count" in STATS
