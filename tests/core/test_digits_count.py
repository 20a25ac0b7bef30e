"""core.digits: a count over the split's size is refused, not quietly cut to it."""

from __future__ import annotations

import pytest

from petloc_gui.core.digits import split_size, write_digits_dataset


def test_write_digits_dataset_refuses_more_than_the_split_holds(tmp_path):
    size = split_size("test")
    with pytest.raises(ValueError, match=f"has {size} digits, not {size + 1}"):
        write_digits_dataset(tmp_path / "d", "test", count=size + 1)
    assert not (tmp_path / "d").exists()
