"""A retrained version's figures say what they rest on.

The window stores the comparison's figures of the new model as the version's (train_worker). With the
current model's training images left out they were on a subset of the report images, and the
comparison's hedges (images that chose the current model's epoch, MNIST digits a model learned) stayed
in the comparison: the status line, Versions and `petloc models` read "acc … on 8 validation images" as
if on the report part. Only the hedges about the new model's figures are the version's: a note that the
current model chose its epoch on some of these images says nothing against the new model's figures.
"""

from __future__ import annotations

import json

from petloc_gui.app.model_metrics import headline_metrics, metrics_text
from petloc_gui.model.train_worker import version_figures

from .test_comparison_record import scored  # noqa: F401 - the fixture

OLD_HEDGE = ("2 of them chose the current model's epoch (its validation selection part), so its figures on them "
             "are somewhat optimistic.")
NEW_HEDGE = ("1 of them holds an MNIST digit that the new model learned on other canvases (the digits of petloc "
             "digits --split train), so the new model's figures on it are optimistic.")
COMPARISON = {"n_images": 8, "n_validation": 20, "basis": "images neither model trained on",
              "images": [f"v{i}.png" for i in range(8)], "hedges": [OLD_HEDGE, NEW_HEDGE], "new_hedges": [NEW_HEDGE],
              "new": {"n_images": 8, "accuracy": 0.875, "mean_iou": 0.5, "iou_ge_50": 0.5, "iou_ge_75": 0.25}}


def test_the_version_figures_keep_their_basis_and_every_reader_says_it():
    figures = version_figures(COMPARISON, {"metrics": {"n_images": 20, "accuracy": 0.9}})
    assert figures["basis"] == {"images": "images neither model trained on", "n_validation": 20,
                                "relpaths": COMPARISON["images"], "hedges": [NEW_HEDGE]}
    text = metrics_text(figures, "validation")
    assert text.startswith("acc 0.875 · IoU 0.500 on 8 validation images (of 20, images neither model trained on; ")
    assert "somewhat optimistic: 1 note says so" in text
    metrics, split = headline_metrics({}, json.loads(json.dumps(figures)))  # as the status line reads it
    assert metrics_text(metrics, split) == text
    # the run's own figures when there was no comparison: nothing more to say
    assert version_figures(None, {"metrics": {"n_images": 20, "accuracy": 0.9}}) == {"n_images": 20,
                                                                                     "accuracy": 0.9}
    fair = {**COMPARISON, "n_validation": 8, "hedges": [], "new_hedges": []}
    assert metrics_text(version_figures(fair, {}), "validation") == (
        "acc 0.875 · IoU 0.500 on 8 validation images (too few images to tell models apart)")


def test_notes_about_the_current_models_figures_alone_do_not_hedge_the_new_versions():
    # a fine-tune keeps its parent's validation images: some chose the parent's epoch, which flatters the
    # parent's figures on them, not the new model's
    about_old = {**COMPARISON, "n_validation": 8, "hedges": [OLD_HEDGE], "new_hedges": []}
    figures = version_figures(about_old, {})
    assert figures["basis"]["hedges"] == []
    assert metrics_text(figures, "validation") == (
        "acc 0.875 · IoU 0.500 on 8 validation images (too few images to tell models apart)")


def test_petloc_models_lists_the_basis(capsys, _isolated_user_data):
    from tests.cli.helpers import json_lines, run_cli
    from tests.model_files import add_model_file

    folder = _isolated_user_data / "models" / "digits" / "v1"
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"format_version": 1, "preset": "digits", "class_names": ["0", "1"],
                                                  "input_size": [32, 32], "metrics": {"n_images": 20}}))
    add_model_file(folder)
    (folder / "version.json").write_text(json.dumps({"id": "v1", "preset": "digits", "created": "2026-01-01",
                                                     "metrics": version_figures(COMPARISON, {})}))
    code, out, _ = run_cli(capsys, "models", "--json")
    row = next(r for r in json_lines(out) if r["name"] == "digits/v1")
    assert code == 0 and row["basis"]["n_validation"] == 20 and row["basis"]["hedges"] == [NEW_HEDGE]
    code, out, _ = run_cli(capsys, "models")
    line = next(line for line in out.splitlines() if line.startswith("digits/v1"))
    assert "8 validation images (of 20, images neither model trained on; somewhat optimistic" in line


def test_the_comparison_returns_the_images_and_hedges_its_figures_rest_on(tmp_path, scored):  # noqa: F811
    from petloc_gui.model import comparison

    from .test_comparison_record import _current_and_fresh

    # copy.jpg: the bytes of an image the current model trained on
    new, images, parent, meta = _current_and_fresh(tmp_path, copy=True)
    *fresh, copy = images
    meta["validation_parts"] = {"selection": ["v0.jpg"], "report": []}
    (parent / "meta.json").write_text(json.dumps(meta))
    result = comparison.compare_models(new, "default", tmp_path / "nb", [p.name for p in [*fresh, copy]],
                                       old_model=str(parent), fine_tuned=True)
    assert result["images"] == ["v0.jpg", "v1.jpg", "v2.jpg", "v3.jpg"] and result["n_validation"] == 5
    assert len(result["hedges"]) == 1 and result["hedges"][0].startswith("1 of them chose the current model's")
    assert result["hedges"][0] in result["note"] and result["new_hedges"] == []  # the current model's alone
    figures = version_figures(result, {})
    assert figures["basis"]["hedges"] == []
    assert metrics_text(figures, "validation") == (
        "acc 0.500 · IoU 0.500 on 4 validation images (of 5, images neither model trained on; too few images to "
        "tell models apart)")
