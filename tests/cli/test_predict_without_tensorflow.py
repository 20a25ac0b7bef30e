"""`petloc predict` and `petloc evaluate` run a bundle whose meta.json records its .tflite files as converted
from the .keras files beside it with LiteRT, never importing TensorFlow (`model.lite_bundle`, the window's
rule): its import was 5-13 s of every command on the 2-core machine, for the same flatbuffers. A bundle
without such a record, or with a file changed since, still predicts through TensorFlow, the same records."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from petloc_gui.cli import model_loading
from petloc_gui.core.paths import resources_dir
from petloc_gui.model.tflite_provenance import RECORD_KEY
from tests.cli.helpers import json_lines, run_cli, write_image

ROOT = Path(__file__).resolve().parents[2]


def test_predict_and_evaluate_on_the_bundled_models_never_import_tensorflow(tmp_path):
    photo = write_image(tmp_path / "photo.png", 75, 75, (200, 200, 200))
    digits = tmp_path / "digits"
    code = textwrap.dedent(f"""
        import contextlib, io, sys
        from petloc_gui.cli.main import main
        for argv in (["digits", {str(digits)!r}, "--split", "test", "--count", "10"],
                     ["predict", {str(photo)!r}, "--model", "digits", "--json"],
                     ["predict", {str(photo)!r}, "--model", "pets", "--json"],
                     ["evaluate", {str(digits)!r}, "--model", "digits", "--json"]):
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                assert main(argv) == 0, argv
            print(out.getvalue().strip().splitlines()[-1])
        print(sorted(m for m in ("tensorflow", "keras") if m in sys.modules))
        """)
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert done.returncode == 0, done.stderr
    *results, imported = done.stdout.strip().splitlines()
    assert imported == "[]", done.stdout
    digit, pet, report = (json.loads(line) for line in results[1:])
    assert digit["label"] and pet["label"] and len(digit["box"]) == len(pet["box"]) == 4
    assert report["n_images"] == 10 and report["accuracy"] is not None


def _spoiled(folder: Path, how: str) -> None:
    if how == "no record":
        meta_path = folder / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        del meta[RECORD_KEY]
        meta_path.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    else:  # a byte appended: its record no longer matches, and it still runs as before
        tflite = folder / "model.tflite"
        tflite.write_bytes(tflite.read_bytes() + b"\0")


@pytest.mark.parametrize("how", ["no record", "a byte appended to model.tflite"])
def test_a_bundle_whose_record_does_not_match_predicts_through_tensorflow_the_same(tmp_path, capsys, monkeypatch,
                                                                                  how):
    photos = tmp_path / "photos"
    photos.mkdir()
    for i, color in enumerate([(250, 250, 250), (30, 30, 30), (120, 200, 40)]):
        write_image(photos / f"p{i}.png", 75 + 25 * i, 75, color)
    loads: list[str] = []
    load_tensorflow = model_loading.load_tensorflow
    monkeypatch.setattr(model_loading, "load_tensorflow", lambda: loads.append("tensorflow") or load_tensorflow())

    code, shipped_out, err = run_cli(capsys, "predict", photos, "--model", "digits", "--json")
    assert code == 0, err
    assert loads == []  # the bundled one, its record matching: LiteRT alone
    folder = Path(shutil.copytree(resources_dir() / "models" / "digits", tmp_path / "copy"))
    _spoiled(folder, how)
    code, copy_out, err = run_cli(capsys, "predict", photos, "--model", folder, "--json")
    assert code == 0, err
    assert loads == ["tensorflow"]
    assert json_lines(copy_out) == json_lines(shipped_out) and len(json_lines(copy_out)) == 3
