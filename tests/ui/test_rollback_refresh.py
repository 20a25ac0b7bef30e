"""Issue 11 point 8: after a rollback to a model used earlier in the run, the list must fill again.

Cause: the prediction cache is keyed by model version, so every image of a model
used before is a cache hit; the worker skips cached images, so no ``predicted``
signal ever came, while switching model had cleared the list's prediction
columns. The Predicted/Conf/IoU columns stayed empty and the review queue fell
back to name order.
"""

from __future__ import annotations

from .conftest import PRED, open_and_wait, wait_predictions


def _filled(window) -> int:
    return window.session.model.count_predicted_or_failed()


def test_rolling_back_to_a_model_used_before_fills_the_list_from_the_cache(qtbot, window, folder, factory):
    open_and_wait(qtbot, window, folder, model="fake")
    window.file_dock.set_review_order(True)
    first_order = [window.session.model.item_at(r) for r in range(5)]
    window.models.choose("pets")  # another model: the columns are cleared and refilled
    qtbot.waitUntil(lambda: window.current_model_info() is not None
                    and window.current_model_info().spec == "pets", timeout=10_000)
    wait_predictions(qtbot, window)
    window.models.choose("fake")  # the rollback: every image of "fake" is cached
    qtbot.waitUntil(lambda: window.current_model_info() is not None
                    and window.current_model_info().spec == "fake", timeout=10_000)
    wait_predictions(qtbot, window, timeout=3000)
    assert _filled(window) == 5
    model = window.session.model
    row = model.names.index("b.png")
    assert model.pred_label[row] == PRED["b.png"].label and model.iou[row] is not None
    model.update_ranks()
    assert [model.item_at(r) for r in range(5)] == first_order  # the queue, not name order
    # Nothing was predicted again: the results came from the cache.
    rolled_back = factory.handles[-1]
    assert rolled_back.info.spec == "fake" and rolled_back.calls == []


def test_a_model_switched_away_from_while_loading_is_not_used(qtbot, window, folder, factory):
    open_and_wait(qtbot, window, folder, model="fake")
    window.models.choose("pets")
    window.models.choose("digits")  # before "pets" has loaded
    qtbot.waitUntil(lambda: window.current_model_info() is not None
                    and window.current_model_info().spec == "digits", timeout=10_000)
    wait_predictions(qtbot, window)
    assert window.current_model_spec() == "digits"
    assert window.predictions.version() == "digits-v1"
