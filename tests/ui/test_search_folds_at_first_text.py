"""The file list folded every image name for the search (`core.name_search.FoldedNames`) when the folder was
opened, on the UI thread, before anyone searched: 20,000 names cost each opening 20-40 ms more. The names are
folded at the first text looked for, once, and the search finds what it found."""

from __future__ import annotations

import unicodedata

import petloc_gui.core.name_search as name_search
from petloc_gui.ui.review.file_list import FileListModel

NAMES = [unicodedata.normalize("NFD", "Café_1.jpg"), "caf\u00e9_2.jpg", "\u0130stanbul_3.jpg", "I\u015eIK_4.jpg",
         "dog_5.jpg"]


def _counting_folds(monkeypatch) -> list[str]:
    folds: list[str] = []
    real = name_search.folded
    monkeypatch.setattr(name_search, "folded", lambda text: folds.append(text) or real(text))
    return folds


def _found(model: FileListModel, text: str) -> list[str]:
    model.set_text(text)
    return [model.names[item] for item in model.order]


def test_no_name_is_folded_at_the_opening(qtbot, monkeypatch):
    folds = _counting_folds(monkeypatch)
    model = FileListModel(NAMES, [False] * len(NAMES))
    model.set_text("")  # the dock gives a new listing its (empty) search text
    model.set_text("   ")
    assert folds == [] and len(model.order) == len(NAMES)


def test_the_first_text_folds_the_names_once_and_finds_them(qtbot, monkeypatch):
    folds = _counting_folds(monkeypatch)
    model = FileListModel(NAMES, [False] * len(NAMES))
    assert _found(model, "CAF\u00c9") == NAMES[:2]
    assert set(NAMES) <= set(folds)  # each name, at this first text
    folds.clear()
    assert _found(model, "istanbul") == [NAMES[2]]
    assert _found(model, "\u0131\u015f\u0131k") == [NAMES[3]]  # IŞIK in Turkish lower case
    assert _found(model, "") == NAMES
    assert _found(model, "dog") == [NAMES[4]]
    assert not set(NAMES) & set(folds)  # only the texts typed since: the names stay folded


def test_a_new_listing_folds_its_own_names(qtbot):
    first = FileListModel(NAMES, [False] * len(NAMES))
    assert _found(first, "dog") == [NAMES[4]]
    again = FileListModel(["dog_9.jpg", "Dog_10.jpg", "cat.jpg"], [False] * 3)  # the folder read again (F5)
    assert _found(again, "dog") == ["dog_9.jpg", "Dog_10.jpg"]
