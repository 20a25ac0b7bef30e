"""version.json's ``"decided": false``: a version committed before the user chose Use or Discard, until the choice.

Only what says so is undecided: a record without the key (every store written before it, `petloc train`'s bundles
without version.json) reads as decided, and so does one whose version.json is damaged (read from meta.json).
"""

from __future__ import annotations

import json

from petloc_gui.core.abandoned_folders import writer_tag
from petloc_gui.model.versions import ASKED_BY_KEY, DECIDED_KEY, UNDECIDED_NOTE, VERSION_FILE, VersionStore
from tests.model_files import fake_bundle


def _staged(store: VersionStore):
    staging = store.new_staging_dir("digits")
    fake_bundle(staging, ["0", "1"], preset="digits")
    return staging


def _record(version) -> dict:
    return json.loads((version.path / VERSION_FILE).read_text(encoding="utf-8"))


def test_a_version_committed_undecided_says_so_until_marked_decided(tmp_path):
    store = VersionStore(tmp_path)
    version = store.commit(_staged(store), decided=False)
    assert version.undecided and version.notes == (UNDECIDED_NOTE,) and _record(version)[DECIDED_KEY] is False
    assert store.list() == [version]  # listed usable: its model is fine
    assert version.asked_by == writer_tag() == _record(version)[ASKED_BY_KEY]  # the window that asks: this process

    before = _record(version)

    store.mark_decided(version)

    again = store.get(version.id)
    assert not again.undecided and again.notes == () and again.asked_by is None
    assert _record(version) == {k: v for k, v in before.items() if k not in (DECIDED_KEY, ASKED_BY_KEY)}  # the rest
    store.mark_decided(again)  # decided already: nothing to do
    assert not store.get(version.id).undecided


def test_records_without_the_key_read_decided(tmp_path):
    store = VersionStore(tmp_path)
    committed = store.commit(_staged(store))
    assert DECIDED_KEY not in _record(committed) and not committed.undecided  # a plain commit: as before
    assert ASKED_BY_KEY not in _record(committed) and committed.asked_by is None  # nobody asks
    record = _record(committed)
    record.pop(DECIDED_KEY, None)
    (committed.path / VERSION_FILE).write_text(json.dumps(record), encoding="utf-8")  # an older store's record
    assert not store.get(committed.id).undecided
    (committed.path / VERSION_FILE).write_text(json.dumps({**record, DECIDED_KEY: 0}), encoding="utf-8")
    assert not store.get(committed.id).undecided  # only false says undecided


def test_a_damaged_record_reads_decided(tmp_path):
    store = VersionStore(tmp_path)
    version = store.commit(_staged(store), decided=False)
    (version.path / VERSION_FILE).write_text("{not json", encoding="utf-8")
    damaged = store.get(version.id)
    assert not damaged.undecided and UNDECIDED_NOTE not in damaged.notes
    store.mark_decided(damaged)  # nothing it can rewrite: left as it is
    assert (version.path / VERSION_FILE).read_text(encoding="utf-8") == "{not json"
