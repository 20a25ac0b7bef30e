"""`petloc models` shows a figure as the window does: rounded once, to the 3 decimals shown. It rounded
to 4 places first (0.09354 -> 0.0935) and then showed 3 (0.093), where Versions and the status bar
showed 0.094."""

from __future__ import annotations

from petloc_gui.app.model_metrics import metrics_text
from tests.cli.helpers import assert_clean_errors, json_lines, run_cli
from tests.model_files import add_model_file


def test_the_table_shows_the_windows_figure_and_json_keeps_four_places(capsys, _isolated_user_data):
    folder = _isolated_user_data / "models" / "photo" / "v"
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(
        '{"format_version": 1, "preset": "photo", "class_names": ["cat", "kitten"], "input_size": [32, 32], '
        '"created": "2026-11-23T12:00:00+00:00", '
        '"metrics": {"n_images": 3, "accuracy": 0.33333333, "mean_iou": 0.09353876}}', encoding="utf-8")
    add_model_file(folder)
    window = metrics_text({"n_images": 3, "accuracy": 0.33333333, "mean_iou": 0.09353876}, "validation")
    assert "IoU 0.094" in window  # the Versions menu and the status bar

    code, out, err = run_cli(capsys, "models")
    assert code == 0 and assert_clean_errors(err) == []
    row = next(line for line in out.splitlines() if line.startswith("photo/v"))
    assert " 0.094 " in row and "0.093" not in row and " 0.333 " in row

    code, out, _ = run_cli(capsys, "models", "--json")
    metrics = next(r for r in json_lines(out) if r["name"] == "photo/v")["metrics"]
    assert metrics["mean_iou"] == 0.0935 and metrics["accuracy"] == 0.3333  # scripts: 4 places, as before
