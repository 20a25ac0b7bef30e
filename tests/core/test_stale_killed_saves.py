"""Leftovers of saves killed outright (SIGKILL, a power cut) went on taking disk forever.

A training run into the store killed during the bundle's rename left ``.<name>.XXXXXXXX.tmp/`` holding
model.keras and the atomic write's own ``.meta.json.XXXXXXXX.tmp``, which made the sweep take the folder
for someone else's; a `petloc export --saved-model` killed while writing left ``.<name>.<8 hex>.tmp/``
with a SavedModel in it, which no sweep knew. Both go once a day old now; a folder holding anything
else, a young one, and (outside the store) a staging folder are never touched."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from petloc_gui.core.stale import remove_stale

DAY = 24 * 3600


def _make(root: Path, files: dict[str, bytes], age: float = 2 * DAY) -> Path:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    then = time.time() - age
    for path in [root, *root.rglob("*")]:
        os.utime(path, (then, then), follow_symlinks=False)
    return root


BUNDLE_KILLED_IN_ITS_RENAME = {"model.keras": b"zip", ".meta.json.07bp7592.tmp": b"{"}
TWO_STAGE_BUNDLE = {"model.keras": b"zip", "refine.keras": b"zip", "meta.json": b"{}"}
SAVED_MODEL_KILLED_IN_WRITE_OUT = {"variables/variables_temp/part-00000-of-00001.data-00000-of-00001": b"w",
                                   "variables/variables_temp/part-00000-of-00001.index": b"i"}
# The names TensorFlow itself writes under (strace of a real `petloc export --saved-model`): a kill
# during those writes left a folder the sweep took for someone else's.
SAVED_MODEL_KILLED_IN_ITS_CHECKPOINT = {
    "variables/variables_temp/part-00000-of-00001.data-00000-of-00001.tempstate8130981374129840571": b"w",
    "variables/variables_temp/part-00000-of-00001.index.tempstate8130981374129840571": b"i"}
SAVED_MODEL_KILLED_IN_ITS_PB = {
    "variables/variables.index": b"i", "variables/variables.data-00000-of-00001": b"w",
    "variables/variables.index.tempstate17003046302093400761": b"i",
    "saved_model.pb.tmp0bde41c2d9c3469d9c4b8c7e1f3a2b6d": b"p"}
SAVED_MODEL_KILLED_IN_ITS_FINGERPRINT = {
    "saved_model.pb": b"pb", "variables/variables.index": b"i", "variables/variables.data-00000-of-00001": b"w",
    "fingerprint.pb.tmp5a1f0e6c2b9d48f7a3c1e2d4b6f8a0c9": b"f"}
SAVED_MODEL_WHOLE = {"saved_model.pb": b"pb", "fingerprint.pb": b"f", "petloc-export.json": b"{}",
                     "variables/variables.index": b"i", "variables/variables.data-00000-of-00001": b"w"}


@pytest.mark.parametrize("files", [BUNDLE_KILLED_IN_ITS_RENAME, TWO_STAGE_BUNDLE, SAVED_MODEL_KILLED_IN_WRITE_OUT,
                                   SAVED_MODEL_KILLED_IN_ITS_CHECKPOINT, SAVED_MODEL_KILLED_IN_ITS_PB,
                                   SAVED_MODEL_KILLED_IN_ITS_FINGERPRINT, SAVED_MODEL_WHOLE],
                         ids=["bundle-with-meta-temporary", "two-stage-bundle", "saved-model-partial",
                              "saved-model-tempstate", "saved-model-pb-temporary",
                              "saved-model-fingerprint-temporary", "saved-model-whole"])
def test_a_killed_saves_folder_goes_once_a_day_old(tmp_path, files):
    left = tmp_path / ".digits-20260101T000000Z-8d52a3.4iwpvrsb.tmp"
    left.mkdir()
    _make(left, files)
    if "saved_model.pb" in files:
        (left / "assets").mkdir()
        os.utime(left, (time.time() - 2 * DAY,) * 2)
    assert remove_stale(tmp_path, folders=True, store=False) == [left]
    assert not left.exists()


def test_an_empty_variables_folder_is_a_killed_exports_too(tmp_path):
    """What the hunt found: ``ex2/.sm.42e90709.tmp/variables`` and nothing else."""
    left = tmp_path / ".sm.42e90709.tmp"
    (left / "variables").mkdir(parents=True)
    _make(left, {})
    assert remove_stale(tmp_path, folders=True) == [left]


@pytest.mark.parametrize("extra", ["notes.txt", "variables/notes.txt", "assets/vocab.txt", "model.keras.bak",
                                   "saved_model.pb.tmp-not-hex", "variables/variables.index.tempstate"])
def test_a_folder_holding_anything_else_stays(tmp_path, extra):
    kept = tmp_path / ".sm.42e90709.tmp"
    kept.mkdir()
    _make(kept, {**SAVED_MODEL_WHOLE, extra: b"someone's"})
    assert remove_stale(tmp_path, folders=True) == []
    assert (kept / extra).read_bytes() == b"someone's"


def test_a_young_folder_and_a_link_inside_stay(tmp_path):
    young = tmp_path / ".sm.00000000.tmp"
    young.mkdir()
    _make(young, SAVED_MODEL_WHOLE, age=3600)
    linked = tmp_path / ".sm.11111111.tmp"
    linked.mkdir()
    (linked / "saved_model.pb").symlink_to(tmp_path / "elsewhere.pb")
    _make(linked, {})
    assert remove_stale(tmp_path, folders=True) == []


def test_staging_folders_go_only_in_the_store(tmp_path):
    staging = tmp_path / ".staging-holiday-photos"
    staging.mkdir()
    _make(staging, {"photo.jpg": b"someone's"})
    assert remove_stale(tmp_path, folders=True, store=False) == []
    assert remove_stale(tmp_path, folders=True) == [staging]


def test_a_killed_tflite_writes_temporary_goes(tmp_path):
    left = tmp_path / ".d_13.tflite.k2j3h4g5.tmp"
    names = tmp_path / ".d_13.labels.txt.k2j3h4g5.tmp"
    for path in (left, names):
        path.write_bytes(b"flatbuffer")
        os.utime(path, (time.time() - 2 * DAY,) * 2)
    assert sorted(remove_stale(tmp_path)) == sorted([left, names])
