"""`splits.parent_split_names`: the parent's recorded images of a split by their bytes, one reading of meta.json
for the hashes a fine-tune leaves out (`parent_split_hashes`) and the test images it names by them
(`collected_folder._test_names`), which each read it their own way."""

from __future__ import annotations

from petloc_gui.model.splits import parent_split_hashes, parent_split_names

META = {"splits": {"train": ["a.jpg"], "validation": ["v.jpg"], "test": ["t.jpg", "u.jpg", "no_hash.jpg"]},
        "images": {"a.jpg": {"sha256": "aa"}, "v.jpg": {"sha256": "vv"}, "t.jpg": {"sha256": "tt"},
                   "u.jpg": {"sha256": "tt"}, "no_hash.jpg": {"size": 3}}}


def test_the_names_by_their_bytes_and_the_hashes_are_one_reading():
    assert parent_split_names(META, "test") == {"tt": "u.jpg"}  # the same bytes later in the list: that path
    assert parent_split_names(META, "validation") == {"vv": "v.jpg"}
    assert parent_split_hashes(META, "test") == {"tt"}
    assert parent_split_names(None, "test") == {} and parent_split_names({"splits": {}}, "test") == {}
