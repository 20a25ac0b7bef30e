"""`petloc evaluate` on labels that are a class of the model spelled another way ("CAT" for the model's
"cat"): they are counted wrong (labels are compared exactly), and the line listing the unknown labels
now names the model's spelling, as `petloc stats` and `train` do for the folder's own labels."""

from __future__ import annotations

from petloc_gui.cli.evaluate_labels import spelling_hint
from tests.cli.helpers import BLUE, RED, assert_clean_errors, last_json, run_cli, voc_xml, write_image

W, H = 64, 32


def _folder(tmp_path, labels):
    folder = tmp_path / "data"
    folder.mkdir()
    for index, label in enumerate(labels):
        write_image(folder / f"i{index}.png", W, H, RED if label.lower() == "cat" else BLUE)
        (folder / f"i{index}.xml").write_text(voc_xml(f"i{index}.png", W, H, [(label, (16, 16, 48, 28))]),
                                              encoding="utf-8")
    return folder


def test_the_unknown_label_line_names_the_models_spelling(tmp_path, tiny_bundle, capsys):
    folder = _folder(tmp_path, ["CAT", "cat", "Dog", "bird"])
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert code == 0, err
    assert last_json(out)["unknown_labels"] == {"CAT": 1, "Dog": 1, "bird": 1}
    (line,) = [line for line in assert_clean_errors(err) if "labels the model does not know" in line]
    assert line == ('petloc: labels the model does not know, counted as wrong: bird (1), CAT (1), Dog (1); '
                    '"CAT" and "Dog" are the model\'s classes "cat" and "dog" spelled another way (case, spacing '
                    "or Unicode form): give the boxes the model's spelling to have them scored (the window's "
                    "Edit → Classes…, Ctrl+L, renames a class on every box of the folder)")


def test_no_hint_for_a_label_of_another_class(tmp_path, tiny_bundle, capsys):
    code, _, err = run_cli(capsys, "evaluate", _folder(tmp_path, ["bird", "cat"]), "--model", tiny_bundle)
    assert code == 0, err
    assert "labels the model does not know, counted as wrong: bird (1)" in err
    assert "spelled another way" not in err


def test_spacing_and_unicode_forms_match_as_stats_does():
    assert spelling_hint(["bengal  cat", "\uff23at", "star"], ["bengal cat", "cat"]) == (
        '"bengal␣␣cat" and "\uff23at" are the model\'s classes "bengal cat" and "cat" spelled another way (case, '
        "spacing or Unicode form): give the boxes the model's spelling to have them scored (the window's Edit → "
        "Classes…, Ctrl+L, renames a class on every box of the folder)")
    assert spelling_hint(["Cat"], ["cat", "CAT"]).startswith('"Cat" is the model\'s class "cat" or "CAT" spelled')
    assert spelling_hint(["star"], ["cat"]) is None


def test_two_unicode_forms_of_one_name_are_told_apart():
    """A decomposed "été" against the model's composed one printed the same twice: which is which is said."""
    hint = spelling_hint(["e\u0301te\u0301"], ["\u00e9t\u00e9"])
    assert hint.startswith('"e\u0301te\u0301" (decomposed) is the model\'s class "\u00e9t\u00e9" (composed) '
                           "spelled"), hint
    # no note where the spellings look different
    assert spelling_hint(["Cat"], ["cat"]).startswith('"Cat" is the model\'s class "cat" spelled')


def test_a_turkish_case_pair_is_the_models_class_spelled_another_way():
    """`petloc train` and the window's new-classes bar take "\u0131\u015f\u0131k" and "I\u015eIK" as one class
    (`same_class`); the hint grouped by `label_key` alone and said nothing, so those boxes were counted wrong
    unexplained."""
    from petloc_gui.cli.evaluate_labels import spelling_hint

    dotless = "\u0131"
    lower, upper = f"{dotless}\u015f{dotless}k", "I\u015eIK"
    hint = spelling_hint([lower, f"k{dotless}r"], [upper, "kir"])
    assert hint is not None and upper in hint and lower in hint
    assert f"k{dotless}r" not in hint  # another word, not a spelling of "kir"
