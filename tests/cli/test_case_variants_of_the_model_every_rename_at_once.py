"""A fine-tune of a model that holds "Cat" and "cat" itself, of a folder whose 8 boxes are labelled "CAT",
was refused offering `petloc train --renamed NEW=cat` alone; run so, it was refused again, now asking for
`--renamed CAT=Cat` as well: the rename of the spelling the model keeps to the folder's, the most used, was
dropped from the first refusal. The first refusal now names every rename and relabel the run needs, in one
go: its --renamed options, parsed as the command line parses them, and its relabels, applied together, let
the run start, whichever spellings the boxes have."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from petloc_gui.model.class_renames import parse_renamed, rename_problem
from petloc_gui.model.collected_folder import collect_folder
from tests.cli.train_class_check import class_check, folder_of_boxes

# where the refusal gives --renamed options: the command of the model's own spellings, and the hint for a
# class of the model spelled otherwise here (the classes it holds once)
_OPTIONS = (re.compile(r"\(petloc train (--renamed .*?): the new model keeps"),
            re.compile(r"add (--renamed .*?) to keep its weights"))
_RELABELS = re.compile(r", once (.*?) \(the window's Edit → Classes… relabels them\)")
_QUOTED = re.compile(r'"([^"]+)"')



def _renames_named(refusal: str) -> dict[str, str]:
    """Every ``--renamed`` option the refusal names, as the command line parses them, each placeholder (NEW,
    NEW1, ...) given a name of its own (kitten1, ...), as the refusal asks."""
    words = [word for pattern in _OPTIONS for found in pattern.finditer(refusal) for word in shlex.split(found[1])]
    assert words and words[::2] == ["--renamed"] * (len(words) // 2), refusal
    renamed = parse_renamed(words[1::2])
    return {re.sub(r"^NEW(\d*)$", r"kitten\1", new): old for new, old in renamed.items()}


def _relabel_as_said(refusal: str, folder: Path, renamed: dict[str, str]) -> None:
    """Relabel the boxes of ``folder`` as the refusal says, as Edit → Classes… saves them: "the boxes here
    labelled A or B are relabelled C" to C; "no box here is labelled A" to the name A is renamed (a class of
    its own, from A's weights)."""
    found = _RELABELS.search(refusal)
    if found is None:
        return
    relabels: dict[str, str] = {}
    for clause in found[1].split(" and the boxes here labelled "):
        names = _QUOTED.findall(clause)
        if clause.startswith("no box here is labelled "):
            relabels.update({name: {old: new for new, old in renamed.items()}[name] for name in names})
        else:
            assert " are relabelled " in clause, refusal
            relabels.update({name: names[-1] for name in names[:-1]})
    for xml in folder.glob("*.xml"):
        text = xml.read_text(encoding="utf-8")
        for old, new in relabels.items():
            text = text.replace(f"<name>{old}</name>", f"<name>{new}</name>")
        xml.write_text(text, encoding="utf-8")


def _boxes_by_label(folder: Path) -> dict[str, list[str]]:
    """``rename_problem``'s view of the folder: label -> the images with a box of it."""
    grouped: dict[str, list[str]] = {}
    for sample in collect_folder(folder, labels_only=True).samples:
        grouped.setdefault(sample.label, []).append(sample.relpath)
    return grouped


CAT_AND_cat = ["Cat", "cat", "dog"]


@pytest.mark.parametrize(("classes", "boxes"), [
    (CAT_AND_cat, {"CAT": 8}),  # the review's case: a third spelling only
    (CAT_AND_cat, {"CAT": 8, "dog": 3}),
    (CAT_AND_cat, {"Cat": 3, "cat": 1, "dog": 2}),  # the model's less used spelling on boxes too
    (CAT_AND_cat, {"cat": 2, "dog": 2}),  # the model's spelling last in order, alone
    (CAT_AND_cat, {"CAT": 5, "cat": 2, "dog": 2}),  # a third spelling, the most used, and the model's
    (CAT_AND_cat, {"CAT": 5, "Cat": 2, "cat": 1}),  # a third spelling and both of the model's
    (CAT_AND_cat, {"cat": 5, "CAT": 2, "dog": 1}),  # the model's the most used, a third one besides
    (CAT_AND_cat, {"CAT": 5, "cAt": 3, "dog": 1}),  # two spellings of the folder's own
    (["CAT", "Cat", "cat", "dog"], {"caT": 4, "dog": 1}),  # three of the model's
    (CAT_AND_cat, {"CAT": 4, "Dog": 2}),  # and a class the model holds once, spelled otherwise here
    (["Big Cat", "big cat", "dog"], {"BIG CAT": 3, "dog": 1}),  # quoted for the shell
])
def test_every_way_out_the_refusal_names_applied_together_lets_the_run_start(tmp_path, classes, boxes):
    folder = folder_of_boxes(tmp_path, boxes)
    refusal = class_check(folder, classes)
    assert "a fine-tune keeps every class of its model: train a new model from scratch, fine-tune another one, " \
           "or give the model's " in refusal, refusal
    renamed = _renames_named(refusal)
    _relabel_as_said(refusal, folder, renamed)
    assert rename_problem(renamed, classes, _boxes_by_label(folder)) is None, refusal
    assert class_check(folder, classes, renamed) == "", refusal


def test_the_reviews_case_names_both_renames_in_the_first_refusal(tmp_path):
    folder = folder_of_boxes(tmp_path, {"CAT": 8})
    refusal = class_check(folder, CAT_AND_cat)
    assert refusal.endswith('or give the model\'s "cat" a name of its own that no other class has in any spelling, '
                            'and its "Cat" this folder\'s spelling "CAT" (petloc train --renamed NEW=cat --renamed '
                            "CAT=Cat: the new model keeps them under those names, from their weights)"), refusal
    assert class_check(folder, CAT_AND_cat, {"kitten": "cat"}) != ""  # the old first refusal's rename alone: refused
    assert class_check(folder, CAT_AND_cat, {"kitten": "cat", "CAT": "Cat"}) == ""


def test_the_boxes_of_the_spelling_kept_are_relabelled_the_folders_spelling_by_name(tmp_path):
    refusal = class_check(folder_of_boxes(tmp_path, {"CAT": 5, "Cat": 2, "cat": 1}), CAT_AND_cat)
    assert refusal.endswith('(petloc train --renamed NEW=cat --renamed CAT=Cat: the new model keeps them under those '
                            'names, from their weights), once the boxes here labelled "Cat" or "cat" are relabelled '
                            '"CAT" (the window\'s Edit → Classes… relabels them)'), refusal
