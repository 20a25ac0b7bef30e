"""A version trained without validation images (too few images to hold any out: meta.json "metrics"
{"n_images": 0, "split": "none ..."}) says so, and shows no figure as if measured.

Before: `petloc models` said "0 validation images", as if its figures had been measured on none; then
"no validation images" also for a run whose validation images were held out but could not be read
(training recorded "none (no readable validation images)" for both; older records still do): its meta.json's
validation_parts tell them apart.
"""

from __future__ import annotations

import json
import shutil

from petloc_gui.app.model_metrics import metrics_text
from tests.cli.helpers import json_lines, run_cli
from tests.model_files import fake_bundle

UNMEASURED = {"loss": None, "n_images": 0, "split": "none (no readable validation images)"}


def _version(store, metrics, held_out=()):
    folder = fake_bundle(store / "digits" / "few", ["0", "1", "2"], preset="digits")
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    parts = {"selection": list(held_out[:1]), "report": list(held_out[1:])}  # as training records them
    (folder / "meta.json").write_text(json.dumps({**meta, "metrics": metrics, "validation_parts": parts}),
                                      encoding="utf-8")
    return folder


def test_the_figures_text_says_none_were_measured():
    assert metrics_text(UNMEASURED, "validation", 0) == "no validation images: figures not measured"
    assert metrics_text({"n_images": 0, "accuracy": 1.0}, "validation", 0) == \
        "no validation images: figures not measured"
    assert metrics_text(UNMEASURED, "validation", 3) == \
        "none of its 3 validation images could be read: figures not measured"
    # the record does not say which (a meta.json without validation_parts): either, never a guess
    assert metrics_text(UNMEASURED, "validation") == \
        "no validation images held out, or none readable: figures not measured"
    assert metrics_text({"n_images": 4, "accuracy": 0.5}, "validation") == (
        "acc 0.500 on 4 validation images (too few images to tell models apart)")
    assert metrics_text({}, "validation") == ""


def test_petloc_models_says_no_validation_images(capsys, _isolated_user_data):
    _version(_isolated_user_data / "models", {**UNMEASURED, "accuracy": 1.0})
    code, out, _ = run_cli(capsys, "models")
    line = next(line for line in out.splitlines() if line.startswith("digits/few "))
    assert code == 0 and "no validation images (not measured)" in line
    assert "0 validation images" not in line and "1.000" not in line
    code, out, _ = run_cli(capsys, "models", "--json")
    row = next(row for row in json_lines(out) if row["name"] == "digits/few")
    assert row["metrics"]["n_images"] == 0


def test_petloc_models_says_when_held_out_images_could_not_be_read(capsys, _isolated_user_data):
    _version(_isolated_user_data / "models", UNMEASURED, held_out=("a.png", "b.png"))
    code, out, _ = run_cli(capsys, "models")
    line = next(line for line in out.splitlines() if line.startswith("digits/few "))
    assert code == 0 and "none of its 2 validation images could be read (not measured)" in line


def test_the_versions_menu_says_no_validation_images(qtbot, _isolated_user_data):
    from petloc_gui.model.versions import VersionStore
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    folder = _version(_isolated_user_data / "models", UNMEASURED)
    [entry] = VersionsMenu(VersionStore(), lambda: "digits").version_actions()
    assert "no validation images: figures not measured" in entry.text()
    shutil.rmtree(folder)
    _version(_isolated_user_data / "models", UNMEASURED, held_out=("a.png", "b.png", "c.png"))
    [entry] = VersionsMenu(VersionStore(), lambda: "digits").version_actions()
    assert "none of its 3 validation images could be read: figures not measured" in entry.text()


def test_the_status_line_says_what_the_versions_menu_says(_isolated_user_data):
    """Before: the status line (ModelInfo.summary) passed no held-out count, so it read "no validation images
    held out, or none readable" where Versions said which."""
    from petloc_gui.ui.models.model_handle import model_info

    folder = _version(_isolated_user_data / "models", UNMEASURED)
    assert "no validation images: figures not measured" in model_info(str(folder)).summary
    shutil.rmtree(folder)
    folder = _version(_isolated_user_data / "models", UNMEASURED, held_out=("a.png", "b.png", "c.png"))
    assert "none of its 3 validation images could be read: figures not measured" in model_info(str(folder)).summary
