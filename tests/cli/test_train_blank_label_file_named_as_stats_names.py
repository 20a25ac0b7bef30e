"""`petloc train`'s refusal of a label drawn as nothing names a file of it as `petloc stats` names a file: by one
function (`core.stats.named_inside`), never a copy of it in `cli.train_checks` that could drift."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli import train_checks
from petloc_gui.core import stats
from petloc_gui.model.data import Sample


def test_the_refusal_names_its_file_by_stats_rule(tmp_path, monkeypatch):
    assert not hasattr(train_checks, "_inside")  # the copy is gone
    asked: list[tuple[Path, Path]] = []
    real = stats.named_inside
    monkeypatch.setattr(stats, "named_inside", lambda path, root: asked.append((path, root)) or real(path, root))
    sample = Sample(tmp_path / "day" / "a.png", "day/a.png", tmp_path / "day" / "a.xml", (1, 1, 9, 9), "cat",
                    objects=(("cat", (1, 1, 9, 9)), ("\u200b", (2, 2, 8, 8))))
    files = train_checks._blank_label_files(tmp_path, {"cat": 1, "\u200b": 1}, [sample])
    assert files == {"\u200b": "day/a.xml"}
    assert asked == [(tmp_path / "day" / "a.xml", tmp_path)]
