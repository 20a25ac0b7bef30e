"""What `petloc export` writes said nothing of how to feed the model, nor that a two-stage bundle's export
holds its first stage only (said once on stderr, at export time); its petloc-export.json held only
written_by, export_format, model and model_identity, "model" the absolute path of the bundle on the
training machine (a home folder's name in a file that is shipped). The note in the SavedModel, and one
beside the TFLite file, now record the input (size, RGB, 0..255), its preparation (EXIF, the stretch and
its OpenCV interpolations), the box layout and the stages exported, and name the model without a path."""

from __future__ import annotations

import json
import shutil

import pytest

from petloc_gui.model.export_note import NOTE_FILE, noted_identity, tflite_note_path
from tests.cli.helpers import run_cli


def _described(note: dict, width: int, height: int) -> None:
    assert note["input"]["width"] == width and note["input"]["height"] == height
    assert note["input"]["channels"] == 3 and note["input"]["colour_order"] == "RGB"
    assert note["input"]["value_range"] == [0, 255]
    preparation = note["preparation"]
    assert "EXIF Orientation" in preparation["exif_orientation"]
    assert preparation["resize"]["fit"] == "stretch"
    assert "cv2.INTER_AREA" in preparation["resize"]["shrinking"]
    assert "cv2.INTER_LINEAR" in preparation["resize"]["enlarging"]
    assert note["box"]["layout"] == ["xmin", "ymin", "xmax", "ymax"]
    assert note["box"]["normalised"] and note["box"]["clipped_to"] == [0, 1]


def _pathless(text: str, *paths) -> None:
    for path in paths:
        assert str(path) not in text
    assert '"/' not in text and ":\\\\" not in text  # no absolute path of any machine


@pytest.mark.slow
def test_the_notes_describe_the_input_and_name_the_model_without_a_path(tiny_bundle, tmp_path, capsys):
    bundle = shutil.copytree(tiny_bundle, tmp_path / "home" / "someone" / "tiny-model")
    saved, tflite = tmp_path / "sm", tmp_path / "out" / "d.tflite"
    code, _, err = run_cli(capsys, "export", bundle, "--saved-model", saved, "--tflite", tflite)
    assert code == 0, err
    in_saved_model = json.loads((saved / NOTE_FILE).read_text(encoding="utf-8"))
    beside_tflite = json.loads(tflite_note_path(tflite).read_text(encoding="utf-8"))
    assert tflite_note_path(tflite) == tmp_path / "out" / "d.petloc-export.json"
    for note in (in_saved_model, beside_tflite):
        _described(note, 32, 32)
        assert note["model"] == json.loads((bundle / "meta.json").read_text()).get("version_id", "tiny-model")
        assert note["stages"] == {"model": 1, "exported": 1}
        _pathless(json.dumps(note), bundle, tmp_path)
    assert in_saved_model["class_names"] == "assets/labels.txt"
    assert beside_tflite["class_names"] == "d.labels.txt"
    assert set(in_saved_model["input"]["signatures"]) == {"serving_default", "serve_float"}
    assert set(beside_tflite["input"]["signatures"]) == {"serve_float"}
    # what reads the note still knows the SavedModel for this model's: run again, it is kept
    assert noted_identity(saved) is not None
    tflite.unlink()
    code, _, err = run_cli(capsys, "export", bundle, "--saved-model", saved, "--tflite", tflite)
    assert code == 0 and "kept SavedModel" in err, err


@pytest.mark.slow
def test_a_two_stage_bundles_notes_say_the_first_stage_only_is_exported(tiny_bundle, tmp_path, capsys):
    bundle = shutil.copytree(tiny_bundle, tmp_path / "cascade")
    shutil.copy(bundle / "model.keras", bundle / "refine.keras")
    meta = json.loads((bundle / "meta.json").read_text())
    meta["refine"] = {"model_file": "refine.keras", "input_size": [32, 32], "margin": 1.8}
    (bundle / "meta.json").write_text(json.dumps(meta))
    code, _, err = run_cli(capsys, "export", bundle, "--saved-model", tmp_path / "sm", "--tflite",
                           tmp_path / "d.tflite")
    assert code == 0, err
    for note in (json.loads((tmp_path / "sm" / NOTE_FILE).read_text()),
                 json.loads(tflite_note_path(tmp_path / "d.tflite").read_text())):
        assert note["stages"]["model"] == 2 and note["stages"]["exported"] == 1
        assert "first stage only" in note["stages"]["note"]


@pytest.mark.slow
def test_a_note_a_killed_run_left_beside_the_tflite_file_is_kept_and_any_other_refused(tiny_bundle, tmp_path,
                                                                                       capsys):
    tflite = tmp_path / "d.tflite"
    code, _, err = run_cli(capsys, "export", tiny_bundle, "--tflite", tflite)
    assert code == 0, err
    note = tflite_note_path(tflite)
    written = note.read_bytes()
    tflite.unlink()  # what a run killed outright before its model was written leaves: the names file and the note
    code, _, err = run_cli(capsys, "export", tiny_bundle, "--tflite", tflite)
    assert code == 0 and tflite.is_file(), err
    assert f"are in {note}, which an earlier run wrote" in " ".join(err.split())
    assert note.read_bytes() == written
    tflite.unlink()
    note.write_text('{"written_by": "someone"}\n')
    code, _, err = run_cli(capsys, "export", tiny_bundle, "--tflite", tflite)
    assert code == 1 and not tflite.exists()
    assert "the note --tflite writes beside its file exists and is not this export's" in err
    assert note.read_text() == '{"written_by": "someone"}\n'


@pytest.mark.slow
def test_a_note_of_this_model_in_other_words_is_replaced_not_refused_after_the_conversion(tiny_bundle, tmp_path,
                                                                                          capsys):
    """A note of the same model (model_identity) whose bytes differ, an older petloc's wording or the model
    reached through another folder: the command's check kept it, export_tflite refused it once the
    SavedModel was written and the TFLite converted, and took both back, on every run. It is replaced."""
    tflite = tmp_path / "d.tflite"
    code, _, err = run_cli(capsys, "export", tiny_bundle, "--tflite", tflite)
    assert code == 0, err
    note = tflite_note_path(tflite)
    written = note.read_bytes()
    older = json.loads(written)
    older["preparation"]["reference"], older["model"] = "an older wording", "another-folder"
    note.write_text(json.dumps(older, indent=2))
    tflite.unlink()  # a run killed outright before its model was written, by another petloc
    code, _, err = run_cli(capsys, "export", tiny_bundle, "--saved-model", tmp_path / "sm", "--tflite", tflite)
    assert code == 0, err
    assert tflite.is_file() and (tmp_path / "sm" / NOTE_FILE).is_file()
    assert note.read_bytes() == written
    assert f"are in {note}, which an earlier run of this model wrote in other words, rewritten" in " ".join(
        err.split())
