"""A reason built from an exception with an empty message (zipfile's bare EOFError) names the exception.

Before: ``exc or type(exc).__name__`` never fell back (an exception is always truthy), so the reason
read "not a Keras archive (zip): " or "unreadable: " with nothing after it.
"""

from __future__ import annotations

import zipfile

from petloc_gui.model import bundle_check
from petloc_gui.model.versions import VersionStore


def _raise_eof(*args, **kwargs):
    raise EOFError()


def test_an_archive_that_fails_with_no_message_names_the_error(tmp_path, monkeypatch):
    archive = tmp_path / "model.keras"
    archive.write_bytes(b"PK\x03\x04 truncated")
    monkeypatch.setattr(zipfile, "ZipFile", _raise_eof)
    assert bundle_check.archive_problem(archive) == "model.keras is not a Keras archive (zip): EOFError"


def test_a_version_that_fails_with_no_message_names_the_error(tmp_path, monkeypatch):
    store = VersionStore(tmp_path / "models")
    (store.root / "digits" / "20260101-120000-abcd").mkdir(parents=True)
    monkeypatch.setattr(VersionStore, "_read", _raise_eof)
    versions, left_out = store.scan()
    assert versions == [] and left_out == [(store.root / "digits" / "20260101-120000-abcd", "unreadable: EOFError")]
