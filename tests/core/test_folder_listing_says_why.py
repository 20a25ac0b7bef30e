"""A folder that cannot be listed: its listing says why, once, and still equals an empty one."""

from __future__ import annotations

import os

from petloc_gui.core.folder_listing import FolderListing, folder_listing, why_unlistable


def _refused(monkeypatch, folder, error: OSError) -> None:
    """``os.scandir`` raises ``error`` for ``folder`` (the tests run as root, whom chmod does not stop)."""
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(folder):
            raise error
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_listing_refused_says_why_and_still_equals_an_empty_one(tmp_path, monkeypatch):
    (tmp_path / "a.jpg").write_bytes(b"")
    assert folder_listing(tmp_path).error is None
    _refused(monkeypatch, tmp_path, PermissionError(13, "Permission denied"))
    listing = folder_listing(tmp_path)
    assert listing.error == "Permission denied" == why_unlistable(tmp_path)
    assert listing == FolderListing(os.stat(tmp_path).st_mtime_ns, frozenset())  # equality by what it holds
    assert hash(listing) == hash(FolderListing(listing.mtime_ns, frozenset()))


def test_a_folder_gone_or_a_file_is_no_folder_that_cannot_be_read(tmp_path):
    (tmp_path / "f.jpg").write_bytes(b"")
    for path in (tmp_path / "absent", tmp_path / "f.jpg"):
        assert folder_listing(path).error is None and why_unlistable(path) is None
    assert why_unlistable(f"{tmp_path}/a\0b") is None  # opening it says what is wrong
    assert why_unlistable(tmp_path) is None


def test_the_reason_is_the_os_s_words_or_the_error_itself(tmp_path, monkeypatch):
    _refused(monkeypatch, tmp_path, OSError("share went away"))
    assert folder_listing(tmp_path).error == "share went away" == why_unlistable(tmp_path)
