"""The status line's compact model label keeps every caution its whole text carries, in short. A version retrained
and kept in the window (its figures the comparison's, its cautions the comparison's hedges) read "Model: pets
pets-20261205T100740Z-b9ae34 (acc 1.000 · IoU 0.927)" at 1400 px: no "on 1 validation image", no caution and no
"…", as if complete and clean figures; only meta.json's accepted-boxes mark had a short form. Now: the figures,
their count and a short form of each caution; the name gives way (in its middle) before them, and the text is cut at
its end, with "…", only when the label is narrower than that."""

from __future__ import annotations

import pytest

from petloc_gui.app.model_metrics import ACCEPTED_KEY, headline_metrics, metrics_text
from petloc_gui.ui.model_info import ModelInfo
from petloc_gui.ui.model_label_fit import ModelLine, fitted_text, least_width, loaded_line
from petloc_gui.ui.status_line import label_shown_text
from tests.ui.status_message_room import show_message_leaving

NAME = "pets pets-20261205T100740Z-b9ae34"
OWN = {"n_images": 1, "accuracy": 1.0, "mean_iou": 0.9271, "split": "validation"}
ACCEPTED = {"n_images": 1, "n_scored": 1}  # the validation image's box was accepted from the parent
HEDGE = ("1 of them holds boxes accepted unchanged from model pets, which the new model was fine-tuned from: its "
         "figures on it flatter it")
KEPT = {**OWN, "basis": {"n_validation": 1, "images": "images neither model trained on", "hedges": [HEDGE]}}
SUBSET = {**OWN, "n_images": 12, "basis": {"n_validation": 20, "images": "images neither model trained on",
                                           "hedges": [HEDGE, HEDGE]}}
FIGURES = "acc 1.000 · IoU 0.927 on 1 validation image"
# (meta.json, the version's record) as the window reads them (`headline_metrics`), and the least form's details
CASES = {
    "kept in the window": ({"metrics": OWN, ACCEPTED_KEY: ACCEPTED}, KEPT,
                           f"{FIGURES} · optimistic · too few to compare"),
    "meta.json's accepted record": ({"metrics": OWN, ACCEPTED_KEY: ACCEPTED}, None,
                                    f"{FIGURES} · 1/1 accepted · too few to compare"),
    "both": ({"metrics": KEPT, ACCEPTED_KEY: ACCEPTED}, KEPT,
             f"{FIGURES} · optimistic · 1/1 accepted · too few to compare"),
    "none": ({"metrics": {**OWN, "n_images": 48, "split": "test"}}, None, "acc 1.000 · IoU 0.927 on 48 test images"),
    "on some of the validation images": ({"metrics": OWN}, SUBSET,
                                         "acc 1.000 · IoU 0.927 on 12 of 20 validation images · optimistic · "
                                         "too few to compare"),
}


def _label(case: str) -> ModelLine:
    """The label's line as the model controller sends it (`loaded_line`: its text and the figures' parts)."""
    meta, version, _ = CASES[case]
    metrics, split = headline_metrics(meta, version)
    line = loaded_line(ModelInfo(spec="pets", name=NAME, path=None, version_id="v", metrics=metrics, split=split))
    assert line == f"Model: {NAME} ({metrics_text(metrics, split)})"
    return line


def _least(case: str) -> str:
    return CASES[case][2]


@pytest.fixture
def metrics(qapp):
    from PySide6.QtWidgets import QLabel

    return QLabel().fontMetrics()


def _kept_or_cut(shown: str, least: str) -> bool:
    """``shown`` holds every caution of the least form, or is that form cut at its end once its name is gone."""
    name_gone = f"Model: … ({least})"
    return shown.endswith(f" ({least})") or (shown.endswith("…") and name_gone.startswith(shown[:-1]))


def test_the_cases_carry_the_cautions_of_the_hunt():
    assert "somewhat optimistic: 1 note says so, as recorded when the version was kept" in _label("kept in the window")
    assert "accepted" not in _label("kept in the window")  # its cautions are the comparison's hedges only
    assert "all 1 holds boxes accepted from a model" in _label("meta.json's accepted record")
    assert "somewhat optimistic" in _label("both") and "all 1 holds" in _label("both")
    assert "(" not in _label("none")[len(f"Model: {NAME} ("):]
    assert "version.json" not in _label("kept in the window")  # the record's file and key: not the user's words


@pytest.mark.parametrize("case", CASES)
def test_the_least_form_holds_the_figures_their_count_and_every_caution_in_short(metrics, case):
    text = _label(case)
    assert fitted_text(text, metrics, least_width(text, metrics)) == f"Model: pets…b9ae34 ({_least(case)})"


@pytest.mark.parametrize("case", CASES)
def test_at_no_width_is_a_caution_dropped_without_a_mark(metrics, case):
    text, least = _label(case), _least(case)
    assert text.figured is not None
    cautions = text.figured.said.cautions  # the cautions the line was built with
    for width in range(metrics.horizontalAdvance(f"Model: … ({least[:24]}…"), metrics.horizontalAdvance(text), 3):
        shown = fitted_text(text, metrics, width)
        assert shown is not None and metrics.horizontalAdvance(shown) <= width, width
        assert least[:24] in shown, (width, shown)  # the figures
        kept = all(caution.long in shown or caution.short in shown for caution in cautions)
        assert kept or (shown.endswith("…") and f"Model: … ({least})".startswith(shown[:-1])), (width, shown)


# the widths the status line tests use: 1400 px (the hunt's), 1024 px, 933 (1400 at scale 1.5), 683 (1024 at 1.5)
@pytest.mark.parametrize("width", [1400, 1024, 933, 683])
@pytest.mark.parametrize("case", ["kept in the window", "meta.json's accepted record", "both", "none"])
def test_the_window_shows_them_at_every_width(qtbot, window, case, width):
    window.resize(width, 700)
    qtbot.waitUntil(lambda: window.width() <= width)
    text = _label(case)
    window.model_status.setText(text)
    # its start, as long as leaves the label its least form (longer, the label gives way whole while it shows:
    # test_status_line_message_whole)
    label = window.model_status
    show_message_leaving(window, "Could not save /home/user/datasets/oxford-pets/annotations/xmls/IMG_0042.xml: "
                         "[Errno 28] No space left on device; the boxes stay in the window, unsaved",
                         least_width(text, label.fontMetrics()))
    shown = label_shown_text(label)
    if label.width() == 0:  # beside even the message's first word the bar holds no least form: gone, not cut
        assert least_width(text, label.fontMetrics()) > window.statusBar().width() * 2 // 3
        return
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()
    cautions = text.figured.said.cautions if text.figured is not None else ()
    kept = all(caution.long in shown or caution.short in shown for caution in cautions)
    assert shown == text or kept or _kept_or_cut(shown, _least(case)), shown
    if least_width(text, label.fontMetrics()) <= label.contentsRect().width():
        assert all(caution.long in shown or caution.short in shown for caution in cautions), shown
        assert f"({_least(case)[:24]}" in shown and "b9ae34" in shown, shown  # the figures, the name's end
    if width == 1400 and case != "both":  # the least form fits beside the message's start (in the test font)
        assert label.contentsRect().width() >= least_width(text, label.fontMetrics()), shown
