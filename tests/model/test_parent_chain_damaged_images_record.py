"""An ancestor's meta.json whose training record holds values of the wrong type breaks the walk, as an
unreadable one does, naming the key (`parent_chain.ancestor_at`).

Before, a damaged "images" (a list, a number, an entry that is no object, a hash that is no string) read
as "no hashes": the chain walked as complete, and images the ancestor trained on were not recognised by
their content. The splits' types were checked already (`bundle.read_meta`); they are kept checked here.
"""

from __future__ import annotations

import pytest

from petloc_gui.model.model_ancestry import ancestry_of
from petloc_gui.model.parent_chain import parent_chain
from petloc_gui.model.training_record import lineage_of
from tests.model_files import write_meta

TRAIN = {"train": ["a.png"], "validation": [], "test": []}


def _walk(tmp_path, parent_record: dict) -> tuple[dict, object]:
    runs = tmp_path / "runs"
    write_meta(runs / "P", {"version_id": "P", "preset": "digits", "parent": None, **parent_record})
    child = write_meta(runs / "C", {"version_id": "C", "preset": "digits", "parent": "P", "parent_version_id": "P",
                                    "splits": {"train": ["b.png"]}, "images": {"b.png": {"sha256": "h_b"}}})
    return child, runs / "C"


@pytest.mark.parametrize(("images", "reason"), [
    (["a.png"], "images must be an object of image paths, not a list"),
    (7, "images must be an object of image paths, not a number"),
    ("a.png", "images must be an object of image paths, not a string"),
    ({"a.png": "h_a"}, 'images["a.png"] must be an object of the image\'s hashes, not a string'),
    ({"a.png": ["h_a"]}, 'images["a.png"] must be an object of the image\'s hashes, not a list'),
    ({"a.png": {"sha256": 12}}, 'images["a.png"].sha256 must be a string, not a number'),
    ({"a.png": {"sha256": ["h_a"]}}, 'images["a.png"].sha256 must be a string, not a list'),
    ({"a.png": {"sha256": "h_a", "annotation_sha256": {}}},
     'images["a.png"].annotation_sha256 must be a string, not an object'),
])
def test_a_damaged_images_record_breaks_the_walk_and_says_why(tmp_path, images, reason):
    child, folder = _walk(tmp_path, {"splits": TRAIN, "images": images})
    chain = parent_chain(child, folder)
    assert (chain.found, chain.broken_at, chain.unreadable) == ((), "P", reason)
    lineage = lineage_of(child, located=folder)
    assert not lineage.complete
    assert lineage.why_incomplete == f"its parent model P is unreadable ({reason})"
    missing = ancestry_of(child, located=folder).missing
    assert missing.endswith(f"breaks at P, whose meta.json cannot be read ({reason})")


@pytest.mark.parametrize(("splits", "reason"), [
    ({**TRAIN, "train": [1, 2]}, "splits.train must be a list of image paths, not a list holding a number"),
    ({**TRAIN, "train": 3}, "splits.train must be a list of image paths, not a number"),
    ({**TRAIN, "validation": {"a.png": 1}}, "splits.validation must be a list of image paths, not an object"),
    (["a.png"], "splits must be an object, not a list"),
])
def test_damaged_splits_break_the_walk_and_say_why(tmp_path, splits, reason):
    child, folder = _walk(tmp_path, {"splits": splits, "images": {}})
    chain = parent_chain(child, folder)
    assert (chain.found, chain.broken_at, chain.unreadable) == ((), "P", reason)
    assert not lineage_of(child, located=folder).complete


@pytest.mark.parametrize("images", [
    {"a.png": {"sha256": "h_a", "annotation_sha256": None}},
    {"a.png": {"sha256": None, "annotation_sha256": None}},  # the image could not be read when it trained
    {"a.png": {}},
    None,  # no hashes recorded: its images are known by their paths
    {},
])
def test_an_images_record_of_the_right_types_walks_on(tmp_path, images):
    record = {"splits": TRAIN, **({"images": images} if images is not None else {})}
    child, folder = _walk(tmp_path, record)
    assert [name for name, _ in parent_chain(child, folder).found] == ["P"]
    lineage = lineage_of(child, located=folder)
    assert lineage.complete
    assert lineage.match("a.png", None) == "path"
