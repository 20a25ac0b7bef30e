"""`petloc export` and `petloc models`."""

from __future__ import annotations

import shutil

import pytest

from tests.cli.helpers import assert_clean_errors, json_lines, run_cli


@pytest.mark.slow
def test_export_saved_model_and_tflite(tiny_bundle, tmp_path, capsys):
    saved = tmp_path / "sm"
    tflite = tmp_path / "runs" / "tiny.tflite"  # a folder that does not exist yet: made, as train makes --out
    code, out, err = run_cli(capsys, "export", tiny_bundle, "--saved-model", saved, "--tflite", tflite)
    assert code == 0, err
    assert (saved / "saved_model.pb").is_file()
    assert tflite.read_bytes()[4:8] == b"TFL3"
    assert out.split() == [str(saved), str(tflite)]

    import tensorflow as tf

    loaded = tf.saved_model.load(str(saved))
    result = loaded.signatures["serving_default"](images=tf.fill([1, 32, 32, 3], tf.constant(200, tf.uint8)))
    assert result["box"].shape == (1, 4)
    assert result["probabilities"].shape == (1, 2)


def test_export_never_replaces_existing_output(tiny_bundle, tmp_path, capsys):
    existing = tmp_path / "model.tflite"
    existing.write_bytes(b"precious")
    code, out, err = run_cli(capsys, "export", tiny_bundle, "--tflite", existing)
    assert code == 1 and out == ""
    assert len(assert_clean_errors(err)) == 1
    assert existing.read_bytes() == b"precious"
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("x")
    code, _, err = run_cli(capsys, "export", tiny_bundle, "--saved-model", full)
    assert code == 1 and "not an empty folder" in err
    code, _, err = run_cli(capsys, "export", tiny_bundle)
    assert code == 2 and assert_clean_errors(err) == [  # a bad command line (docs/cli.md: exit status 2)
        "petloc: nothing to do: give --saved-model DIR and/or --tflite FILE (see `petloc export --help`)"
    ]
    code, _, err = run_cli(capsys, "export", tmp_path / "nomodel", "--tflite", tmp_path / "new" / "m.tflite")
    assert code == 1 and not (tmp_path / "new").exists()  # a refused export makes no folder


def test_export_refuses_one_path_for_both_outputs_and_a_folder_that_takes_no_file(tiny_bundle, tmp_path, capsys):
    same = tmp_path / "out"
    code, out, err = run_cli(capsys, "export", tiny_bundle, "--saved-model", same, "--tflite", same)
    assert code == 2 and out == "" and "both name" in err and not same.exists()
    code, out, err = run_cli(capsys, "export", tiny_bundle, "--tflite", "/proc/petloc-test.tflite")
    lines = assert_clean_errors(err)  # before TensorFlow loads, naming the path given
    assert code == 1 and out == "" and lines == [lines[0]]
    assert lines[0].startswith("petloc: /proc/petloc-test.tflite: cannot write here")


def test_models_lists_bundled_and_trained(tiny_bundle, tmp_path, monkeypatch, capsys, _isolated_user_data):
    resources = tmp_path / "resources"
    shutil.copytree(tiny_bundle, resources / "models" / "digits")  # no pets bundle on purpose
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(resources))
    shutil.copytree(tiny_bundle, _isolated_user_data / "models" / "digits" / "20261123-120000-abcd")

    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0
    rows = {row["name"]: row for row in json_lines(out)}
    assert rows["digits"]["kind"] == "bundled"
    assert rows["digits"]["metrics"]["accuracy"] == 1.0
    assert rows["pets"]["path"] is None and rows["pets"]["error"]
    trained = [row for row in rows.values() if row["kind"] == "trained"]
    assert len(trained) == 1 and trained[0]["preset"] == "digits"
    assert assert_clean_errors(err) == []

    code, out, _ = run_cli(capsys, "models")
    assert code == 0
    table = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert "1.000" in table["digits"] and str(resources) in table["digits"]
    assert "unavailable: " in table["pets"]


def test_the_help_says_a_two_stage_export_holds_the_first_stage_only():
    """The epilog said the refine stage 'ships beside' the export; export writes the first stage alone
    (model.export takes bundle.model; docs/cli.md: 'the export is the first stage only')."""
    from petloc_gui.cli import cmd_export

    text = " ".join(cmd_export.EPILOG.split())
    assert "ships beside" not in text
    assert "exports the first stage only: the crop-and-refine stage is not in the export" in text
    assert "served boxes and class probabilities are the first stage's" in text
