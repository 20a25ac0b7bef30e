"""`petloc evaluate` takes the objects it scores by the rule a run scores and records them by
(`core.scored_objects.usable_objects`): it kept its own copy of "a label and a box of non-zero area", which could
drift from the run's, and a re-box be said of objects one of them never scored."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image

from petloc_gui.cli.cmd_evaluate import collect_ground_truth
from petloc_gui.core import scored_objects
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.data import collect_samples
from tests.cli.helpers import voc_xml

# a cat, a nameless box, a box of no area and a dog drawn right to left
OBJECTS = [("cat", (4, 4, 20, 20)), ("", (5, 5, 25, 25)), ("dog", (8, 8, 8, 30)), ("dog", (30, 2, 22, 12))]


def _plain(tmp_path: Path) -> Path:
    Image.fromarray(np.zeros((32, 40, 3), dtype=np.uint8)).save(tmp_path / "two.png")
    (tmp_path / "two.xml").write_text(voc_xml("two.png", 40, 32, OBJECTS), encoding="utf-8")
    return tmp_path


def _oxford(tmp_path: Path) -> Path:
    (tmp_path / "images").mkdir()
    (tmp_path / "annotations" / "xmls").mkdir(parents=True)
    (tmp_path / "annotations" / "list.txt").write_text("#Image CLASS-ID SPECIES BREED ID\nBengal_1 6 1 6\n",
                                                        encoding="utf-8")
    Image.fromarray(np.zeros((32, 40, 3), dtype=np.uint8)).save(tmp_path / "images" / "Bengal_1.png")
    (tmp_path / "annotations" / "xmls" / "Bengal_1.xml").write_text(voc_xml("Bengal_1.png", 40, 32, OBJECTS),
                                                                    encoding="utf-8")
    return tmp_path


def _scored(folder: Path, label: str) -> list[tuple[str, tuple[float, ...]]]:
    (case,), skipped = collect_ground_truth(open_dataset(folder).items, label, size_notes=[])
    assert skipped == []
    return [(name, box.sorted().as_tuple()) for name, box in case[1]]


def test_evaluate_scores_the_objects_a_run_scores(tmp_path):
    (tmp_path / "plain").mkdir()
    (tmp_path / "oxford").mkdir()
    plain, breed = _plain(tmp_path / "plain"), _oxford(tmp_path / "oxford")
    for folder, label, names in ((plain, "default", ["cat", "dog"]), (breed, "breed", ["Bengal"] * 3)):
        (sample,), _, _ = collect_samples(folder, label)
        assert _scored(folder, label) == list(sample.objects)
        assert [name for name, _ in sample.objects] == names


def test_evaluate_asks_the_one_rule(tmp_path, monkeypatch):
    """A rule changed in `usable_objects` changes what evaluate scores: it holds no copy of its own."""
    plain = _plain(tmp_path)
    monkeypatch.setattr(scored_objects, "usable_objects",
                        lambda objects, any_label=False: [o for o in objects if o.name == "dog"])
    assert _scored(plain, "default") == [("dog", (8.0, 8.0, 8.0, 30.0)), ("dog", (22.0, 2.0, 30.0, 12.0))]
