"""`petloc train`'s lines on unreviewed pre-labels (`cli.train_checks._warn_unaware_prelabels`: those it leaves
out as their model did not know a class of the run, and those whose model it cannot find) named the model, the
files and the classes `visible` only: a Hebrew name took the line's direction and moved the words and punctuation
around it in a terminal that lays out bidi text. They are set apart now (`core.text.isolated`), as the thin-class
and unknown-class lines set theirs (tests/cli/test_train_class_lines_isolated.py), the isolates kept on stderr
(`error(..., names_isolated=True)`); an isolate a name holds itself is still an escape, an English name as it was."""

from __future__ import annotations

from petloc_gui.cli.train_checks import check_classes
from petloc_gui.core.text import FIRST_STRONG_ISOLATE as FSI
from petloc_gui.core.text import POP_DIRECTIONAL_ISOLATE as PDI
from petloc_gui.model.collected_folder import collect_folder
from tests.cli.helpers import write_annotated
from tests.model.test_unaware_prelabels import SHAPES, _mark, _prelabel, _store_model

STAR = "כוכב"  # star: a class of the run the model of three shapes did not know
LEFT_OUT = ("so those that show one are labelled as another class; to train on one, review it in the window (a save "
            "makes its box a person's)")
NOWHERE = ("which is not the --init-from model, not in the model store and not a bundled model: whether it knew every "
           "class of this run cannot be told, so it is trained on (--skip-prelabels leaves every pre-label out)")


def _lines(tmp_path, capsys, star, three, gone, prelabel_name):
    """The pre-label lines of a folder of the three shapes and ``star``, one pre-label ``prelabel_name`` of a star by
    the stored model ``three`` (which knew the three shapes only), and one by ``gone``, a model nowhere."""
    folder = tmp_path / "shapes"
    folder.mkdir()
    for name in [*SHAPES, star]:
        for n in range(3):
            write_annotated(folder, f"{name}{n}", 40, 30, [(name, (5, 5, 20, 20))])
    _store_model(three, SHAPES)
    _prelabel(folder, prelabel_name, "triangle", _mark(three))
    _prelabel(folder, "square_d", "square", _mark(gone))
    check_classes(collect_folder(folder, labels_only=True))
    return capsys.readouterr().err.splitlines()


def test_hebrew_model_file_and_class_names_are_set_apart(tmp_path, capsys):
    three, gone = "צורות-שלוש", "נעלם"  # "shapes-three", "gone"
    assert _lines(tmp_path, capsys, STAR, three, gone, f"{STAR} א") == [
        f"petloc: leaving out 1 unreviewed pre-label of model {FSI}{three}{PDI} ({FSI}{STAR} א.png{PDI}): it did not "
        f"know the class {FSI}{STAR}{PDI} of this run, {LEFT_OUT}",
        f"petloc: 1 unreviewed pre-label of model {FSI}{gone}{PDI}, {NOWHERE}",
    ]


def test_a_names_own_isolate_stays_an_escape_and_english_names_are_as_they_were(tmp_path, capsys):
    # a stray PDI would end an isolation early: the name's own isolates are escapes, only `isolated`'s pair is raw
    star, gone = f"{STAR}\u2069", "photo\u2069gone"
    assert _lines(tmp_path, capsys, star, "photo-three", gone, "star_a") == [
        "petloc: leaving out 1 unreviewed pre-label of model photo-three (star_a.png): it did not know the class "
        f"{FSI}{STAR}\\u2069{PDI} of this run, {LEFT_OUT}",
        f"petloc: 1 unreviewed pre-label of model photo\\u2069gone, {NOWHERE}",
    ]


def test_the_classes_are_worded_by_the_models_own_list_each_name_shown_as_asked():
    # one wording, `classes_named`'s: the line's names `isolated`, its other callers' (a skipped image's reason,
    # the window's notes) `visible` as before
    from petloc_gui.core.text import isolated
    from petloc_gui.model.prelabel_models import classes_named

    assert classes_named([STAR, "moon"], isolated) == f"the classes moon and {FSI}{STAR}{PDI}"
    assert classes_named([STAR, "moon"]) == f"the classes moon and {STAR}"
    assert classes_named([f"{STAR}\u2069"], isolated) == f"the class {FSI}{STAR}\\u2069{PDI}"
    many = [f"c{n}" for n in range(8)] + [STAR]
    assert classes_named(many, isolated) == "the classes c0, c1, c2, c3, c4, c5 and 3 more"
    assert classes_named(many[:3], isolated) == "the classes c0, c1 and c2"
