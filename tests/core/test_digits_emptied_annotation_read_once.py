"""`write_digits_dataset` asks once per canvas whether its annotation is missing or empty (a power cut's,
ADR 0012): the answer decides both whether it is written and whether an empty one there is overwritten.
It asked again at the write, two more looks at the disk for every canvas a rerun writes."""

from __future__ import annotations

from collections import Counter

from petloc_gui.core import digits
from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.voc import read_voc


def test_an_emptied_annotation_is_looked_at_no_more_than_a_missing_one(tmp_path, monkeypatch):
    folder = tmp_path / "digits"
    write_digits_dataset(folder, "test", count=4, seed=1, replace=False)
    emptied, missing = sorted(folder.glob("*.xml"))[:2]
    boxes = {path: read_voc(path).objects for path in (emptied, missing)}
    emptied.write_bytes(b"")
    missing.unlink()
    looked_at: Counter = Counter()
    real = digits.missing_or_empty

    def counting(path):
        looked_at[path] += 1
        return real(path)

    monkeypatch.setattr(digits, "missing_or_empty", counting)
    write_digits_dataset(folder, "test", count=4, seed=1, replace=False)
    # once when the run checks what is there, once when it writes
    assert looked_at[emptied] == looked_at[missing] == 2
    assert {path: read_voc(path).objects for path in (emptied, missing)} == boxes
