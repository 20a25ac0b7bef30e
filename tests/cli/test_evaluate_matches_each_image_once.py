"""`petloc evaluate` matches each image to its prediction (`core.metrics.best_gt_match`) once: the figures,
the rows of the labels the model does not know, their confusion rows and the "trained on" column all count
from that one match (before: four matches an image, each of these matching it again)."""

from __future__ import annotations

from petloc_gui.model.bundle import file_sha256
from tests.cli.helpers import bundle_with_meta, counted_matches, last_json, run_cli
from tests.cli.test_evaluate_unknown_label_rows import _folder


def test_each_image_is_matched_once_and_the_report_is_unchanged(tmp_path, tiny_bundle, capsys, monkeypatch):
    folder = _folder(tmp_path)  # labels the model does not know: their rows and confusion rows are counted
    # trained on the one blue image (lion and cat, its truth the lion): the "trained on" column is counted too
    model = bundle_with_meta(tiny_bundle, tmp_path, splits={"train": ["elsewhere/blue.png"], "validation": [],
                                                            "test": []},
                             images={"elsewhere/blue.png": {"sha256": file_sha256(folder / "lion_and_cat.png")}})
    matched = counted_matches(monkeypatch)
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    assert matched == {"cat": 1, "cat,zebra": 1, "lion": 1, "cat,lion": 1}
    report = last_json(out)
    assert report["unknown_per_class"]["lion"] == {"count": 2, "accuracy": 0.0, "mean_iou": 0.0}
    assert report["confusion_unknown_labels"] == {"lion": [1, 1], "zebra": [0, 0]}
    assert report["n_trained_on"] == 1 and report["trained_on_per_class"] == {"cat": 0, "dog": 0, "lion": 1,
                                                                             "zebra": 0}
