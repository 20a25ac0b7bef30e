"""What a folder's predefined_classes.txt holds but does not offer (the lines past its first `MAX_CLASSES`
classes; a class holding a character no annotation can store) is a warning line on stderr in `petloc stats` and
`petloc train`, as the window says it on its status line, the class it names set apart (`core.text.isolated`).

Before: both read the file silently: a file of 5,003 classes counted 5,000, and a class "do\\x00g" was not among
the unused predefined classes, with no word of either. stdout (``--json``) is as it was."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.class_list import CLASSES_FILE, MAX_CLASSES
from petloc_gui.cli.train_checks import check_classes
from petloc_gui.core.text import FIRST_STRONG_ISOLATE as FSI
from petloc_gui.core.text import POP_DIRECTIONAL_ISOLATE as PDI
from petloc_gui.model.collected_folder import collect_folder
from tests.cli.helpers import run_cli, write_annotated

CAPPED = (f"petloc: warning: {CLASSES_FILE} lists {MAX_CLASSES + 3:,} classes: only its first {MAX_CLASSES:,} are "
          "offered (Label box, number keys, Edit → Classes), the other 3 stay in the file, unused")
HEBREW_NUL = "כלב\x00"


def _unstorable(shown: str, line: int) -> str:
    return (f"petloc: warning: {CLASSES_FILE}: the class on line {line}, {shown}, is not offered: it holds a "
            "character no annotation can store (a control character, U+FFFE or U+FFFF), so no box could be saved "
            "with it; its line stays in the file")


def _folder(tmp_path, lines: list[str]) -> Path:
    folder = tmp_path / "pets"
    folder.mkdir(exist_ok=True)
    for n in range(2):
        write_annotated(folder, f"img{n}", 40, 30, [("cat", (5, 5, 15, 15))])
    (folder / CLASSES_FILE).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return folder


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CLASSES_FILE in line and "warning" in line]


OFFERED = ["cat", *(f"class_{i}" for i in range(1, MAX_CLASSES))]


def test_stats_warns_of_what_the_file_does_not_offer_on_stderr_only(tmp_path, capsys):
    folder = _folder(tmp_path, ["cat", "do\x00g", *OFFERED[1:], "past_1", "past_2", "past_3"])
    code, out, err = run_cli(capsys, "stats", folder, "--json")
    assert code == 0
    assert _warnings(err) == [_unstorable("do\\x00g", 2), CAPPED]
    (folder / CLASSES_FILE).write_text("".join(f"{line}\n" for line in OFFERED), encoding="utf-8")
    code, out_offered_only, err = run_cli(capsys, "stats", folder, "--json")
    assert code == 0 and _warnings(err) == []
    assert out == out_offered_only  # the JSON, byte for byte, as of a file of only the classes it offers
    code, table, err = run_cli(capsys, "stats", folder)  # the table: no warning on stdout either
    assert code == 0 and CLASSES_FILE in table and "warning" not in table


def test_stats_sets_a_hebrew_class_apart(tmp_path, capsys):
    folder = _folder(tmp_path, ["cat", HEBREW_NUL])
    code, _, err = run_cli(capsys, "stats", folder)
    assert code == 0
    assert _warnings(err) == [_unstorable(f"{FSI}כלב\\x00{PDI}", 2)]


def test_train_warns_before_its_class_lines(tmp_path, capsys):
    folder = _folder(tmp_path, [HEBREW_NUL, "cat", "bad\ufffe", "lion"])
    check_classes(collect_folder(folder, labels_only=True))
    assert capsys.readouterr().err.splitlines() == [
        f"petloc: warning: {CLASSES_FILE}: the class on line 1, {FSI}כלב\\x00{PDI}, and 1 more are not offered: they "
        "hold a character no annotation can store (a control character, U+FFFE or U+FFFF), so no box could be saved "
        "with them; their lines stay in the file",
        f"petloc: class lion of {CLASSES_FILE} is on no box this run trains on: the new model will not know it (box "
        "images of it to train it)",
    ]


def test_a_file_that_offers_all_its_classes_warns_of_nothing(tmp_path, capsys):
    folder = _folder(tmp_path, ["cat"])
    code, _, err = run_cli(capsys, "stats", folder)
    assert code == 0 and _warnings(err) == []
    check_classes(collect_folder(folder, labels_only=True))
    assert capsys.readouterr().err == ""
