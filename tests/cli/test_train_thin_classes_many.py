"""`petloc train` on a folder of many thin classes (120 classes, 80 of them boxed on 1-2 images) printed a
warning line per thin class, 80 near-identical lines before "training on ...", the advice repeated on each.
Past `MAX_THIN_ONE_BY_ONE` thin classes it now says one line per reason, naming its classes (the first
`THIN_NAMES_LISTED` in natural order, then how many more), and the advice once; up to it, a line per class
as before (tests/cli/test_train_thin_classes.py). Which classes are thin is still `app.thin_classes`' rule."""

from __future__ import annotations

from petloc_gui.app import thin_classes as rule
from petloc_gui.cli import train_checks
from petloc_gui.cli.train_checks import MAX_THIN_ONE_BY_ONE, THIN_NAMES_LISTED
from tests.cli.thin_class_samples import samples_of, warning_lines

ADVICE = "the window asks for as many before it offers training"


def _many() -> tuple[dict[str, int], dict[str, int]]:
    """120 classes: 40 boxed on 5 images, 50 on one, 30 on two (named so that code-point order is not
    natural order: cat_10 before cat_2), and 2 only on pre-labels."""
    reviewed = {f"dog_{i}": 5 for i in range(40)}
    reviewed |= {f"cat_{i}": 1 for i in range(50)}
    reviewed |= {f"owl_{i}": 2 for i in range(30)}
    return reviewed, {"emu_b": 3, "Emu_a": 1}


def test_many_thin_classes_are_one_line_per_reason_with_the_advice_once(capsys):
    reviewed, prelabels = _many()
    samples = samples_of(reviewed) + samples_of(prelabels, prelabel=True)
    warned = warning_lines(capsys, samples)
    assert MAX_THIN_ONE_BY_ONE == 5 and THIN_NAMES_LISTED == 10
    assert warned == [
        "petloc: 2 classes (Emu_a, emu_b) are only on unreviewed pre-labels: the run learns them from a model's "
        "unchecked boxes and never measures them (pre-labels are never held out; review them in the window: a save "
        "makes a box a person's)",
        "petloc: 50 classes (cat_0, cat_1, cat_2, cat_3, cat_4, cat_5, cat_6, cat_7, cat_8, cat_9 and 40 more) have "
        "1 person-reviewed image each: none can be both trained on and held out, so the run never measures them",
        "petloc: 30 classes (owl_0, owl_1, owl_2, owl_3, owl_4, owl_5, owl_6, owl_7, owl_8, owl_9 and 20 more) have "
        "only 2 person-reviewed images each: one of each is held out for validation, so their figures, if any, rest "
        "on a single image",
        f"petloc: box at least 3 images of each of these 82 classes to measure it ({ADVICE})",
    ]
    # the classes so counted are the rule's, none more, none less
    thin = rule.thin_classes(reviewed, prelabels)
    assert len(thin) == 82 and sum(int(line.split()[1]) for line in warned[:-1]) == len(thin)


def test_a_reason_of_one_class_among_many_reads_in_the_singular(capsys):
    samples = samples_of({f"cat_{i}": 1 for i in range(6)} | {"owl": 2}) + samples_of({"emu": 1}, prelabel=True)
    warned = warning_lines(capsys, samples)
    assert warned[0] == ("petloc: 1 class (emu) is only on unreviewed pre-labels: the run learns it from a model's "
                         "unchecked boxes and never measures it (pre-labels are never held out; review them in the "
                         "window: a save makes a box a person's)")
    assert warned[2] == ("petloc: 1 class (owl) has only 2 person-reviewed images: one is held out for validation, so "
                         "its figures, if any, rest on a single image")
    assert warned[1].startswith("petloc: 6 classes (cat_0, cat_1, cat_2, cat_3, cat_4, cat_5) have 1 ")
    assert len(warned) == 4 and warned[-1].startswith("petloc: box at least 3 images of each of these 8 classes")


def test_up_to_the_limit_each_class_keeps_its_own_line(capsys, monkeypatch):
    samples = samples_of({f"cat_{i}": 1 for i in range(MAX_THIN_ONE_BY_ONE)})
    warned = warning_lines(capsys, samples)
    assert len(warned) == MAX_THIN_ONE_BY_ONE
    assert all(line.startswith(f"petloc: class cat_{i} has 1 person-reviewed image") and ADVICE in line
               for i, line in enumerate(warned))
    monkeypatch.setattr(train_checks, "MAX_THIN_ONE_BY_ONE", MAX_THIN_ONE_BY_ONE - 1)
    assert len(warning_lines(capsys, samples)) == 2  # one reason, and the advice
