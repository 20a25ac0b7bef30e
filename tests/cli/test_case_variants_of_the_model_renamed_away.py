"""A fine-tune of a model that holds two spellings of one class itself (classes "Cat", "cat", "dog") was
refused with "a fine-tune keeps every class of its model: train a new model from scratch, or fine-tune
another one", while `--renamed kitten=Cat` is accepted and clears the refusal: the model's "Cat" kept as
the class kitten, from its weights. The refusal names that way out, with the option as the command
takes it, and the way it names works: applied, the rename check takes it and the run is not refused."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from petloc_gui.model.class_renames import parse_renamed, rename_problem
from petloc_gui.model.collected_folder import collect_folder
from tests.cli.train_class_check import class_check, folder_of_boxes

_OPTIONS = re.compile(r"\(petloc train (--renamed .*?): the new model keeps")



def _renames_named(refusal: str, names: list[str]) -> dict[str, str]:
    """The ``--renamed`` options the refusal names, as the command line parses them, each placeholder
    (NEW, NEW1, ...) given one of ``names``."""
    found = _OPTIONS.search(refusal)
    assert found is not None, refusal
    words = shlex.split(found.group(1))
    assert words[::2] == ["--renamed"] * (len(words) // 2)
    renamed = parse_renamed(words[1::2])
    assert all(re.fullmatch(r"NEW\d*", new) for new in renamed)
    return {name: old for name, old in zip(names, renamed.values(), strict=True)}


def _boxes_by_label(folder: Path) -> dict[str, list[str]]:
    """``rename_problem``'s view of the folder: label -> the images with a box of it."""
    return {label: [s.relpath for s in samples] for label, samples in
            _grouped(collect_folder(folder, labels_only=True).samples).items()}


def _grouped(samples):
    grouped: dict[str, list] = {}
    for sample in samples:
        grouped.setdefault(sample.label, []).append(sample)
    return grouped


@pytest.mark.parametrize(("classes", "boxes", "renamed_away"), [
    (["Cat", "cat", "dog"], {"cat": 4, "dog": 3}, ["Cat"]),  # the hunt's case: "Cat" on no box
    (["Cat", "cat", "dog"], {"dog": 3}, ["cat"]),  # neither boxed: the first kept
    (["CAT", "Cat", "cat", "dog"], {"Cat": 2, "dog": 3}, ["CAT", "cat"]),  # three spellings: two renamed
    (["Big Cat", "big cat", "dog"], {"big cat": 2, "dog": 3}, ["Big Cat"]),  # quoted for the shell
])
def test_the_refusal_names_a_rename_that_lets_the_run_start(tmp_path, classes, boxes, renamed_away):
    folder = folder_of_boxes(tmp_path, boxes)
    refusal = class_check(folder, classes)
    assert "a fine-tune keeps every class of its model: train a new model from scratch, fine-tune another one, " \
           "or give the model's " in refusal
    assert "once no box here is labelled" not in refusal  # none is: the rename alone does it
    names = [f"kitten{n}" for n in range(len(renamed_away))]
    renamed = _renames_named(refusal, names)
    assert sorted(renamed.values()) == sorted(renamed_away)
    assert rename_problem(renamed, classes, _boxes_by_label(folder)) is None
    assert class_check(folder, classes, renamed) == ""


def test_a_spelling_the_folder_still_has_is_relabelled_first(tmp_path):
    classes = ["Cat", "cat", "dog"]
    folder = folder_of_boxes(tmp_path, {"Cat": 3, "cat": 1, "dog": 2})
    refusal = class_check(folder, classes)
    assert refusal.endswith('(petloc train --renamed NEW=cat: the new model keeps it under that name, from its '
                            'weights), once no box here is labelled "cat" (the window\'s Edit → Classes… '
                            "relabels them)")
    renamed = _renames_named(refusal, ["kitten"])
    assert rename_problem(renamed, classes, _boxes_by_label(folder)) is not None  # as the refusal says
    for xml in folder.glob("*.xml"):  # Edit → Classes… renaming cat to Cat, as saved
        xml.write_text(xml.read_text(encoding="utf-8").replace("<name>cat</name>", "<name>Cat</name>"),
                       encoding="utf-8")
    assert rename_problem(renamed, classes, _boxes_by_label(folder)) is None
    assert class_check(folder, classes, renamed) == ""
