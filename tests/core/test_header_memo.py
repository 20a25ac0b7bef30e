"""core.header_memo: an image's size is read from its header once while the file is unchanged, and
again once it is replaced or edited on disk (new size in bytes, modification or change time)."""

from __future__ import annotations

import os
import time

import pytest

from petloc_gui.core import header_memo, stats
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import PetlocError
from petloc_gui.core.header_memo import HeaderMemo
from tests.cli.helpers import write_annotated, write_image

# An explicit modification time (whole seconds apart): not the clock's, so two writes in one tick
# of a coarse file system clock cannot look alike.
T0 = 1_700_000_000 * 10**9


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The paths whose header `core.images.image_size` actually read, through the memo or not."""
    read: list[str] = []
    real = header_memo.image_size

    def counted(path):
        read.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(header_memo, "image_size", counted)
    monkeypatch.setattr(stats, "image_size", counted)
    return read


def _image(path, width, height, mtime_ns=T0):
    write_image(path, width, height)
    os.utime(path, ns=(mtime_ns, mtime_ns))
    return path


def test_an_unchanged_file_is_read_once(tmp_path, reads):
    image = _image(tmp_path / "a.png", 40, 30)
    memo = HeaderMemo()
    assert memo.image_size(image) == (40, 30)
    memo.new_pass()
    assert memo.image_size(image) == (40, 30)
    assert memo.image_size(str(image)) == (40, 30)  # a str or a Path: the same file
    assert reads == ["a.png"]


def test_a_file_rewritten_with_another_size_is_read_again(tmp_path, reads):
    image = _image(tmp_path / "a.png", 40, 30)
    memo = HeaderMemo()
    assert memo.image_size(image) == (40, 30)
    _image(image, 64, 48, mtime_ns=T0 + 10**9)  # replaced on disk: another image, a second later
    assert memo.image_size(image) == (64, 48)
    assert reads == ["a.png", "a.png"]


def test_a_file_replaced_keeping_its_modification_time_is_read_again(tmp_path, reads):
    # As `cp -p` or `exiftool -P` leave it: only its length (or its change time) tells.
    image = _image(tmp_path / "a.png", 40, 30)
    memo = HeaderMemo()
    assert memo.image_size(image) == (40, 30)
    _image(image, 64, 48, mtime_ns=T0)
    assert memo.image_size(image) == (64, 48)
    assert len(reads) == 2


@pytest.mark.skipif(os.name == "nt", reason="st_ctime is the creation time on Windows (the module says so)")
def test_a_file_edited_in_place_to_the_same_length_with_its_modification_time_set_back_is_read_again(
        tmp_path, reads):
    # The module's own case: `exiftool -P -Orientation=6` turns a photo by its EXIF tag, one byte, the
    # same length, and sets the modification time back; only the change time tells.
    image = tmp_path / "a.jpg"
    write_image(image, 40, 30, exif_orientation=1)
    os.utime(image, ns=(T0, T0))
    memo = HeaderMemo()
    assert memo.image_size(image) == (40, 30)
    before = os.stat(image)
    for _ in range(200):  # the change time moves by the file system's clock: wait for its next tick
        write_image(image, 40, 30, exif_orientation=6)
        os.utime(image, ns=(T0, T0))
        if os.stat(image).st_ctime_ns != before.st_ctime_ns:
            break
        time.sleep(0.01)
    after = os.stat(image)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)  # only ctime differs
    assert after.st_ctime_ns != before.st_ctime_ns
    assert memo.image_size(image) == (30, 40)
    assert reads == ["a.jpg", "a.jpg"]


def test_a_file_that_changes_while_it_is_read_is_read_again(tmp_path, monkeypatch):
    # A program finishes writing it between the stat and the read: the size read may be the old
    # image's, so it must not be kept under the new file's stamp.
    image = _image(tmp_path / "a.png", 40, 30)
    real = header_memo.image_size
    read: list[tuple[int, int]] = []

    def rewritten_during_the_read(path):
        size = real(path)
        if not read:
            _image(image, 64, 48, mtime_ns=T0 + 10**9)
        read.append(size)
        return size

    monkeypatch.setattr(header_memo, "image_size", rewritten_during_the_read)
    memo = HeaderMemo()
    assert memo.image_size(image) == (40, 30)  # what the reader saw
    assert memo.image_size(image) == (64, 48)
    assert read == [(40, 30), (64, 48)]

def test_an_unreadable_file_is_read_each_time_until_it_reads(tmp_path, reads):
    image = tmp_path / "a.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n half copied")
    os.utime(image, ns=(T0, T0))
    memo = HeaderMemo()
    for _ in range(2):
        with pytest.raises(PetlocError):
            memo.image_size(image)
    _image(image, 40, 30, mtime_ns=T0 + 10**9)  # the copy finished
    assert memo.image_size(image) == (40, 30)
    assert len(reads) == 3


def test_a_missing_file_raises_the_readers_error(tmp_path):
    with pytest.raises(PetlocError, match="does not exist"):
        HeaderMemo().image_size(tmp_path / "gone.png")


def test_sizes_not_asked_for_in_a_whole_pass_are_forgotten(tmp_path, reads):
    a, b = _image(tmp_path / "a.png", 40, 30), _image(tmp_path / "b.png", 20, 10)
    memo = HeaderMemo()
    memo.image_size(a), memo.image_size(b)
    memo.new_pass()
    memo.image_size(a)  # b was renamed or removed: this walk does not ask for it
    memo.new_pass()
    assert len(memo) == 1
    memo.image_size(a), memo.image_size(b)
    assert reads == ["a.png", "b.png", "b.png"]


def test_a_pass_remembers_at_most_max_entries(tmp_path, reads):
    images = [_image(tmp_path / f"{i}.png", 10 + i, 10) for i in range(3)]
    memo = HeaderMemo(max_entries=2)
    for _ in range(2):
        memo.new_pass()
        assert [memo.image_size(p) for p in images] == [(10, 10), (11, 10), (12, 10)]
    # the first two stay remembered; the third is read each time, evicting none of them
    assert reads == ["0.png", "1.png", "2.png", "2.png"]
    assert len(memo) == 2


def test_compute_stats_with_remembered_sizes_gives_the_figures_read_afresh(tmp_path, reads):
    for stem in ("a", "b", "c", "d"):
        _image(write_annotated(tmp_path, stem, 40, 30, [("cat", (5, 5, 20, 20))]), 40, 30)
    dataset = open_dataset(tmp_path)
    memo = HeaderMemo()
    stats.compute_stats(dataset, headers=memo)
    _image(tmp_path / "b.png", 80, 60, mtime_ns=T0 + 10**9)  # its XML still says 40x30: a size_mismatch
    del reads[:]
    remembered = stats.compute_stats(dataset, headers=memo)
    assert reads == ["b.png"]
    afresh = stats.compute_stats(dataset)
    assert remembered.to_dict(include_values=True) == afresh.to_dict(include_values=True)
    assert [p.kind for p in remembered.problems] == [stats.SIZE_MISMATCH]
    # each computation is a pass: d's size goes once d is no longer in the folder
    (tmp_path / "d.png").unlink()
    (tmp_path / "d.xml").unlink()
    for _ in range(2):
        stats.compute_stats(open_dataset(tmp_path), headers=memo)
    assert len(memo) == 3
