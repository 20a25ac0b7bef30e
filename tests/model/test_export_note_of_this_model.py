"""A note beside the TFLite file of this model (the same model_identity) whose bytes differed from the new
note (petloc upgraded between a killed run and the rerun, the note's wording changed; the same model.keras
reached through another folder, `model` differing) passed `petloc export`'s check before TensorFlow loaded,
which keeps a note by its identity, and was refused by export_tflite, which kept it only when its bytes
matched: the SavedModel was written, the TFLite converted, then everything taken back, on every rerun.
export_tflite now keeps it by the same rule and replaces it with the new bytes, putting the old ones back
when the model cannot be written; a note of another model is still refused. No TensorFlow: stood in for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petloc_gui.core.errors import SaveError
from petloc_gui.model import export
from petloc_gui.model.export_note import EXPORT_FORMAT, tflite_note_path


def _note(identity: str, wording: str, model: str = "digits") -> bytes:
    return (json.dumps({"written_by": "petloc export", "export_format": EXPORT_FORMAT, "model": model,
                        "model_identity": identity, "preparation": {"reference": wording}}) + "\n").encode()


NEW = _note("abc", "this version's wording")


class _Bundle:
    model = object()
    class_names = ("cat", "dog")


@pytest.fixture(autouse=True)
def _no_tensorflow(monkeypatch):
    monkeypatch.setattr(export, "tflite_bytes", lambda model, **_: b"TFL3")
    monkeypatch.setattr(export, "_bundle_folder", lambda bundle: Path("bundle"))
    monkeypatch.setattr(export, "input_shape_of", lambda model: (32, 32, 3))
    monkeypatch.setattr(export, "note_bytes", lambda *_, **__: NEW)


@pytest.mark.parametrize("earlier", [_note("abc", "an older wording"), _note("abc", "this version's wording",
                                                                              model="another-folder")])
def test_a_note_of_this_model_in_other_words_is_replaced(tmp_path, earlier):
    note = tflite_note_path(tmp_path / "d.tflite")
    note.write_bytes(earlier)
    export.export_tflite(_Bundle(), tmp_path / "d.tflite")
    assert (tmp_path / "d.tflite").read_bytes() == b"TFL3"
    assert note.read_bytes() == NEW


def test_a_replaced_note_is_put_back_when_the_model_cannot_be_written(tmp_path, monkeypatch):
    note = tflite_note_path(tmp_path / "d.tflite")
    earlier = _note("abc", "an older wording")
    note.write_bytes(earlier)
    real_write = export.atomic_write_bytes

    def fails(path, data):
        if path.suffix == ".tflite":
            raise SaveError("disk full", path)
        real_write(path, data)

    monkeypatch.setattr(export, "atomic_write_bytes", fails)
    with pytest.raises(SaveError, match="disk full"):
        export.export_tflite(_Bundle(), tmp_path / "d.tflite")
    assert note.read_bytes() == earlier and not (tmp_path / "d.tflite").exists()
    note.unlink()  # none there: the note this run wrote is taken back
    with pytest.raises(SaveError, match="disk full"):
        export.export_tflite(_Bundle(), tmp_path / "d.tflite")
    assert not note.exists()


@pytest.mark.parametrize("there", [_note("another model", "this version's wording"), b'{"written_by": "someone"}\n',
                                   b"not json"])
def test_a_note_of_another_model_is_refused(tmp_path, there):
    note = tflite_note_path(tmp_path / "d.tflite")
    note.write_bytes(there)
    with pytest.raises(SaveError, match="the note file beside the TFLite file exists"):
        export.export_tflite(_Bundle(), tmp_path / "d.tflite")
    assert note.read_bytes() == there and not (tmp_path / "d.tflite").exists()
