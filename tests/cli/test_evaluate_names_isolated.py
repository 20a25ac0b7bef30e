"""`petloc evaluate`'s stderr lines named files, folders and labels `visible` only (`cli.cmd_evaluate`: the labels
the model does not know, the images skipped and their annotations, the folder with nothing to evaluate; the size
warning's file, `cli.output.warn_first`): a Hebrew name took the line's direction and moved the words, colons and
counts around it in a terminal that lays out bidi text. They are set apart now (`core.text.isolated`), as `petloc
train`'s class lines set theirs, the isolates kept on stderr (`error(..., names_isolated=True)`); an isolate a name
holds itself is still an escape, and a name of no right-to-left letter is as it was."""

from __future__ import annotations

from petloc_gui.core.text import FIRST_STRONG_ISOLATE as FSI
from petloc_gui.core.text import POP_DIRECTIONAL_ISOLATE as PDI
from tests.cli.helpers import RED, assert_clean_errors, bundle_with_meta, run_cli, voc_xml, write_image

W, H = 64, 32
CAT, DOG, BROKEN, DAMAGED, PHOTO = "חתול", "כלב", "שבור", "פגום", "תמונה 2"  # cat, dog, broken, damaged, photo 2


def _annotated(folder, stem, text):
    write_image(folder / f"{stem}.png", W, H, RED)
    (folder / f"{stem}.xml").write_text(text, encoding="utf-8")


def _evaluate(tmp_path, tiny_bundle, capsys, folder):
    model = bundle_with_meta(tiny_bundle, tmp_path, splits={"train": ["elsewhere.png"], "validation": [], "test": []})
    code, _, err = run_cli(capsys, "evaluate", folder, "--model", model)
    return code, assert_clean_errors(err)


def test_hebrew_file_and_label_names_are_set_apart(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "heb"
    folder.mkdir()
    # an unknown Hebrew label, on an annotation whose <size> is not its image's
    _annotated(folder, PHOTO, voc_xml(f"{PHOTO}.png", W * 2, H, [(CAT, (16, 16, 48, 28))]))
    # one holding a stray isolate of its own, beside a label the model knows
    _annotated(folder, "cat", voc_xml("cat.png", W, H, [(f"{DOG}\u2069", (16, 16, 48, 28)), ("cat", (1, 1, 9, 9))]))
    _annotated(folder, BROKEN, "<annotation><object>")  # skipped: not well-formed
    _annotated(folder, "empty", voc_xml("empty.png", W, H, []))  # skipped, an English name: as it was
    (folder / f"{DAMAGED}.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)  # annotated, fails to predict
    (folder / f"{DAMAGED}.xml").write_text(voc_xml(f"{DAMAGED}.png", W, H, [("cat", (16, 16, 48, 28))]),
                                           encoding="utf-8")
    code, lines = _evaluate(tmp_path, tiny_bundle, capsys, folder)
    assert code == 0, lines
    assert f"petloc: skipped {FSI}{folder / DAMAGED}.png{PDI}: PNG file is damaged (garbled chunk header at byte " \
           "8)" in lines
    assert f"petloc: skipped {FSI}{folder / BROKEN}.png{PDI}: annotation {FSI}{folder / BROKEN}.xml{PDI}: " \
           "not well-formed XML" in "\n".join(lines)
    assert f"petloc: skipped {folder}/empty.png: annotation {folder}/empty.xml has no object" in lines
    assert (f"petloc: warning: {FSI}{folder / PHOTO}.xml{PDI}: size in file {2 * W}x{H} differs from the image "
            f"{W}x{H}") in "\n".join(lines)
    # the dog beside the cat its prediction was scored against is in no image's truth: its row counts 0, and the
    # line does not call it counted as wrong
    assert f"petloc: labels the model does not know, counted as wrong: {FSI}{CAT}{PDI} (1); 1 more image holds one " \
           "beside an object of a class the model knows, scored against that object (best-gt), in its class's row " \
           f"({FSI}{DOG}\\u2069{PDI}: only there)" in lines


def test_a_hebrew_folder_with_nothing_to_evaluate_is_set_apart(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / BROKEN
    folder.mkdir()
    _annotated(folder, "empty", voc_xml("empty.png", W, H, []))
    code, lines = _evaluate(tmp_path, tiny_bundle, capsys, folder)
    assert code == 1
    assert lines[-1] == f"petloc: no annotated image to evaluate in {FSI}{folder}{PDI}"
