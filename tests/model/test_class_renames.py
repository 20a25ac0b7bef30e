"""A fine-tune told that a class was renamed lists the new name in the old one's place (no phantom of the
old name), refuses renames that cannot hold, and the comparison's words on renamed and unknown classes
(ADR 0011). Before: the new name was appended as a new class that started untrained, the old name stayed,
and every bulldog photo was still predicted american_bulldog."""

from __future__ import annotations

import pytest

from petloc_gui.model.class_renames import (
    as_renamed,
    class_names_after,
    parent_named,
    parse_renamed,
    rename_problem,
    renamed_in,
    renames_known_to,
    unknown_class_hedge,
    untold_renames_notice,
)

PARENT = ["Abyssinian", "Bengal", "american_bulldog"]


def test_the_new_name_takes_the_old_ones_place_and_new_labels_follow():
    renamed = {"bulldog": "american_bulldog"}
    assert class_names_after(PARENT, renamed, ["Bengal", "bulldog", "kitten"]) == [
        "Abyssinian", "Bengal", "bulldog", "kitten"]
    assert class_names_after(PARENT, {}, ["bulldog"]) == [*PARENT, "bulldog"]  # not told: today's list
    assert parent_named(["Abyssinian", "Bengal", "bulldog"], renamed) == PARENT
    assert as_renamed("american_bulldog", renamed) == "bulldog" and as_renamed("Bengal", renamed) == "Bengal"


def test_renames_that_cannot_hold_are_refused_with_what_to_do():
    boxes = {"Bengal": ["b1.jpg"], "bulldog": ["d1.jpg"]}
    assert rename_problem({"bulldog": "american_bulldog"}, PARENT, boxes) is None
    assert "no class of the model being fine-tuned" in rename_problem({"bulldog": "boxer"}, PARENT, boxes)
    assert "renamed to itself" in rename_problem({"Bengal": "Bengal"}, PARENT, boxes)
    assert "both a and b" in rename_problem({"a": "Bengal", "b": "Bengal"}, PARENT, boxes).replace(
        "Bengal cannot be renamed ", "")
    assert "has a class Bengal of its own" in rename_problem({"Bengal": "Abyssinian"}, PARENT, boxes)
    assert rename_problem({"Bengal": "Abyssinian", "Abyssinian": "Bengal"}, PARENT, {}) is None  # a swap
    still = rename_problem({"bulldog": "american_bulldog"}, PARENT,
                           {"american_bulldog": ["x2.jpg", "x1.jpg"], "bulldog": ["d1.jpg"]})
    assert still == ("american_bulldog is renamed bulldog, but 2 images still have boxes labelled "
                     "american_bulldog (x1.jpg, x2.jpg): relabel them bulldog, or fine-tune without this rename")


def test_the_command_line_pairs_and_the_record_read_back():
    assert parse_renamed(["bulldog=american_bulldog", " uneven = odd "]) == {"bulldog": "american_bulldog",
                                                                             "uneven": "odd"}
    for bad in (["bulldog"], ["=odd"], ["uneven="]):
        with pytest.raises(ValueError, match="is not NEW=OLD"):
            parse_renamed(bad)
    assert renamed_in({"renamed_from_parent": {"uneven": "odd", "x": 3}}) == {"uneven": "odd"}
    assert renamed_in({}) == {} and renamed_in(None) == {} and renamed_in({"renamed_from_parent": []}) == {}
    # the comparison maps only what applies to the current model
    assert renames_known_to({"class_names": ["even", "odd"]}, {"uneven": "odd", "x": "y"}) == {"uneven": "odd"}


def test_the_comparison_names_the_classes_the_current_model_cannot_know():
    images = [{"bulldog"}] * 11 + [{"Bengal"}, {"Bengal", "kitten"}]  # with Bengal it can still be right
    assert unknown_class_hedge(PARENT, {}, images) == (
        "The current model cannot know bulldog: it has no such class, so the 11 bulldog images count as wrong "
        "for it, and its boxes on them score IoU 0, however well they fit (the accuracy, mean IoU and IoU ≥ 0.5 "
        "are tilted in the new model's favour).")
    assert unknown_class_hedge(PARENT, {"bulldog": "american_bulldog"}, images) == ""
    assert unknown_class_hedge(PARENT, {}, [{"bulldog"}, {"kitten"}]) == (
        "The current model cannot know bulldog (1 image) or kitten (1 image): it has no such classes, so those "
        "images count as wrong for it, and its boxes on them score IoU 0, however well they fit (the accuracy, "
        "mean IoU and IoU ≥ 0.5 are tilted in the new model's favour).")
    assert unknown_class_hedge(PARENT, {}, [{"bulldog", "kitten"}]).endswith(  # one image of two such classes
        "so that image counts as wrong for it, and its box on it scores IoU 0, however well it fits (the accuracy, "
        "mean IoU and IoU ≥ 0.5 are tilted in the new model's favour).")


def test_a_fine_tune_that_may_have_missed_a_rename_says_so():
    notice = untold_renames_notice(["even", "odd"], {"uneven"}, {"even", "uneven"})
    assert notice.startswith("uneven is new to the model being fine-tuned and starts untrained, while no box of "
                             "this folder has odd, which the new model keeps")
    assert "--renamed uneven=odd" in notice
    assert untold_renames_notice(["even", "odd"], {"uneven"}, {"even", "odd", "uneven"}) == ""


def test_the_suggested_rename_can_be_pasted_into_a_shell():
    notice = untold_renames_notice(["abyssinian", "bengal", "bulldog"], {"bengal cat"}, {"abyssinian", "bulldog"})
    assert "petloc train --renamed 'bengal cat=bengal';" in notice  # was: --renamed bengal cat=bengal
    notice = untold_renames_notice(["it's"], {"it is"}, set())
    assert "--renamed 'it is=it'\"'\"'s'" in notice  # as shlex.quote writes a quote inside quotes


def test_the_rename_is_suggested_by_name_only_when_it_cannot_be_another_pair():
    # two new classes, two on no box: which became which is not to be guessed (sorted order paired them)
    notice = untold_renames_notice(["cat", "dog"], {"kitten", "puppy"}, set())
    assert "--renamed NEW=OLD" in notice and "kitten=" not in notice and "=cat" not in notice
    assert "kitten, puppy are new" in notice and "no box of this folder has cat, dog" in notice
    for parent, new, on_boxes in ((["cat", "dog"], {"kitten"}, set()), (["cat", "dog"], {"kitten", "puppy"}, {"dog"})):
        notice = untold_renames_notice(parent, new, on_boxes)
        assert "--renamed NEW=OLD" in notice and "=cat" not in notice, notice
