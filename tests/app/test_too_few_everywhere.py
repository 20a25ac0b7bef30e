"""Figures on fewer than 20 images carry "too few images to tell models apart" wherever they are shown: Versions
marked them, but the status bar, the Dataset panel (`metrics_text`) and `petloc models` (`basis_text`) said
"acc 1.000 on 2 validation images" bare. One rule, in app.model_metrics."""

from __future__ import annotations

from petloc_gui.app.model_metrics import TOO_FEW_MARK, basis_text, metrics_text, too_few_text
from petloc_gui.core.paired_stats import MIN_IMAGES


def test_the_mark_is_on_some_images_fewer_than_a_verdict_needs():
    assert too_few_text({"n_images": 1}) == too_few_text({"n_images": MIN_IMAGES - 1}) == TOO_FEW_MARK
    for record in ({"n_images": MIN_IMAGES}, {"n_images": 0}, {}, {"n_images": "two"}, None):
        assert too_few_text(record) == ""


def test_metrics_text_says_it_after_the_count():
    assert metrics_text({"n_images": 2, "accuracy": 1.0, "mean_iou": 0.711}, "validation") == (
        f"acc 1.000 · IoU 0.711 on 2 validation images ({TOO_FEW_MARK})")
    assert metrics_text({"n_images": 48, "accuracy": 1.0}, "test") == "acc 1.000 on 48 test images"


def test_after_what_a_version_s_figures_rest_on():
    basis = {"n_validation": 12, "images": "images neither model trained on", "hedges": ["a note"]}
    assert basis_text({"n_images": 8, "basis": basis}) == (
        "of 12, images neither model trained on; somewhat optimistic: 1 note says so, as recorded when the version "
        f"was kept; {TOO_FEW_MARK}")
    assert basis_text({"n_images": 3}) == TOO_FEW_MARK  # no basis recorded: `petloc models`' bundles, runs


def test_petloc_models_says_it_in_its_measured_on_column(capsys, _isolated_user_data):
    from tests.cli.helpers import run_cli
    from tests.cli.test_models import _version

    store = _isolated_user_data / "models"
    _version(store, "few", '{"n_images": 2, "accuracy": 1.0, "mean_iou": 0.711}')
    _version(store, "many", '{"n_images": 40, "accuracy": 0.9, "mean_iou": 0.8}')
    code, out, _ = run_cli(capsys, "models")
    table = {line.split()[0]: line for line in out.splitlines()[1:] if line.strip()}
    assert code == 0 and f"2 validation images ({TOO_FEW_MARK})" in table["digits/few"]
    assert TOO_FEW_MARK not in table["digits/many"]
