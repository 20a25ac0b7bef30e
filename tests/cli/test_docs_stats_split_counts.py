"""docs/cli.md's stats `split_counts` row names every split list the index reads (a VOC devkit's too, not only
Oxford's) and says how an image on test.txt counts, as `core.layout_split_lists` counts it.

Before: the row said "(Oxford trainval/test)" only: a devkit's train/val/trainval/test lists, and test.txt winning
over them as `petloc train` and the window take it, were not said."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.layout_split_lists import DEVKIT_SPLITS, OXFORD_SPLITS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def _row(key: str) -> str:
    (row,) = [line for line in DOCS.read_text(encoding="utf-8").splitlines() if line.startswith(f"| `{key}` |")]
    return row


def test_the_split_counts_row_names_every_list_the_index_reads_and_how_test_counts():
    row = _row("split_counts")
    for split in (*OXFORD_SPLITS, *DEVKIT_SPLITS, "test"):
        assert f"`{split}.txt`" in row, split
    assert "`ImageSets/Main/" in row and "`annotations/" in row
    assert "An image on `test.txt` counts as `test` whatever other list names it" in row
    assert "`petloc train --exclude-list` reads a line" in row
