"""A class boxed only on the test images a run holds out (--exclude-list) was dropped from the new model with
no word: `petloc train` named the new classes but never it, meta.json's class_names lacked it, and the user
first learned of it from `petloc evaluate --split test` counting each of its images wrong. The run now says
it before training, one line, in the words the Retrain dialog says it in (`core.held_out_classes`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_train
from tests.cli.helpers import run_cli, voc_xml, write_image

LINE = ("petloc: class owl is boxed only on test images (held out): the new model will not know it; box it on "
        "images the run trains on to train it")
TENSORFLOW = "(TensorFlow loads here)"
# a model's unreviewed pre-label; its model not found: trained on unless --skip-prelabels
PRELABEL = "petloc pre-label by petloc predict, model gone/0a0a0a"


@pytest.fixture
def no_tensorflow(monkeypatch):
    from petloc_gui.model import training

    def trained(data_dir, config, on_event, should_stop, folder=None):
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: print(TENSORFLOW, file=sys.stderr))
    monkeypatch.setattr(training, "train", trained)


def _boxed(folder: Path, labels: list[str | tuple[str, ...]], prelabels: tuple[int, ...] = ()) -> Path:
    """``folder`` with one 40x30 image for each of ``labels`` (img0, img1, ...), one box of it (a tuple: a box of
    each, in its order); each image of its own colour (the run holds a byte copy of a test image out too); those of
    ``prelabels`` a model's unreviewed pre-labels."""
    folder.mkdir()
    for n, label in enumerate(labels):
        grey = n * 9 % 252  # past 27 images, the blue tells them apart
        image = write_image(folder / f"img{n}.png", 40, 30, color=(grey, grey, grey if n < 28 else 255 - n))
        names = (label,) if isinstance(label, str) else label
        xml = voc_xml(image.name, 40, 30, [(name, (5 + at, 5, 20 + at, 20)) for at, name in enumerate(names)])
        if n in prelabels:
            xml = xml.replace("<annotation>", f"<annotation><source><annotation>{PRELABEL}</annotation></source>", 1)
        (folder / f"img{n}.xml").write_text(xml, encoding="utf-8")
    return folder


def _folder(tmp_path: Path) -> Path:
    """cat and dog on three images each (img0-img5), owl on two (img6, img7), listed in exclude.txt."""
    folder = _boxed(tmp_path / "pets", ["cat"] * 3 + ["dog"] * 3 + ["owl"] * 2)
    (tmp_path / "exclude.txt").write_text("img6.png\nimg7.png\n", encoding="utf-8")
    return folder


def _train(capsys, tmp_path: Path, *more) -> list[str]:
    code, _, stderr = run_cli(capsys, "train", tmp_path / "pets", "--preset", "digits", "--out", tmp_path / "m",
                              *more)
    assert code == 0, stderr
    return stderr.splitlines()


def test_a_class_only_on_excluded_images_is_said_before_training(tmp_path, capsys, no_tensorflow):
    _folder(tmp_path)
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
    assert [line for line in lines if "only on test images" in line] == [LINE]
    assert lines.index(LINE) < lines.index(TENSORFLOW)  # before the run, not among its closing words


def test_nothing_is_said_when_it_is_on_an_image_the_run_trains_on_or_its_model_knows_it(tmp_path, capsys,
                                                                                         no_tensorflow):
    folder = _folder(tmp_path)
    assert not [line for line in _train(capsys, tmp_path) if "only on test images" in line]  # nothing held out
    (tmp_path / "exclude.txt").write_text("img7.png\n", encoding="utf-8")  # img6's owl is trained on
    assert not [line for line in _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
                if "only on test images" in line]
    (tmp_path / "exclude.txt").write_text("img6.png\nimg7.png\n", encoding="utf-8")
    parent = tmp_path / "parent"  # a model that knows owl: the fine-tune keeps it
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog", "owl"]}), encoding="utf-8")
    assert not [line for line in _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt",
                                        "--init-from", parent) if "only on test images" in line]
    assert folder.is_dir()


