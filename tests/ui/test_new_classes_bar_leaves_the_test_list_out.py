"""The new-classes bar's 3-images-per-class rule counts only the images a run could train on: not those of the
folder's test list (a VOC devkit's ImageSets/Main/test.txt), which every run of the window holds out.

Before, it counted them: a class boxed on two test images and none else read "testonly (1 more)", and with a third
it was no longer needed at all, so the bar offered "Fine-tune the model with the new classes…" for a run that could
not learn it (the Retrain dialog then dropped it unsaid)."""

from __future__ import annotations

import shutil

from petloc_gui.app.class_tally import ClassTally, RowShare, items_on_test_list
from petloc_gui.core.boxes import Box
from petloc_gui.ui.models.new_classes_bar import FINE_TUNE_TEXT

from .conftest import open_and_wait, write_annotation, write_image

CAT, DOG = ["a", "b", "c"], ["d", "e", "f"]


def _devkit(tmp_path, owls: list[str], test: list[str], copies: tuple[tuple[str, str], ...] = ()):
    """Three cats, three dogs and ``owls``, each a VOC devkit image of its own; ``test`` on its test list;
    ``copies``: (image, copy) byte copies of an image under another name, boxed owl."""
    root = tmp_path / "voc"
    for folder in ("JPEGImages", "Annotations", "ImageSets/Main"):
        (root / folder).mkdir(parents=True)
    for n, (stem, label) in enumerate([*((s, "cat") for s in CAT), *((s, "dog") for s in DOG),
                                       *((s, "owl") for s in owls)]):
        image = root / "JPEGImages" / f"{stem}.png"
        write_image(image, seed=n)
        xml = write_annotation(image, [(label, Box(10, 10, 50, 50))])
        xml.rename(root / "Annotations" / xml.name)
    for stem, copy in copies:
        shutil.copyfile(root / "JPEGImages" / f"{stem}.png", root / "JPEGImages" / f"{copy}.png")
        xml = write_annotation(root / "JPEGImages" / f"{copy}.png", [("owl", Box(10, 10, 50, 50))])
        xml.rename(root / "Annotations" / xml.name)
    (root / "ImageSets" / "Main" / "test.txt").write_text("".join(f"{stem}\n" for stem in test), encoding="utf-8")
    return root


def _bar(qtbot, window, root):
    open_and_wait(qtbot, window, root, model="pets")  # a pick: it stays, and the bar names what it does not know
    bar = window.models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    bar.refresh()
    assert window.current_model_spec() == "pets" and bar.button.text() == FINE_TUNE_TEXT
    return bar


def test_a_class_only_on_the_test_list_is_not_offered(qtbot, window, tmp_path):
    bar = _bar(qtbot, window, _devkit(tmp_path, ["g", "h", "i"], test=["g", "h", "i"]))
    text = bar.message.text()
    assert "does not know the class owl" in text and "still needed: owl (3 more)" in text
    assert "Images on the folder's test list do not count: every run holds them out (owl has 3 there)." in text
    assert not bar.button.isEnabled()


def test_test_list_images_are_left_out_of_the_count_and_the_others_counted(qtbot, window, tmp_path):
    bar = _bar(qtbot, window, _devkit(tmp_path, ["g", "h", "i", "j"], test=["a", "g", "h"]))  # a cat too
    text = bar.message.text()
    assert "still needed: owl (1 more)" in text and "owl has 2 there" in text
    session = window.session
    assert session.model.box_counts() == {"cat": 3, "dog": 3, "owl": 4}  # the model choice still weighs them all
    assert bar._counts() == {"cat": 2, "dog": 3, "owl": 2}


def test_no_test_list_no_word_of_it(qtbot, window, tmp_path):
    bar = _bar(qtbot, window, _devkit(tmp_path, ["g", "h"], test=[]))
    text = bar.message.text()
    assert "still needed: owl (1 more)" in text and "test list" not in text


def test_the_tally_leaves_the_test_list_s_rows_out_as_it_counts_them():
    tally = ClassTally()
    shares = [RowShare("owl", True, ("owl", "cat"), frozenset({"owl", "cat"}), test_list=True),
              RowShare("owl", False, ("owl",), frozenset({"owl"}), test_list=True),  # an unreviewed pre-label
              RowShare("cat", True, ("cat",), frozenset({"cat"}))]
    for share in shares:
        tally.replace(RowShare(None, True, (), frozenset()), share)
    assert tally.counts(test_list=False) == {"cat": 1}
    assert tally.counts(reviewed_only=True, test_list=False) == {"cat": 1}
    assert tally.counts(every_box=True, test_list=False) == {"cat": 1}
    assert tally.test_list_counts() == {"owl": 2}
    assert tally.counts() == {"owl": 2, "cat": 1}  # the tally itself unchanged

    class Item:
        def __init__(self, split):
            self.split = split

    assert items_on_test_list([Item("train"), Item("test"), Item(None), Item("test")]) == [1, 3]


COPIES_SAID = ("Byte copies of test-list images under other names are held out too, but counted here (their bytes are "
               "not read): the Retrain dialog says which classes a run cannot learn.")


def test_byte_copies_of_test_list_images_are_said_held_out_too(qtbot, window, tmp_path):
    """owl on three test-list images and on a byte copy of each under another name, which every run holds out too
    (`collect_folder`'s test_copies): the bar counted the copies and offered a run that could not learn owl, saying
    nothing; finding them means reading every image's bytes, which the bar does not do on the UI thread. It now says
    they are held out too, and where the classes a run cannot learn are said."""
    from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for

    root = _devkit(tmp_path, ["g", "h", "i"], test=["g", "h", "i"], copies=(("g", "x"), ("h", "y"), ("i", "z")))
    bar = _bar(qtbot, window, root)
    assert "Every new class has enough boxes" in bar.message.text()  # the copies counted: their bytes are not read
    assert bar.message.text().endswith(COPIES_SAID)
    assert holdout_preview_for(root)(0.2, False).test_only.names == ("owl",)  # which the dialog then says
    bar = _bar(qtbot, window, _devkit(tmp_path / "short", ["g", "h"], test=["g", "h"], copies=(("g", "x"),)))
    assert "still needed: owl (2 more)" in bar.message.text()
    assert bar.message.text().endswith(f"(owl has 2 there). {COPIES_SAID}")


def test_no_word_of_copies_when_no_class_in_question_is_on_the_test_list(qtbot, window, tmp_path):
    bar = _bar(qtbot, window, _devkit(tmp_path, ["g", "h", "i"], test=["a"]))  # a cat: the model knows cats
    assert "Byte copies" not in bar.message.text()
