"""`petloc train --distribute multiworker --init-from P` after `petloc export P --tflite P/model.tflite` on one
worker's copy of P: that export adds only meta.json's ``tflite`` record (which .tflite was converted from which
.keras, `model.tflite_provenance`), and every worker refused with "differs ... in init-from", the parent's
weights and classes the same. The record is left out of what the workers compare; the rest of meta.json is not."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.bundle import read_meta
from petloc_gui.model.tflite_provenance import RECORD_KEY
from tests.model.test_multiworker_backbone_weights import _differing, _parts


def parent_copy(into: Path, change=None) -> SimpleNamespace:
    """One worker's copy of a parent (the bundled digits model, its meta.json changed by ``change``), as
    `training_parts` reads --init-from's LoadedBundle: its meta.json and its folder."""
    folder = Path(shutil.copytree(resources_dir() / "models" / "digits", into / "digits"))
    if change is not None:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        change(meta)
        (folder / "meta.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return SimpleNamespace(meta=read_meta(folder), path=folder)


def test_a_parent_exported_to_tflite_on_one_worker_only_is_the_same_parent(tmp_path):
    exported = parent_copy(tmp_path / "exported")
    assert RECORD_KEY in exported.meta  # as `petloc export P --tflite P/model.tflite` leaves it
    not_exported = parent_copy(tmp_path / "plain", lambda meta: meta.pop(RECORD_KEY))
    assert _differing(_parts(parent=exported), _parts(parent=not_exported)) == []
    other_record = parent_copy(tmp_path / "again", lambda meta: meta[RECORD_KEY]["model.tflite"].update(
        sha256="0" * 64))  # another conversion of the same model.keras
    assert _differing(_parts(parent=exported), _parts(parent=other_record)) == []


def test_the_rest_of_the_parent_s_meta_json_is_still_compared(tmp_path):
    exported = parent_copy(tmp_path / "exported")
    renamed = parent_copy(tmp_path / "renamed", lambda meta: (meta.pop(RECORD_KEY),
                                                              meta["class_names"].__setitem__(0, "zero")))
    assert _differing(_parts(parent=exported), _parts(parent=renamed)) == ["init-from"]
