"""`petloc models --json` on a version whose figures were measured on no image (a run too small to hold any
validation image out, or one that could read none of those it held out): no split and no figure.

Before: `"split": "validation", "chose_epoch": false, "metrics": {"n_images": 0}` (and any figure the record
held beside the count), which a script filtering for held-out figures (`split == "validation" and not
chose_epoch`) took for them, while the table said "no validation images (not measured)"."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import fake_bundle

NONE_HELD_OUT = {"loss": None, "n_images": 0, "split": "none (no validation images held out)"}
NONE_READABLE = {"n_images": 0, "split": "validation (report part: did not choose the epoch)"}
MEASURED = {"n_images": 12, "accuracy": 0.5, "mean_iou": 0.25, "split": "validation (report part: did not "
                                                                         "choose the epoch)"}


def _version(store, name, metrics, held_out=()):
    folder = fake_bundle(store / "digits" / name, ["0", "1", "2"], preset="digits")
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    parts = {"selection": list(held_out[:1]), "report": list(held_out[1:])}
    (folder / "meta.json").write_text(json.dumps({**meta, "metrics": metrics, "validation_parts": parts}),
                                      encoding="utf-8")


def _rows(capsys) -> dict[str, dict]:
    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0 and assert_clean_errors(err) == []
    return {row["name"]: row for row in json_lines(out)}


@pytest.mark.parametrize(("metrics", "held_out", "said"), [
    ({**NONE_HELD_OUT, "accuracy": 1.0}, (), "no validation images (not measured)"),
    (NONE_READABLE, ("a.png", "b.png"), "none of its 2 validation images could be read (not measured)")])
def test_figures_on_no_image_have_no_split_and_no_figure(capsys, _isolated_user_data, metrics, held_out, said):
    _version(_isolated_user_data / "models", "few", metrics, held_out)
    row = _rows(capsys)["digits/few"]
    assert row["split"] is None and row["chose_epoch"] is None
    assert row["metrics"] == {"n_images": 0}  # the count stays; an accuracy recorded beside it is no figure
    code, out, _ = run_cli(capsys, "models")  # the table says why, as before
    line = next(line for line in out.splitlines() if line.startswith("digits/few "))
    assert code == 0 and said in line


def test_measured_figures_keep_their_split(capsys, _isolated_user_data):
    _version(_isolated_user_data / "models", "many", MEASURED)
    row = _rows(capsys)["digits/many"]
    assert row["split"] == "validation" and row["chose_epoch"] is False
    assert row["metrics"] == {"n_images": 12, "accuracy": 0.5, "mean_iou": 0.25}
