"""`petloc train`'s lines that name one class each (`cli.train_checks`: a thin class, up to `MAX_THIN_ONE_BY_ONE`
of them; a class the run will not know) set its name apart (`core.text.isolated`), as the grouped thin-class lines
do: put in `visible` only, a Hebrew class name took the line's direction and moved the words and punctuation around
it in a terminal that lays out bidi text. The isolates reach stderr as they are (`error(..., names_isolated=True)`);
an isolate a name holds itself is still an escape, and an English name is as it was."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.model_choice import MIN_BOXES_PER_CLASS
from petloc_gui.cli.train_checks import check_classes
from petloc_gui.core.stats import AFTER_FIRST_REMEDY, after_first_text
from petloc_gui.core.text import FIRST_STRONG_ISOLATE as FSI
from petloc_gui.core.text import POP_DIRECTIONAL_ISOLATE as PDI
from petloc_gui.model.collected_folder import collect_folder
from tests.cli.helpers import write_annotated
from tests.cli.thin_class_samples import samples_of, warning_lines

HEBREW = "חתול"
ONE_IMAGE = "has 1 person-reviewed image: it cannot be both trained on and held out, so the run never measures it; "


def test_a_hebrew_class_with_one_image_among_two_thin_ones_is_set_apart(capsys):
    owl, hebrew = warning_lines(capsys, samples_of({HEBREW: 1, "owl": 2, "cat": 3}))  # in natural order
    assert hebrew.startswith(f"petloc: class {FSI}{HEBREW}{PDI} {ONE_IMAGE}box at least ")
    assert owl.startswith("petloc: class owl has only 2 person-reviewed images: ")  # English: as it was


def test_a_class_only_on_unreviewed_pre_labels_is_set_apart(capsys):
    warned = warning_lines(capsys, samples_of({HEBREW: 2}, prelabel=True) + samples_of({"cat": 3}))
    assert warned == [f"petloc: class {FSI}{HEBREW}{PDI} is only on 2 unreviewed pre-labels: the run learns it "
                      "from a model's unchecked boxes and never measures it (pre-labels are never held out); review "
                      f"them in the window (a save makes a box a person's) or box at least {MIN_BOXES_PER_CLASS} "
                      "images of it (the window asks for as many before it offers training)"]


def test_an_isolate_a_thin_class_name_holds_itself_is_escaped(capsys):
    # a stray PDI would end an isolation early: the name's own isolates are escapes, only `isolated`'s pair is raw
    latin, hebrew = warning_lines(capsys, samples_of({f"{HEBREW}\u2069": 1, "a\u2069b": 2, "cat": 3}))
    assert hebrew.startswith(f"petloc: class {FSI}{HEBREW}\\u2069{PDI} {ONE_IMAGE}")
    assert latin.startswith("petloc: class a\\u2069b has only 2 person-reviewed images: ")


def test_the_classes_the_run_will_not_know_are_set_apart(tmp_path, capsys):
    folder: Path = tmp_path / "pets"
    folder.mkdir()
    lion, dog = "אריה", "כלב"  # lion: predefined, on no box; dog: only after an image's first box
    for n in range(3):
        write_annotated(folder, f"img{n}", 40, 30, [("cat", (5, 5, 15, 15)), (dog, (20, 10, 35, 25))])
    (folder / "predefined_classes.txt").write_text(f"cat\n{lion}\n", encoding="utf-8")
    check_classes(collect_folder(folder, labels_only=True))
    assert capsys.readouterr().err.splitlines() == [
        f"petloc: class {FSI}{lion}{PDI} of predefined_classes.txt is on no box this run trains on: the new model "
        "will not know it (box images of it to train it)",
        f"petloc: class {FSI}{dog}{PDI} is {after_first_text(3)}, so the new model will not know it "
        f"({AFTER_FIRST_REMEDY})",
    ]


def test_a_predefined_class_only_after_first_boxes_is_set_apart(tmp_path, capsys):
    folder: Path = tmp_path / "pets"
    folder.mkdir()
    dog = "כלב\u2069"  # its own stray PDI stays an escape
    for n in range(2):
        write_annotated(folder, f"img{n}", 40, 30, [("cat", (5, 5, 15, 15)), (dog, (20, 10, 35, 25))])
    (folder / "predefined_classes.txt").write_text(f"cat\n{dog}\n", encoding="utf-8")
    check_classes(collect_folder(folder, labels_only=True))
    assert capsys.readouterr().err.splitlines() == [
        f"petloc: class {FSI}כלב\\u2069{PDI} of predefined_classes.txt is {after_first_text(2)}, so the new model "
        f"will not know it ({AFTER_FIRST_REMEDY})",
    ]
