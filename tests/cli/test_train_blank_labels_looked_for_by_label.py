"""`petloc train` looks for a label drawn as nothing ("\\u200b") among the run's distinct labels, as its refusal
does (`core.case_variant_refusal`), and walks the images' boxes for a file of one only when there is one: it tested
every box of every image on every run to name a file for a refusal that almost never happens."""

from __future__ import annotations

from petloc_gui.cli import train_checks
from petloc_gui.model.collected_folder import collect_folder
from tests.cli.helpers import one_box_each, write_annotated


def _counting(monkeypatch) -> list[str]:
    asked: list[str] = []
    real = train_checks.drawn_as_nothing
    monkeypatch.setattr(train_checks, "drawn_as_nothing", lambda name: asked.append(name) or real(name))
    return asked


def test_a_folder_with_no_blank_label_has_its_labels_tested_once_each(tmp_path, monkeypatch):
    folder = one_box_each(tmp_path / "photos", ["cat", "dog"] * 10)
    for n in range(4):
        write_annotated(folder, f"two{n}", 40, 30, [("cat", (5, 5, 20, 20)), ("dog", (1, 1, 9, 9))])
    collected = collect_folder(folder, labels_only=True)
    asked = _counting(monkeypatch)
    trained = train_checks.check_classes(collected)
    assert sum(len(sample.ground_truth) for sample in trained) == 28  # the boxes it no longer walks
    assert sorted(asked) == ["cat", "dog"]
