"""A label of nothing but characters drawn as nothing ("\\u200b", a soft hyphen, the Hangul filler U+3164) is no
label, on whatever box, by one rule (`core.scored_objects.usable_objects`): a run passes over it to the image's next
usable object, `petloc evaluate` scores nothing against it, `petloc stats` counts the image by that next object
and the window counts it there too.

Before, three rules: training skipped an image whose first box was so labelled ("object has no label"), evaluate
scored it against [("\\u200b", box), ("cat", box)] (usable_objects took it for a label), and stats left the image out
of its class balance (a review's find)."""

from __future__ import annotations

import pytest

from petloc_gui.app.annotation_store import read_primary
from petloc_gui.cli.cmd_evaluate import collect_ground_truth
from petloc_gui.core.boxes import Box
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.scored_objects import labelled, objects_digest, usable_objects
from petloc_gui.core.stats import dataset_stats
from petloc_gui.core.voc import read_voc
from petloc_gui.model.data import NO_LABEL, collect_samples
from tests.cli.helpers import write_annotated

GOOD = (50, 40, 200, 160)
SECOND = (10, 10, 100, 100)
BLANK = ["\u200b", "\u2060\u200b", "\xad", "\u3164"]


def _folder(folder, blank):
    write_annotated(folder, "blank_first", 300, 200, [(blank, GOOD), ("cat", SECOND)])
    write_annotated(folder, "blank_later", 300, 200, [("dog", GOOD), (blank, SECOND)])
    write_annotated(folder, "blank_only", 300, 200, [(blank, GOOD), ("", SECOND)])
    return folder


@pytest.mark.parametrize("blank", BLANK, ids=ascii)
def test_it_is_no_label_to_the_rule(blank):
    assert not labelled(blank) and not labelled("") and labelled("cat") and labelled("do\u200bg")


@pytest.mark.parametrize("blank", BLANK, ids=ascii)
def test_train_evaluate_stats_and_the_window_pass_over_it_alike(tmp_path, blank):
    folder = _folder(tmp_path, blank)
    samples, skipped, _ = collect_samples(folder)
    learned = {sample.relpath: (sample.label, sample.ground_truth) for sample in samples}
    assert learned == {"blank_first.png": ("cat", (("cat", (10.0, 10.0, 100.0, 100.0)),)),
                       "blank_later.png": ("dog", (("dog", (50.0, 40.0, 200.0, 160.0)),))}
    assert skipped == [(str(folder / "blank_only.png"), "no object with a label and a box of non-zero area "
                        "(object 1 has no label; object 2 has no label)")]
    cases, not_scored = collect_ground_truth(open_dataset(folder).items)
    assert {image.name: [name for name, _box in objects] for image, objects in cases} == {
        "blank_first.png": ["cat"], "blank_later.png": ["dog"]}
    assert [path for path, _ in not_scored] == [str(folder / "blank_only.png")]
    assert dataset_stats(folder).first_object_class_counts == {"cat": 1, "dog": 1}
    assert read_primary(folder / "blank_first.xml", folder / "blank_first.png")[:2] == ("cat", Box(*SECOND))


def test_a_lone_object_so_labelled_is_skipped_as_one_with_no_label(tmp_path):
    write_annotated(tmp_path, "a", 300, 200, [("\u200b", GOOD)])
    assert collect_samples(tmp_path)[1] == [(str(tmp_path / "a.png"), NO_LABEL)]


def test_the_scored_objects_hash_leaves_it_out(tmp_path):
    """meta.json's ``objects_sha256`` hashes what a run scores: a box so labelled, moved, is no re-box, and a record
    taken before this rule of a file holding one reads as re-boxed since (ADR 0004's amendment)."""
    write_annotated(tmp_path, "a", 300, 200, [("\u200b", GOOD), ("cat", SECOND)])
    write_annotated(tmp_path, "b", 300, 200, [("cat", SECOND)])
    both, alone = read_voc(tmp_path / "a.xml").objects, read_voc(tmp_path / "b.xml").objects
    assert [obj.name for obj in usable_objects(both)] == ["cat"]
    assert objects_digest(both) == objects_digest(alone)
