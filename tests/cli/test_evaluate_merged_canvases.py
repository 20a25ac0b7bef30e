"""`petloc evaluate` on `petloc digits` canvases beside another folder's `petloc-digits.json`: merged in
beside that folder's own canvases (M1), or written over its canvases under the same names (M3). Their
digits the record cannot tell (`NOT_RECORDED`), and they may be ones the model learned. Before (review
s30/h11): with a record there, they read as images of no digit: `trained_on_record` "complete",
`n_learned_digits` 0, `n_digits_unknown` 0 and not a word, of canvases of digits the model learned."""

from __future__ import annotations

import shutil

from petloc_gui.core.digits_record import NOT_RECORDED, RECORD_NAME, canvas_name, record_digits
from tests.cli.helpers import assert_clean_errors, last_json, run_cli, voc_xml, write_image
from tests.cli.test_evaluate_learned_digits import _model

W, H = 64, 32
MERGED_NOTE = ("incomplete: {n} evaluated images named as petloc digits canvases are not in the petloc-digits.json "
               "beside them, by name or by bytes; they may hold MNIST digits the model learned (n_digits_unknown, "
               "digits_records_unread)")


def _canvases(folder, digits, shade):
    """Canvases annotated "cat" under the names petloc digits gives, recorded as holding ``digits``
    [(split, index)]; each of bytes of its own (``shade``: of the folder), as canvases of another seed are
    (the model of `_model` learned train 3 and 7)."""
    folder.mkdir()
    entries = {}
    for n, (split, index) in enumerate(digits):
        image = write_image(folder / canvas_name(split, n, index % 10), W, H, (200, shade, n))
        image.with_suffix(".xml").write_text(voc_xml(image.name, W, H, [("cat", (16, 16, 48, 28))]), encoding="utf-8")
        entries[image.name] = (split, index, image.read_bytes())
    record_digits(folder, entries)
    return folder


def _merged(target, *sources):
    """The first source copied whole into ``target``, then the others' images and annotations over it."""
    shutil.copytree(sources[0], target)
    for source in sources[1:]:
        for path in source.iterdir():
            if path.name != RECORD_NAME:
                shutil.copy(path, target / path.name)
    return target


def _evaluate(capsys, folder, model):
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    return last_json(out), assert_clean_errors(err)


def _warning(folder, n):
    return (f"petloc: warning: {folder / RECORD_NAME}: {NOT_RECORDED}: which MNIST digit the {n} evaluated images in "
            "its folder hold cannot be told, so these figures may include digits this model, or one it was "
            "fine-tuned from, learned on other canvases (to have them told, keep them beside the petloc-digits.json "
            "of the folder petloc digits wrote them to, or run the petloc digits command that wrote them again "
            "with this folder as OUT (the same --split, --count and --seed), which records them here)")


def test_canvases_merged_beside_another_folder_s_record_are_untold(tiny_bundle, tmp_path, capsys):
    held_out = _canvases(tmp_path / "A", [("test", 3), ("test", 4)], 10)
    learned = _canvases(tmp_path / "B", [("train", 3), ("train", 7)], 20)
    merged = _merged(tmp_path / "M1", held_out, learned)
    report, errors = _evaluate(capsys, merged, _model(tiny_bundle, tmp_path))
    assert report["n_images"] == 4
    assert (report["n_trained_on"], report["n_learned_digits"], report["n_digits_unknown"]) == (0, 0, 2)
    assert report["trained_on_record"] == MERGED_NOTE.format(n=2)
    assert report["digits_records_unread"] == [{"record": str(merged / RECORD_NAME), "problem": NOT_RECORDED,
                                                "n_images": 2}]
    assert errors == [_warning(merged, 2)]
    # recorded beside them (as petloc digits run again into the folder does), they are told again
    record_digits(merged, {path.name: ("train", index, path.read_bytes())
                           for path, index in zip(sorted(learned.glob("*.png")), (3, 7), strict=True)})
    report, _ = _evaluate(capsys, merged, _model(tiny_bundle, tmp_path / "b"))
    assert (report["n_learned_digits"], report["n_digits_unknown"]) == (2, 0)


def test_canvases_replaced_by_others_of_the_same_names_are_untold(tiny_bundle, tmp_path, capsys):
    # C's canvases hold digits the model never learned, under the names of B's, which hold learned ones
    recorded = _canvases(tmp_path / "C", [("train", 13), ("train", 17)], 30)
    replacing = _canvases(tmp_path / "B", [("train", 3), ("train", 7)], 20)
    assert sorted(p.name for p in recorded.iterdir()) == sorted(p.name for p in replacing.iterdir())
    replaced = _merged(tmp_path / "M3", recorded, replacing)
    report, errors = _evaluate(capsys, replaced, _model(tiny_bundle, tmp_path))
    assert (report["n_images"], report["n_learned_digits"], report["n_digits_unknown"]) == (2, 0, 2)
    assert report["trained_on_record"] == MERGED_NOTE.format(n=2)
    assert errors == [_warning(replaced, 2)]


def test_one_canvas_merged_in_is_said_in_the_singular(tiny_bundle, tmp_path, capsys):
    merged = _merged(tmp_path / "M1", _canvases(tmp_path / "A", [("test", 3)], 10),
                     _canvases(tmp_path / "B", [("train", 7)], 20))
    report, errors = _evaluate(capsys, merged, _model(tiny_bundle, tmp_path))
    assert report["trained_on_record"] == (
        "incomplete: 1 evaluated image named as a petloc digits canvas is not in the petloc-digits.json beside it, "
        "by name or by bytes; it may hold an MNIST digit the model learned (n_digits_unknown, digits_records_unread)")
    assert "the one evaluated image in its folder holds cannot be told" in errors[0]
