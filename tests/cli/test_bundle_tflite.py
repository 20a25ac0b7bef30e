"""A bundle `petloc train --no-tflite` writes has no model.tflite (the bundled models, the window's retrained
versions and `petloc train`'s others do); the README's way to add one, `petloc export BUNDLE --tflite
BUNDLE/model.tflite`, gives the file the fast runtime takes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.cli.helpers import run_cli

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_the_readme_does_not_say_every_bundle_holds_a_tflite_model():
    text = " ".join(README.split())
    # it said a bundle is model.keras, meta.json "and, for fast CPU inference, model.tflite"
    assert "and, for fast CPU inference, `model.tflite`" not in text
    assert "Bundles written with `petloc train --no-tflite` (or by a petloc before it wrote the file) have no " \
           "`model.tflite`" in text
    assert "Retraining in the window and `petloc train` write the new version's `model.tflite`" in text
    assert re.search(r"`petloc export BUNDLE --tflite BUNDLE/model\.tflite` adds the file to a bundle", text)


@pytest.mark.slow
def test_export_tflite_into_a_bundle_gives_it_the_model_tflite_inference_uses(tiny_bundle, tmp_path, capsys):
    from petloc_gui.model.bundle import load_bundle
    from petloc_gui.model.runtime import TFLITE_FILENAME, make_runner

    bundle = Path(shutil.copytree(tiny_bundle, tmp_path / "bundle"))
    (bundle / TFLITE_FILENAME).unlink(missing_ok=True)  # as petloc train writes one (model.bundle_write.save_bundle)
    code, _, err = run_cli(capsys, "export", bundle, "--tflite", bundle / TFLITE_FILENAME)
    assert code == 0, err
    runner = make_runner(load_bundle(bundle).model, tflite_path=bundle / TFLITE_FILENAME, cache=False)
    assert runner.name == "tflite-xnnpack", getattr(runner, "fallbacks", None)
    # checked against model.keras and recorded so in meta.json: the window runs it with LiteRT, no TensorFlow
    from petloc_gui.model.lite_bundle import lite_servable

    assert lite_servable(bundle) and "recorded model.tflite in meta.json" in err
