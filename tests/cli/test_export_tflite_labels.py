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


def test_an_existing_names_file_is_refused_before_tensorflow_loads(tiny_bundle, tmp_path, capsys):
    existing = tmp_path / "m.labels.txt"
    existing.write_text("someone else's\n")
    code, out, err = run_cli(capsys, "export", tiny_bundle, "--tflite", tmp_path / "m.tflite")
    assert code == 1 and out == "" and len(assert_clean_errors(err)) == 1
    assert "class names file" in err and existing.read_text() == "someone else's\n"
    assert not (tmp_path / "m.tflite").exists()