def test_a_predefined_class_only_on_test_images_is_said_once_in_those_words(tmp_path, capsys, no_tensorflow):
    folder = _folder(tmp_path)
    (folder / "predefined_classes.txt").write_text("cat\ndog\nowl\n", encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
    assert [line for line in lines if "owl" in line] == [LINE]


def test_several_classes_on_one_line(tmp_path, capsys, no_tensorflow):
    _boxed(tmp_path / "pets", ["cat"] * 3 + ["owl", "bat", "bat"])
    (tmp_path / "exclude.txt").write_text("img3.png\nimg4.png\nimg5.png\n", encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
    assert [line for line in lines if "only on test images" in line] == [
        "petloc: classes bat, owl are boxed only on test images (held out): the new model will not know them; box "
        "them on images the run trains on to train them"]


def test_a_class_whose_only_other_boxes_are_pre_labels_the_run_skips_is_said(tmp_path, capsys, no_tensorflow):
    """owl on the two excluded images and on one unreviewed pre-label: with --skip-prelabels no image the run trains
    on has it, and nothing was said (the classes were counted on every image read, pre-labels included)."""
    _boxed(tmp_path / "pets", ["cat"] * 3 + ["dog"] * 3 + ["owl"] * 3, prelabels=(8,))
    (tmp_path / "exclude.txt").write_text("img6.png\nimg7.png\n", encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt", "--skip-prelabels")
    assert [line for line in lines if "only on test images" in line] == [
        "petloc: class owl is boxed only on test images (held out) and on unreviewed pre-labels this run leaves out: "
        "the new model will not know it; review its pre-labels in the window (a save makes a box a person's) or box "
        "it on images the run trains on to train it"]
    # trained on its pre-label: nothing to say
    assert not [line for line in _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
                if "only on test images" in line]


@pytest.mark.parametrize(("trained", "tested", "said"), [
    ("owl", "Owl", ('"Owl"', '"owl"')),
    ("\u00e9t\u00e9", "e\u0301te\u0301", ('"e\u0301te\u0301" (decomposed)', '"\u00e9t\u00e9" (composed)')),
])
def test_a_class_typed_another_way_on_the_test_images_is_said_so(tmp_path, capsys, no_tensorflow, trained, tested,
                                                                   said):
    """The test images' label is a class the run trains on typed another way ("Owl" there, "owl" on the images it
    trains on; a decomposed "été" beside the composed one): the line said to box it on images the run trains on, and
    boxing "Owl" there has the run refused for a class typed two ways. It now says which class it is, and to rename it
    on the test images."""
    _boxed(tmp_path / "pets", ["cat"] * 3 + [trained] * 3 + [tested] * 2)
    (tmp_path / "exclude.txt").write_text("img6.png\nimg7.png\n", encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
    ours, theirs = said
    assert [line for line in lines if "only on test images" in line] == [
        f"petloc: class {ours} is boxed only on test images (held out), and is class {theirs} of this run typed "
        f"another way: the new model will know it only as {theirs}; rename it {theirs} on the test images (boxing "
        f"{ours} on images the run trains on would have the run refused: a class typed two ways)"]


def test_a_class_typed_another_way_the_run_does_not_learn_is_not_said_to_be_known(tmp_path, capsys, no_tensorflow):
    """"Owl" on the test images, "owl" only on an image's second box: the run learns each image's first box, so it
    learns no owl, but the line said "the new model will know it only as "owl"", beside the line that says it will
    not know owl."""
    _boxed(tmp_path / "pets", ["cat"] * 3 + ["dog"] * 2 + [("dog", "owl")] + ["Owl"] * 2)
    (tmp_path / "exclude.txt").write_text("img6.png\nimg7.png\n", encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
    assert [line for line in lines if "owl" in line.lower()] == [
        'petloc: class "Owl" is boxed only on test images (held out), and is class "owl" of this run typed another '
        "way, none of whose boxes is an image's first: a run learns one box per image, the first, so the new model "
        'will not know it; rename it "owl" on the test images and box images where it is the first object to train '
        'it (boxing "Owl" on images the run trains on would have the run refused: a class typed two ways)',
        "petloc: class owl is on 1 box, none an image's first: a run learns one box per image, the first, so the new "
        "model will not know it (box images where it is the first object to train it)"]
    # a fine-tune from a model that knows owl keeps it: the new model knows it as owl
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog", "owl"]}), encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt", "--init-from", parent)
    assert [line for line in lines if "owl" in line.lower()] == [
        'petloc: class "Owl" is boxed only on test images (held out), and is class "owl" of this run typed another '
        'way: the new model will know it only as "owl"; rename it "owl" on the test images (boxing "Owl" on images '
        "the run trains on would have the run refused: a class typed two ways)"]


def test_a_class_typed_another_way_on_pre_labels_the_run_skips_is_said_so(tmp_path, capsys, no_tensorflow):
    """"Owl" on the test images, "owl" only on an unreviewed pre-label --skip-prelabels leaves out: the line said to
    box "Owl" on images the run trains on, and done, the run that trains on the pre-label was refused for a class
    typed two ways. It now names the pre-labels' class, and to give it one spelling first."""
    _boxed(tmp_path / "pets", ["cat"] * 3 + ["dog"] * 3 + ["Owl"] * 2 + ["owl"], prelabels=(8,))
    (tmp_path / "exclude.txt").write_text("img6.png\nimg7.png\n", encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt", "--skip-prelabels")
    assert [line for line in lines if "only on test images" in line] == [
        'petloc: class "Owl" is boxed only on test images (held out), and is class "owl" of unreviewed pre-labels this '
        "run leaves out, typed another way: the new model will not know it; rename it on the test images (or the "
        "pre-labels) to one spelling, then review its pre-labels in the window (a save makes a box a person's) or box "
        "it on images the run trains on to train it (two spellings would have a run that trains on the pre-labels "
        "refused: a class typed two ways)"]
    # trained on its pre-label: the run's owl
    assert [line for line in _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
            if "only on test images" in line] == [
        'petloc: class "Owl" is boxed only on test images (held out), and is class "owl" of this run typed another '
        'way: the new model will know it only as "owl"; rename it "owl" on the test images (boxing "Owl" on images '
        "the run trains on would have the run refused: a class typed two ways)"]


@pytest.mark.parametrize(("tested", "said"), [
    (("Owl", "owl"), '"Owl" and "owl"'),
    (("\u00e9t\u00e9", "e\u0301te\u0301"), '"e\u0301te\u0301" (decomposed) and "\u00e9t\u00e9" (composed)'),
])
def test_two_spellings_each_only_on_test_images_are_said_as_one_class(tmp_path, capsys, no_tensorflow, tested, said):
    """"Owl" on one test image, "owl" on the other, neither elsewhere: the plain line said "classes Owl, owl are boxed
    only on test images ...; box them on images the run trains on", and boxed so, the run was refused (labels that
    differ only in case); a composed and a decomposed "été" read "été, été". They are said as one class, each
    spelling told apart, and to give it one spelling first."""
    _boxed(tmp_path / "pets", ["cat"] * 3 + ["dog"] * 3 + list(tested))
    (tmp_path / "exclude.txt").write_text("img6.png\nimg7.png\n", encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
    assert [line for line in lines if "only on test images" in line] == [
        f"petloc: classes {said} are one class typed two ways, boxed only on test images (held out): the new model "
        "will not know it; give it one spelling on the test images, then box it on images the run trains on to train "
        "it (boxed in two spellings, it would have the run refused: a class typed two ways)"]


def test_many_classes_typed_another_way_are_named_on_a_line_per_kind(tmp_path, capsys, no_tensorflow):
    """12 classes each typed in capitals on the test images ("CLASS00" there, "class00" on the images the run trains
    on): a line each, some 300 characters (40 such classes: 12,040 characters before "training on"). Past 3, a line
    per kind names them, the first 10 then how many more, and the advice is said once."""
    names = [f"class{n:02d}" for n in range(12)]
    _boxed(tmp_path / "pets", [name for name in names for _ in range(2)] + [name.upper() for name in names])
    (tmp_path / "exclude.txt").write_text("".join(f"img{24 + n}.png\n" for n in range(12)), encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
    named = ", ".join(f'"{name.upper()}" ("{name}")' for name in names[:10])
    assert [line for line in lines if "test images" in line] == [
        "petloc: 12 classes are boxed only on test images (held out), each the class in brackets of this run typed "
        f"another way: the new model will know each only as that class: {named} and 2 more",
        "petloc: rename each of these 12 classes on the test images as the class in brackets (boxing them as they are "
        "on images the run trains on would have the run refused: classes typed two ways)"]
    assert next(n for n, line in enumerate(lines) if "test images" in line) < lines.index(TENSORFLOW)


def test_classes_typed_another_way_of_each_kind_past_three_have_a_line_per_kind(tmp_path, capsys, no_tensorflow):
    """Past 3 classes typed another way, each kind (a class the run learns, one only on later boxes, one of the
    pre-labels --skip-prelabels leaves out) has its line, and the advice says what each needs, once."""
    trained = ["a0", "a0", "a1", "a1", "a2", "a2", ("a0", "b"), "c"]
    tested = ["A0", "A1", "A2", "B", "C"]
    _boxed(tmp_path / "pets", [*trained, *tested], prelabels=(7,))
    (tmp_path / "exclude.txt").write_text("".join(f"img{8 + n}.png\n" for n in range(5)), encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt", "--skip-prelabels")
    assert [line for line in lines if "test images" in line] == [
        "petloc: 3 classes are boxed only on test images (held out), each the class in brackets of this run typed "
        'another way: the new model will know each only as that class: "A0" ("a0"), "A1" ("a1"), "A2" ("a2")',
        "petloc: 1 class is boxed only on test images (held out), the class in brackets of this run typed another "
        "way, none of whose boxes is an image's first: a run learns one box per image, the first, so the new model "
        'will not know it: "B" ("b")',
        "petloc: 1 class is boxed only on test images (held out), the class in brackets of unreviewed pre-labels "
        'this run leaves out, typed another way: the new model will not know it: "C" ("c")',
        "petloc: rename each of these 5 classes on the test images as the class in brackets; of a class none of whose "
        "boxes is an image's first, box images where it is the first object to train it; of a class of the pre-labels "
        "left out, then review its pre-labels in the window (a save makes a box a person's) or box it on images the "
        "run trains on to train it (boxing them as they are on images the run trains on would have the run refused: "
        "classes typed two ways)"]


def test_a_class_typed_another_way_learned_only_from_an_image_the_run_cannot_use_is_not_said_known(
        tmp_path, capsys, no_tensorflow):
    """"Owl" on the test images, "owl" only on an image cut short (a PNG of 30 bytes): the run skips it, its classes
    are [cat, dog], but the line said "the new model will know it only as "owl"" (its classes taken before the run's
    check of each image)."""
    folder = _boxed(tmp_path / "pets", ["cat"] * 3 + ["dog"] * 3 + ["Owl"] * 2 + ["owl"])
    (folder / "img8.png").write_bytes((folder / "img8.png").read_bytes()[:30])
    (tmp_path / "exclude.txt").write_text("img6.png\nimg7.png\n", encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
    said = [line for line in lines if "only on test images" in line]
    assert said == [
        'petloc: class "Owl" is boxed only on test images (held out), and is class "owl" of this run typed another '
        "way, every image of which the run would learn it from is one it cannot use (an unreadable image, or its box "
        'outside it): the new model will not know it; rename it "owl" on the test images and box it first on images '
        'the run can read to train it (boxing "Owl" on images the run trains on would have the run refused: a class '
        "typed two ways)"]
    assert lines.index(said[0]) < lines.index(TENSORFLOW)


def test_a_class_on_the_test_images_learned_only_from_an_image_the_run_cannot_use_is_said(
        tmp_path, capsys, no_tensorflow):
    """"owl" on the test images and on one image cut short, the same spelling: the run skips that image and learns no
    owl, and nothing was said of it (a class on a box of an image the run trains on was taken for trained; only one
    typed another way was told apart; a review's find)."""
    folder = _boxed(tmp_path / "pets", ["cat"] * 3 + ["dog"] * 3 + ["owl"] * 2 + ["owl"])
    (folder / "img8.png").write_bytes((folder / "img8.png").read_bytes()[:30])
    (tmp_path / "exclude.txt").write_text("img6.png\nimg7.png\n", encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt")
    said = [line for line in lines if "owl" in line]
    assert said == [
        "petloc: class owl is boxed on test images (held out), and first on no image the run can use (a run learns "
        "an image's first box; an unreadable image, or its box outside it, cannot be used): the new model will not "
        "know it; box it first on images the run can read to train it"]
    assert lines.index(said[0]) < lines.index(TENSORFLOW)
    parent = tmp_path / "parent"  # a fine-tune keeps the model's owl: nothing to say
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog", "owl"]}), encoding="utf-8")
    lines = _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt", "--init-from", parent)
    assert not [line for line in lines if "owl" in line and "test images" in line]


def _trained_with_owl_renamed(tmp_path, capsys, on_test: str, new: str) -> list[str]:
    """`petloc train`'s lines for a fine-tune of a model knowing cat, dog, owl with --renamed NEW=owl, ``on_test``
    boxed on the two test images and NEW on three trained."""
    _boxed(tmp_path / "pets", ["cat"] * 3 + ["dog"] * 3 + [on_test] * 2 + [new] * 3)
    (tmp_path / "exclude.txt").write_text("img6.png\nimg7.png\n", encoding="utf-8")
    parent = tmp_path / "parent"
    parent.mkdir()
    (parent / "meta.json").write_text(json.dumps({"class_names": ["cat", "dog", "owl"]}), encoding="utf-8")
    return _train(capsys, tmp_path, "--exclude-list", tmp_path / "exclude.txt", "--init-from", parent,
                  "--renamed", f"{new}=owl")


@pytest.mark.parametrize(("new", "then"), [
    ("strix", "train a new class beside strix"),
    ("Owl", "have the run refused: a class typed two ways"),
])
def test_a_model_s_class_renamed_away_still_on_the_test_images_is_said_to_be_the_renamed_class(
        tmp_path, capsys, no_tensorflow, new, then):
    """--renamed strix=owl, the test images still boxed "owl": the line said to box owl on images the run trains on,
    and done, the run trained a new owl beside strix (the model's owl weights). It now says owl is the model's class
    the rename trains as strix, and to rename it so on the test images."""
    lines = _trained_with_owl_renamed(tmp_path, capsys, "owl", new)
    assert [line for line in lines if "only on test images" in line] == [
        f"petloc: class owl is boxed only on test images (held out): it is the model's owl, trained as {new} by the "
        f"rename; rename it {new} on the test images (boxed as owl on images the run trains on, it would {then})"]


@pytest.mark.parametrize(("new", "then"), [
    ("strix", "train a new class beside \"strix\""),
    ("Owl", "have the run refused: a class typed two ways"),
])
def test_a_model_s_class_renamed_away_typed_another_way_on_the_test_images_is_said_to_be_the_renamed_class(
        tmp_path, capsys, no_tensorflow, new, then):
    """--renamed strix=owl, the test images boxed "OWL": only an "owl" was taken for the model's class, and "OWL" was
    said to be boxed on images the run trains on; so boxed, the run trained a new OWL beside strix (a review's find)."""
    lines = _trained_with_owl_renamed(tmp_path, capsys, "OWL", new)
    assert [line for line in lines if "only on test images" in line] == [
        f'petloc: class "OWL" is boxed only on test images (held out): it is the model\'s "owl" typed another way, '
        f'trained as "{new}" by the rename; rename it "{new}" on the test images (boxed as "OWL" on images the run '
        f"trains on, it would {then})"]


def test_a_label_drawn_as_nothing_on_test_images_is_no_class_boxed_only_there(capsys, tmp_path, no_tensorflow):
    # "\u200b" is no class a run learns (core.scored_objects.labelled): the line said it "boxed only on test images"
    # and advised boxing it where the run trains (a review's find)
    _boxed(tmp_path / "pets", ["cat"] * 3 + ["dog"] * 3 + [("\u200b", "cat"), ("dog", "\u200b")])
    (tmp_path / "exclude.txt").write_text("img6.png\nimg7.png\n", encoding="utf-8")
    _, _, err = run_cli(capsys, "train", tmp_path / "pets", "--preset", "digits", "--out", tmp_path / "m",
                        "--exclude-list", tmp_path / "exclude.txt")
    assert "only on test images" not in err, err
