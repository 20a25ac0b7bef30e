"""A run learns an image's first usable object (`core.scored_objects.usable_objects`: a label and a box of
non-zero area), the rule `petloc evaluate` scores by and `petloc stats` counts by.

Before: `collect_samples` took ``annotation.objects[0]``, so an image whose first object was a zero-area box, a box
wholly outside the image or a box with an empty <name> was skipped whole ("skipped zfirst.jpg: box (50.0, 50.0,
50.0, 120.0) has zero area", "object has no label") though its second object was good: on such a folder train used
6 images where `petloc evaluate` scored 8, and `petloc stats` counted the unusable object's label ("bird", which no
run learns) in ``first_object_class_counts``, "what training and evaluation use"."""

from __future__ import annotations

from petloc_gui.cli.cmd_evaluate import collect_ground_truth
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import dataset_stats
from petloc_gui.model.data import collect_samples
from tests.cli.helpers import write_annotated

GOOD = (50, 40, 200, 160)


def _zf_like(folder):
    """Six plain images, and three whose first object cannot be used while their second is good (as the hunt's
    zf/ and zf2/ folders)."""
    for n in range(6):
        write_annotated(folder, f"g{n}", 300, 200, [("cat" if n % 2 else "dog", GOOD)])
    write_annotated(folder, "zfirst", 300, 200, [("bird", (50, 50, 50, 120)), ("cat", GOOD)])  # a line
    write_annotated(folder, "ofirst", 300, 200, [("bird", (400, 300, 500, 350)), ("dog", GOOD)])  # wholly outside
    write_annotated(folder, "nolab", 300, 200, [("", (10, 10, 40, 40)), ("cat", GOOD)])  # no label
    return folder


def test_an_image_whose_first_object_is_unusable_trains_on_its_first_usable_one(tmp_path):
    samples, skipped, _ = collect_samples(_zf_like(tmp_path))
    assert skipped == []
    by_name = {sample.relpath: sample for sample in samples}
    assert len(samples) == 9
    assert (by_name["zfirst.png"].label, by_name["zfirst.png"].box) == ("cat", (50.0, 40.0, 200.0, 160.0))
    assert (by_name["ofirst.png"].label, by_name["ofirst.png"].box) == ("dog", (50.0, 40.0, 200.0, 160.0))
    assert (by_name["nolab.png"].label, by_name["nolab.png"].box) == ("cat", (50.0, 40.0, 200.0, 160.0))
    assert all(sample.objects[0] == (sample.label, sample.box) for sample in samples)


def test_train_evaluate_and_stats_take_the_same_images_and_first_classes(tmp_path):
    folder = _zf_like(tmp_path)
    samples, _, _ = collect_samples(folder)
    cases, skipped = collect_ground_truth(open_dataset(folder).items, size_notes=[])
    assert skipped == []
    assert sorted(image.name for image, _ in cases) == sorted(sample.relpath for sample in samples)
    learned: dict[str, int] = {}
    for sample in samples:
        learned[sample.label] = learned.get(sample.label, 0) + 1
    assert dataset_stats(folder).first_object_class_counts == learned == {"cat": 5, "dog": 4}


def test_an_image_with_no_usable_object_is_skipped_saying_why(tmp_path):
    write_annotated(tmp_path, "flat", 300, 200, [("cat", (10, 10, 10, 20))])
    write_annotated(tmp_path, "two", 300, 200, [("bird", (50, 50, 50, 120)), ("", (10, 10, 40, 40))])
    samples, skipped, _ = collect_samples(tmp_path)
    assert samples == []
    reasons = dict(skipped)
    assert reasons[str(tmp_path / "flat.png")] == "box (10.0, 10.0, 10.0, 20.0) has zero area"
    assert reasons[str(tmp_path / "two.png")] == (
        "no object with a label and a box of non-zero area (object 1 (bird): box (50.0, 50.0, 50.0, 120.0) has zero "
        "area; object 2 has no label)")


def test_a_class_only_on_unusable_boxes_is_no_class_after_the_first(tmp_path):
    """`after_first_classes` ("on 1 box, none an image's first: ... box images where it is the first object") and
    `unused_predefined_classes` count the boxes a run uses, as `petloc train` says them: a class on a zero-area box
    alone (the first now passed over) was said to need images where it is the first object, though it was."""
    write_annotated(tmp_path, "v_zero", 300, 200, [("cat", (50, 50, 50, 120))])
    write_annotated(tmp_path, "two", 300, 200, [("dog", GOOD), ("owl", (10, 10, 10, 40))])
    (tmp_path / "predefined_classes.txt").write_text("dog\nowl\nbat\n", encoding="utf-8")
    from petloc_gui.app.class_list import read_classes
    from petloc_gui.core.stats import compute_stats

    stats = compute_stats(open_dataset(tmp_path), predefined=read_classes(tmp_path))
    assert stats.first_object_class_counts == {"dog": 1}
    assert stats.after_first == {} and stats.predefined_after_first == []
    assert stats.unused_predefined == ["owl", "bat"]  # a zero-area box is none: nothing trains or measures owl
