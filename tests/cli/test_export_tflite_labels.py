"""`petloc export --tflite`: the class names the flatbuffer cannot hold go beside it, and the
file's real signature (outputs box and probabilities, by position box first, batch 1) is the documented one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from petloc_gui.model.export import labels_path
from tests.cli.helpers import assert_clean_errors, run_cli

CLI_MD = " ".join((Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8").split())


def test_the_names_file_is_named_after_the_model():
    assert labels_path(Path("runs/pets.tflite")) == Path("runs/pets.labels.txt")


@pytest.mark.slow
def test_tflite_export_writes_the_class_names_and_has_the_documented_signature(tiny_bundle, tmp_path, capsys):
    import json

    import numpy as np
    import tensorflow as tf

    target = tmp_path / "tiny.tflite"
    code, out, err = run_cli(capsys, "export", tiny_bundle, "--tflite", target)
    assert code == 0, err
    names = json.loads((tiny_bundle / "meta.json").read_text())["class_names"]
    assert (tmp_path / "tiny.labels.txt").read_text(encoding="utf-8") == "".join(f"{n}\n" for n in names)
    assert f"class names, one per line in class index order, to {tmp_path / 'tiny.labels.txt'}" in err
    assert out.split() == [str(target)]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # written atomically

    interpreter = tf.lite.Interpreter(model_path=str(target))
    assert interpreter.get_signature_list() == {"serve_float": {"inputs": ["images"],
                                                                "outputs": ["box", "probabilities"]}}
    interpreter.allocate_tensors()
    (image,) = interpreter.get_input_details()
    assert list(image["shape"]) == [1, 32, 32, 3] and list(image["shape_signature"]) == [-1, 32, 32, 3]
    assert [list(o["shape"]) for o in interpreter.get_output_details()] == [[1, 4], [1, len(names)]]
    runner = interpreter.get_signature_runner("serve_float")
    result = runner(images=np.full((2, 32, 32, 3), 100, np.float32))
    assert result["box"].shape == (2, 4) and result["probabilities"].shape == (2, len(names))
    # What docs/cli.md promises of the file is what it has.
    assert "no `label` output" in CLI_MD and "output 0 is `box` (1 x 4), output 1 is `probabilities`" in CLI_MD
    assert re.search(r"allocated for batch 1", CLI_MD)


# In a fresh interpreter: the test process has TensorFlow loaded already (tiny_bundle).
_EXPORT = ("import sys; from petloc_gui.cli.main import main; code = main(sys.argv[1:]); "
           "print('tensorflow' in sys.modules); sys.exit(code)")


def _export_in_a_fresh_process(*argv):
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(root), os.environ.get("PYTHONPATH"))))}
    return subprocess.run([sys.executable, "-c", _EXPORT, "export", *map(str, argv)], capture_output=True,
                          text=True, timeout=120, cwd=root, env=env)


def test_an_existing_names_file_is_refused_before_tensorflow_loads(tmp_path):
    existing = tmp_path / "m.labels.txt"
    existing.write_text("someone else's\n")
    done = _export_in_a_fresh_process("digits", "--tflite", tmp_path / "m.tflite")
    assert done.returncode == 1 and done.stdout.split() == ["False"], done.stderr  # TensorFlow never loaded
    assert len(assert_clean_errors(done.stderr)) == 1 and "class names file" in done.stderr
    assert str(existing) in done.stderr and existing.read_text() == "someone else's\n"
    assert not (tmp_path / "m.tflite").exists()


def test_an_existing_names_file_is_refused_before_the_saved_model_is_written(tmp_path):
    (tmp_path / "m.labels.txt").write_text("someone else's\n")
    done = _export_in_a_fresh_process("digits", "--saved-model", tmp_path / "sm", "--tflite", tmp_path / "m.tflite")
    assert done.returncode == 1 and done.stdout.split() == ["False"], done.stderr
    assert "class names file" in done.stderr and "wrote SavedModel" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.labels.txt"]


def test_only_a_bundles_own_model_tflite_is_its_own(tmp_path):
    from petloc_gui.model.export import is_bundles_own

    bundle = tmp_path / "b"
    bundle.mkdir()
    assert is_bundles_own(bundle / "model.tflite", bundle)
    assert is_bundles_own(bundle / ".." / "b" / "model.tflite", bundle)
    assert not is_bundles_own(bundle / "other.tflite", bundle)
    assert not is_bundles_own(tmp_path / "model.tflite", bundle)


@pytest.mark.slow
def test_a_bundles_own_model_tflite_gets_no_names_file_and_can_be_made_again(tiny_bundle, tmp_path, capsys):
    import shutil

    bundle = tmp_path / "bundle"
    shutil.copytree(tiny_bundle, bundle)
    (bundle / "model.tflite").unlink(missing_ok=True)
    before = sorted(p.name for p in bundle.iterdir())
    for _ in range(2):  # the README's way to add the file, and again after deleting it to refresh it
        code, _, err = run_cli(capsys, "export", bundle, "--tflite", bundle / "model.tflite")
        assert code == 0, err
        assert "into the bundle, whose meta.json holds its class names" in err
        assert sorted(p.name for p in bundle.iterdir()) == sorted([*before, "model.tflite"])
        (bundle / "model.tflite").unlink()
