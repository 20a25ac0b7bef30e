"""A version whose recorded metrics hold Infinity, 1e999 or a 400-digit integer (Python's json reads all
three) is shown without them, by one rule for the window and `petloc models` (app.model_metrics).

Before: int(inf) and float(10**400) raised in the window: at start-up Model → Retrain… and Versions were
gone (the Versions menu could not be built), and a folder using that version stayed on "Loading model…"
with no predictions.
"""

from __future__ import annotations

import json

import pytest

from petloc_gui.app.model_metrics import metric_problem, metrics_text, usable_metrics
from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file

from .conftest import PRED, FakeFactory

HUGE = "1" + "0" * 400
BAD = {  # JSON text of metrics Python's json reads, that are no figures / no count
    "infinite count": '{"accuracy": 0.9, "mean_iou": 0.5, "n_images": Infinity}',
    "huge count": '{"accuracy": 0.9, "mean_iou": 0.5, "n_images": ' + HUGE + "}",
    "overflowing float": '{"accuracy": 1e999, "mean_iou": 0.5, "n_images": 12}',
    "huge figure": '{"accuracy": ' + HUGE + ', "mean_iou": 0.5, "n_images": 12}',
    "NaN figure": '{"accuracy": NaN, "mean_iou": 0.5, "n_images": 12}',
}


def _version(store: VersionStore, metrics_text_json: str):
    """A usable stored version whose version.json "metrics" is the JSON text given."""
    folder = store.root / "digits" / "v1"
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"format_version": 1, "preset": "digits", "class_names": ["a", "b"],
                                                  "input_size": [32, 32]}), encoding="utf-8")
    (folder / "version.json").write_text('{"id": "v1", "preset": "digits", "created": "2026-12-01T10:00:00", '
                                         f'"metrics": {metrics_text_json}}}', encoding="utf-8")
    add_model_file(folder)
    return store.list()[0]


@pytest.mark.parametrize("case", sorted(BAD))
def test_the_rule_ignores_what_is_no_figure_or_count(case):
    metrics = json.loads(BAD[case])
    text = metrics_text(metrics, "validation")
    assert "IoU 0.500" in text and "inf" not in text and "nan" not in text and HUGE not in text
    usable = usable_metrics(metrics)
    assert usable["mean_iou"] == 0.5
    bad = [key for key, value in metrics.items() if key not in usable]
    assert len(bad) == 1 and metric_problem(bad[0], metrics[bad[0]]).endswith("; ignored")
    assert HUGE not in metric_problem(bad[0], metrics[bad[0]])  # described, not written out


@pytest.mark.parametrize("case", sorted(BAD))
def test_the_versions_menu_lists_such_a_version(qtbot, tmp_path, case):
    from petloc_gui.ui.models.model_versions_menu import VersionsMenu

    store = VersionStore(tmp_path / "models")
    _version(store, BAD[case])
    menu = VersionsMenu(store, lambda: "digits")
    [entry] = menu.version_actions()
    assert "IoU 0.500" in entry.text() and "mean_iou: 0.5" in entry.toolTip()
    assert HUGE not in entry.toolTip() and "inf" not in entry.toolTip()


class DescribedFactory(FakeFactory):
    """Fake models described from their meta.json and version record, as the real loader does."""

    def __call__(self, spec: str):
        from petloc_gui.ui.models.model_handle import model_info

        handle = super().__call__(spec)
        handle.info = model_info(spec)
        return handle


@pytest.fixture
def factory() -> DescribedFactory:  # the window fixture's models
    return DescribedFactory(dict(PRED))


@pytest.mark.parametrize("case", ["infinite count", "huge count"])
def test_a_folder_using_such_a_version_gets_its_model_loaded(qtbot, window, folder, case):
    version = _version(VersionStore(), BAD[case])
    window.open_folder(folder, model=str(version.path))
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert window.model_status_text().startswith("Model: ") and "on validation images" in window.model_status_text()
    panel = window.dataset_panel.model_label.text()  # the Dataset panel's figures: the count is not shown
    assert "mean IoU: 0.500" in panel and "<br>images:" not in panel


@pytest.mark.parametrize("case", ["infinite count", "huge figure"])
def test_retraining_is_installed_with_such_a_version_in_the_store(qtbot, window, case):
    from petloc_gui.ui.app import install_retraining

    _version(VersionStore(), BAD[case])
    install_retraining(window)
    controller = window.retrain_controller
    try:
        assert controller is not None, window.statusBar().currentMessage()  # "Retraining unavailable: ..."
        assert [a.data() for a in controller.versions_menu.version_actions()] == ["v1"]
    finally:
        if controller is not None:
            controller.shutdown()
