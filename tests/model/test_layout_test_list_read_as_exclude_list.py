"""The window's Retrain holds a folder's test list out as `petloc train --exclude-list` holds out the same file.

Before: the window took the list from the index (each line's first column as written, finest split first):
a test.txt saved with a BOM (Notepad) missed its first id, "C" for c.jpg and "c.jpg"/"day/g.jpg" with their
extensions missed theirs, and an image listed in trainval.txt too was no test image: all trained on, while the
log and the dialog said the list was held out "as petloc train --exclude-list does".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.data import relpath_in
from petloc_gui.model.layout_test_split import layout_test_holdout, read_layout_test
from tests.cli.test_train_layout_test_split_said import IDS, _devkit

LISTED = ["JPEGImages/c.jpg", "JPEGImages/day/g.jpg"]


def _relative(root: Path, images) -> list[str]:
    return sorted(Path(image).relative_to(root.resolve()).as_posix() for image in images)


@pytest.mark.parametrize("text,encoding", [
    ("c\nday/g\n", "utf-8-sig"),  # a BOM, as Notepad saves it
    ("C\nday/g\n", "utf-8"),  # another case than the file's
    ("c.jpg\nday/g.jpg\n", "utf-8"),  # with the extension
])
def test_the_window_holds_out_what_petloc_train_exclude_list_holds_out(tmp_path, capsys, text, encoding):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    listing = root / "ImageSets" / "Main" / "test.txt"
    listing.write_bytes(text.encode(encoding))
    held = layout_test_holdout(root)
    assert _relative(root, held.images) == LISTED
    assert _relative(root, resolve_exclude_list(root, listing)) == LISTED
    # `petloc train`'s warning counts them too, relative to the root as it counts them (`layout_test_said`)
    assert [relpath_in(Path(image), root) for image in read_layout_test(open_dataset(root)).images] == LISTED


def test_an_image_listed_in_trainval_too_is_held_out(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    (root / "ImageSets" / "Main" / "trainval.txt").write_text("".join(f"{i}\n" for i in IDS), encoding="utf-8")
    assert _relative(root, layout_test_holdout(root).images) == LISTED


def test_an_entry_taken_as_another_spelling_is_said_in_the_run_s_notices(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    (root / "ImageSets" / "Main" / "test.txt").write_text("C\nday/g\nnot_here\n", encoding="utf-8")
    assert layout_test_holdout(root).notices()[1:] == [
        "ImageSets/Main/test.txt: line 1: 'C' taken as 'c', the name it differs from only in case or Unicode form",
        f"ImageSets/Main/test.txt: 'not_here' matches no image in {root}; ignored"]


def test_the_index_reads_a_list_saved_with_a_bom(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    (root / "ImageSets" / "Main" / "test.txt").write_bytes("c\nday/g\n".encode("utf-8-sig"))
    splits = {Path(item.image_path).relative_to(root).as_posix(): item.split for item in open_dataset(root).items}
    assert splits["JPEGImages/c.jpg"] == "test"  # `petloc stats` counts it
