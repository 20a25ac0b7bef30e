"""A fine-tune of a model holding "Cat" and "cat" is refused in the Retrain dialog in the window's words
(its class choices, test_retrain_case_variants_of_the_model_in_the_window.py). The same refusal given after
the edits are saved (`retrain_saved_check.refusal_after_saving`) and by the training child
(`train_worker.refuse_case_variants`) gave `petloc train`'s words, "--renamed NEW=Cat", which the window
has no field for: both now give the window's words, saying the class choices are in Retrain (Ctrl+T)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from petloc_gui.core.case_variant_refusal import case_variant_refusal
from petloc_gui.core.errors import DatasetError
from petloc_gui.model import run_case_variants as run_case_variants_module
from petloc_gui.model import train_worker
from petloc_gui.ui.training import retrain_saved_check
from petloc_gui.ui.training.retrain_dialog import RetrainOptions

MODEL = ["Cat", "cat", "dog"]
BOXES = {"dog": 3, "lynx": 2}  # lynx: a class of the folder new to the model, which the choices can rename to


def _as_the_run_reads(hints: list, *args, **kwargs) -> str:
    hint = args[5] if len(args) > 5 else kwargs.get("rename_hint")
    hints.append(hint)
    return case_variant_refusal(BOXES, MODEL, hint)


def test_the_check_after_saving_words_the_refusal_as_the_window(monkeypatch):
    hints: list = []
    monkeypatch.setattr(retrain_saved_check, "run_case_variants", lambda *a, **k: _as_the_run_reads(hints, *a, **k))
    monkeypatch.setattr(retrain_saved_check, "label_source_for", lambda preset, spec: "default")
    text = retrain_saved_check.refusal_after_saving(Path("folder"), "digits", "old-model", RetrainOptions())
    assert "--renamed" not in text and "petloc train" not in text
    assert 'choose "Cat renamed" when Retrain (Ctrl+T) opens again' in text or \
        '"cat renamed" when Retrain (Ctrl+T) opens again' in text


def test_the_training_child_words_the_refusal_as_the_window(monkeypatch):
    hints: list = []
    monkeypatch.setattr(run_case_variants_module, "run_case_variants",
                        lambda *a, **k: _as_the_run_reads(hints, *a, **k))
    args = argparse.Namespace(data="folder", label="default", base="old-model", renamed={}, skip_prelabels=False)
    with pytest.raises(DatasetError) as refused:
        train_worker.refuse_case_variants(args)
    assert "--renamed" not in refused.value.reason
    assert "when Retrain (Ctrl+T) opens again" in refused.value.reason
