"""Labels that differ only in case or spacing ("Bengal" and "bengal", "ABYSSINIAN") are one class
typed two ways: `petloc stats` listed them as separate classes and said "problems 0". Each such
group is now a `case_variant_labels` problem naming every spelling and its boxes."""

from __future__ import annotations

import json

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.label_variants import label_key, variant_groups
from petloc_gui.core.stats import CASE_VARIANT_LABELS, compute_stats
from tests.cli.helpers import run_cli, write_annotated


def _folder(tmp_path):
    folder = tmp_path / "pets"
    folder.mkdir()
    for n, label in enumerate(["bengal", "bengal", "Bengal", "abyssinian", "abyssinian", "ABYSSINIAN",
                                     "bulldog"]):
        write_annotated(folder, f"img{n}", 40, 30, [(label, (5, 5, 20, 20))])
    write_annotated(folder, "img9", 40, 30, [("bulldog", (5, 5, 20, 20)), ("Bulldog", (1, 1, 9, 9))])
    return folder


def test_each_class_typed_two_ways_is_one_problem_naming_its_spellings(tmp_path):
    folder = _folder(tmp_path)
    stats = compute_stats(open_dataset(folder))
    found = [p for p in stats.problems if p.kind == CASE_VARIANT_LABELS]
    assert [p.message.split(" differ ")[0] for p in found] == [
        'labels "abyssinian" (2 boxes) and "ABYSSINIAN" (1 box)',  # the most used spelling first
        'labels "bengal" (2 boxes) and "Bengal" (1 box)',
        'labels "bulldog" (2 boxes) and "Bulldog" (1 box)',  # a second object counts too
    ]
    # the file named is the first with the rarest spelling: the likely slip, one click away in the window
    assert [p.path for p in found] == [str(folder / "img5.xml"), str(folder / "img2.xml"), str(folder / "img9.xml")]
    assert "counted, and trained, as 2 classes" in found[1].message and "Edit → Classes…" in found[1].message
    assert stats.problem_counts[CASE_VARIANT_LABELS] == 3


def test_petloc_stats_lists_them_and_counts_them(tmp_path, capsys):
    folder = _folder(tmp_path)
    code, out, _ = run_cli(capsys, "stats", folder)
    assert code == 0
    assert "problems       3 " in out
    assert f'  case_variant_labels: {folder / "img2.xml"}: labels "bengal" (2 boxes) and "Bengal" (1 box) ' in out
    code, out, _ = run_cli(capsys, "stats", folder, "--json")
    assert json.loads(out.splitlines()[-1])["problem_counts"] == {CASE_VARIANT_LABELS: 3}


def test_spacing_and_unicode_forms_count_as_the_same_spelling():
    assert label_key("bengal  cat") == label_key("Bengal Cat") == label_key("BENGAL\tcat")
    assert label_key("chat tigre\u0301") == label_key("chat tigré")  # a decomposed é
    assert label_key("\uff21") == label_key("a")  # a full-width letter
    assert label_key("cat") != label_key("cats")
    assert variant_groups(["cat", "dog", "Dog", "DOG", "cow"]) == [["DOG", "Dog", "dog"]]  # in natural order
    assert variant_groups(["cat", "dog"]) == []
