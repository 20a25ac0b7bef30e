"""`petloc train`'s refusals set a Hebrew class or folder name apart (U+2068 … U+2069), as its other lines do.

Before: the case-variant refusal and the refusal of a folder that could not itself be listed reached stderr
through `cli.main`'s error line, which escapes every isolate (a reason may hold a raw name): the names in them
were put in raw, and a Hebrew one took the line's direction in a terminal that lays out bidi text, the quotes,
counts and colon moved around it. The folder is set apart now in any such line, and the class names where the
refusal vouches for them (`CaseVariantError`); an isolate a raw reason holds is still escaped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_train
from petloc_gui.cli.main import _describe
from petloc_gui.core.case_variant_refusal import case_variant_refusal
from petloc_gui.core.errors import DatasetError
from tests.cli.helpers import one_box_each, run_cli

FSI, PDI = "\u2068", "\u2069"
HEBREW = "חתול שחור"  # "black cat"


def _folder(parent: Path, name: str, labels) -> Path:
    return one_box_each(parent / name, labels)


@pytest.fixture
def no_tensorflow(monkeypatch):
    def refused():
        raise AssertionError("TensorFlow loaded for a run refused before it")

    monkeypatch.setattr(cmd_train, "load_tensorflow", refused)


def test_the_case_variant_refusal_sets_each_class_and_the_folder_apart(tmp_path, capsys, no_tensorflow):
    spaced = HEBREW.replace(" ", "  ")
    folder = _folder(tmp_path, "תמונות", [HEBREW, HEBREW, spaced, "dog", "dog"])
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 1
    assert stderr.startswith(f"petloc: {FSI}{folder}{PDI}: labels that differ only in spacing would train as "
                             f'separate classes: "{FSI}{HEBREW}{PDI}" (2 boxes) and "{FSI}חתול␣␣שחור{PDI}" (1 box). '
                             "Give each class one name"), stderr


def test_an_english_refusal_is_worded_as_before():
    counts = {"Bengal": 1, "bengal": 3, "été": 1, "e\u0301te\u0301": 2}
    assert case_variant_refusal(counts, set_apart=True) == case_variant_refusal(counts)
    held = case_variant_refusal({"cat": 3, "Cat": 1}, ["cat", "Cat"], set_apart=True)
    assert held == case_variant_refusal({"cat": 3, "Cat": 1}, ["cat", "Cat"])


def test_the_model_s_own_spellings_are_set_apart_in_the_fine_tune_s_words():
    refusal = case_variant_refusal({HEBREW: 3}, [HEBREW, HEBREW.replace(" ", "  ")], set_apart=True)
    assert f'both "{FSI}{HEBREW}{PDI}" and "{FSI}חתול␣␣שחור{PDI}" among its own classes' in refusal


def test_the_unlisted_root_refusal_sets_the_folder_apart(tmp_path, capsys, no_tensorflow, monkeypatch):
    folder = _folder(tmp_path, "תמונות", ["cat", "dog"])
    real_scandir = os.scandir

    def scandir(path="."):  # as mode 000 for a user who is not root (root ignores chmod)
        if os.fspath(path) == str(folder):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 1 and stderr == f"petloc: {FSI}{folder}{PDI}: cannot list folder: Permission denied\n", stderr


def test_an_error_s_folder_is_set_apart_and_a_raw_reason_s_isolates_escaped(capsys):
    from petloc_gui.cli.main import _report

    _report(DatasetError(f"cannot list folder: {FSI}{HEBREW}{PDI} is gone", Path("/data/תמונות")), "train")
    assert capsys.readouterr().err == (f"petloc: {FSI}/data/תמונות{PDI}: cannot list folder: \\u2068{HEBREW}\\u2069 "
                                       "is gone\n")
    assert _describe(FileNotFoundError(2, "No such file or directory", "/data/תמונות/a.jpg")) == \
        f"{FSI}/data/תמונות/a.jpg{PDI}: No such file or directory"
