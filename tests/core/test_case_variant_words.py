"""Labels in two Unicode forms ("été" composed and decomposed) were refused, and listed by `petloc stats`,
as "labels that differ only in case or spacing", printed as two identical spellings: the user could not
tell what differed, nor which to rename. The words now say what the spellings differ in (case, spacing,
Unicode form) and tell apart two spellings that would show alike."""

from __future__ import annotations

from petloc_gui.core.case_variant_refusal import case_variant_refusal
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.label_variants import differences
from petloc_gui.core.stats import CASE_VARIANT_LABELS, compute_stats
from tests.cli.helpers import run_cli, write_annotated

COMPOSED, DECOMPOSED = "\u00e9t\u00e9", "e\u0301te\u0301"


def test_the_refusal_says_unicode_form_and_tells_the_two_apart():
    text = case_variant_refusal({COMPOSED: 3, DECOMPOSED: 1})
    assert text.startswith(f'labels that differ only in Unicode form would train as separate classes: "{COMPOSED}" '
                           f'(composed, 3 boxes) and "{DECOMPOSED}" (decomposed, 1 box). Give each class one name')


def test_the_refusal_says_what_the_spellings_differ_in():
    assert case_variant_refusal({"Cat": 2, "cat": 1}).startswith("labels that differ only in case would")
    assert case_variant_refusal({"bengal cat": 2, "bengal  cat": 1}).startswith(
        'labels that differ only in spacing would train as separate classes: "bengal cat" (2 boxes) and '
        '"bengal␣␣cat" (1 box)')
    assert case_variant_refusal({"\uff43\uff41\uff54": 2, "cat": 1}).startswith(  # full-width letters
        "labels that differ only in Unicode form would")
    assert case_variant_refusal({"Cat": 2, "cat": 1, "a b": 1, "a  b": 1}).startswith(
        "labels that differ only in case or spacing would")
    assert differences([["\u00c9T\u00c9", DECOMPOSED, " \u00e9t\u00e9"]]) == "case, spacing or Unicode form"


def test_a_mix_of_both_forms_is_told_by_its_code_points():
    mixed = "\u00e9te\u0301"
    text = case_variant_refusal({COMPOSED: 3, DECOMPOSED: 2, mixed: 1})
    assert f'"{mixed}" (code points U+00E9 U+0074 U+0065 U+0301, 1 box)' in text
    assert f'"{DECOMPOSED}" (decomposed, 2 boxes)' in text


def test_petloc_stats_says_unicode_form_and_which_spelling_its_file_has(tmp_path, capsys):
    folder = tmp_path / "summer"
    folder.mkdir()
    for n, label in enumerate([COMPOSED, COMPOSED, DECOMPOSED]):
        write_annotated(folder, f"img{n}", 40, 30, [(label, (5, 5, 20, 20))])
    (found,) = [p for p in compute_stats(open_dataset(folder)).problems if p.kind == CASE_VARIANT_LABELS]
    assert found.path == str(folder / "img2.xml")
    assert found.message.startswith(f'labels "{COMPOSED}" (composed, 2 boxes) and "{DECOMPOSED}" (decomposed, 1 box) '
                                    "differ only in Unicode form: counted, and trained, as 2 classes")
    assert found.message.endswith(f'this file has the first "{DECOMPOSED}" (decomposed) box')
    code, out, _ = run_cli(capsys, "stats", folder)
    assert code == 0 and "differ only in Unicode form" in out and "(decomposed)" in out

