"""core/cache_bounds: one removal loop for the prediction cache (`remove_least_recent`) and the decoded-image
cache (`remove_in_order`, room made from the list its open's scan sorted). A file another process removed
between the scan and the removal is gone all the same: counted still there, it cost one more file than the
bounds asked for (the prediction cache's loop did so; the image cache's own copy did not)."""

from __future__ import annotations

import os

from petloc_gui.core.cache_bounds import cached_files, least_recent_first, remove_in_order, remove_least_recent


def _files(folder, count: int) -> list:
    folder.mkdir()
    for i in range(count):
        path = folder / f"{i}.json"
        path.write_bytes(b"x" * 10)
        os.utime(path, ns=(1_000_000_000 * (i + 1), 1_000_000_000 * (i + 1)))  # 0.json the least recently used
    return cached_files(folder, ".json")


def test_a_file_already_gone_counts_as_removed(tmp_path):
    files = _files(tmp_path / "cache", 3)
    os.unlink(tmp_path / "cache" / "0.json")  # another process pruning, after the scan
    assert remove_least_recent(files, max_files=2, max_total_bytes=10**6) == (2, 20)
    assert sorted(os.listdir(tmp_path / "cache")) == ["1.json", "2.json"]  # none removed for it


def test_in_order_takes_files_off_the_front_and_skips_those_kept(tmp_path):
    ordered = least_recent_first(_files(tmp_path / "cache", 4))
    kept = {"0.json"}
    count, total = remove_in_order(ordered, 4, 40, max_files=2, max_total_bytes=10**6,
                                   kept=lambda file: os.path.basename(file.path) in kept)
    assert (count, total) == (2, 20)
    assert sorted(os.listdir(tmp_path / "cache")) == ["0.json", "3.json"]  # kept, and the most recent
    assert [os.path.basename(file.path) for file in ordered] == ["3.json"]  # what is left to remove next


def test_in_use_go_last_and_are_kept_when_asked(tmp_path):
    folder = tmp_path / "cache"
    _files(folder, 3)
    files = cached_files(folder, ".json", in_use={"0.json"})
    assert remove_least_recent(files, max_files=0, max_total_bytes=10**6, keep_in_use=True) == (1, 10)
    assert os.listdir(folder) == ["0.json"]
