"""Turkish case pairs are one class typed two ways, as "Bengal" and "bengal" are: `str.lower` makes
"İ" "i" and a combining dot (it looks like "istanbul" and compares different) and "I" "i", never
dotless "\u0131", so "İstanbul" and "istanbul", or "IŞIK" and "\u0131ş\u0131k", were two classes that
`petloc stats` did not report and `petloc train` trained apart. Words that differ in a letter
("k\u0131r" and "kir") stay apart."""

from __future__ import annotations

import pytest

from petloc_gui.core.case_variant_refusal import case_variant_refusal
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.label_variants import differences, label_key, same_class, spelled_as, variant_groups
from petloc_gui.core.stats import CASE_VARIANT_LABELS, compute_stats
from tests.cli.helpers import run_cli, write_annotated

DECOMPOSED_ISTANBUL = "I\u0307stanbul"  # "İstanbul" with its dot a combining mark


@pytest.mark.parametrize("pair", [
    ("\u0130stanbul", "istanbul"),  # a Turkish keyboard's capital dotted İ
    ("\u0130STANBUL", "istanbul"),
    ("I\u015eIK", "\u0131\u015f\u0131k"),  # IŞIK and \u0131ş\u0131k: "I" is the capital of dotless "\u0131"
    ("I\u015f\u0131k", "\u0131\u015f\u0131k"),  # Iş\u0131k and \u0131ş\u0131k
    ("ISTANBUL", "istanbul"),  # the ordinary pair still is one
    (DECOMPOSED_ISTANBUL, "istanbul"),
])
def test_turkish_case_pairs_are_one_class(pair):
    assert same_class(*pair)
    assert [sorted(group) for group in variant_groups(pair)] == [sorted(pair)]
    assert case_variant_refusal(dict.fromkeys(pair, 2)) != ""


def test_the_dotted_capital_keys_as_a_plain_i():
    assert label_key("\u0130stanbul") == label_key("istanbul") == "istanbul"


@pytest.mark.parametrize("pair", [
    ("k\u0131r", "kir"),  # two Turkish words: "field" and "dirt"
    ("\u0131s\u0131k", "isik"),
])
def test_a_dotless_and_a_dotted_i_are_different_letters(pair):
    assert not same_class(*pair)
    assert variant_groups(pair) == []
    assert case_variant_refusal(dict.fromkeys(pair, 2)) == ""


def test_a_capital_that_spells_two_words_groups_all_three():
    # "KIR" is "kir" in the usual case and "k\u0131r" in Turkish: rename any two and a refused pair is left
    assert variant_groups(["KIR", "kir", "k\u0131r", "dog"]) == [["KIR", "kir", "k\u0131r"]]


def test_a_turkish_pair_differs_in_case_only():
    assert differences(variant_groups(["\u0130stanbul", "istanbul"])) == "case"
    assert differences(variant_groups(["I\u015eIK", "\u0131\u015f\u0131k"])) == "case"
    # the capital written decomposed differs in Unicode form from the composed one, and says so
    assert differences(variant_groups([DECOMPOSED_ISTANBUL, "\u0130stanbul"])) == "Unicode form"


def test_a_typed_name_is_the_usual_case_pair_before_the_turkish_one():
    assert spelled_as("istanbul", ["Bengal", "\u0130stanbul"]) == "\u0130stanbul"
    assert spelled_as("\u0131\u015f\u0131k", ["I\u015eIK"]) == "I\u015eIK"
    assert spelled_as("KIR", ["k\u0131r", "kir"]) == "kir"
    assert spelled_as("kir", ["k\u0131r"]) is None


def _folder(tmp_path):
    folder = tmp_path / "cities"
    folder.mkdir()
    labels = ["\u0130stanbul", "istanbul", "istanbul", "I\u015f\u0131k", "\u0131\u015f\u0131k", "k\u0131r", "kir"]
    for n, label in enumerate(labels):
        write_annotated(folder, f"img{n}", 40, 30, [(label, (5, 5, 20, 20))])
    return folder


def test_petloc_stats_reports_each_turkish_pair(tmp_path, capsys):
    folder = _folder(tmp_path)
    found = [p for p in compute_stats(open_dataset(folder)).problems if p.kind == CASE_VARIANT_LABELS]
    assert [p.message.split(" differ ")[0] for p in found] == [
        'labels "istanbul" (2 boxes) and "\u0130stanbul" (1 box)',
        'labels "I\u015f\u0131k" (1 box) and "\u0131\u015f\u0131k" (1 box)',
    ]
    assert all(" differ only in case: " in p.message for p in found)
    code, out, _ = run_cli(capsys, "stats", folder)
    assert code == 0 and "problems       2 " in out
