"""`core.stats_problems.problem_kind` (and so `core.guessed_boxes.guessed_notes`, `petloc stats`' problem kinds and
evaluate's clamped and guessed boxes) tells a guess (an inverted box swapped, coordinates read as fractions) by what
read_voc's note says of the box, after its "object N (label): ", never by the label.

Before: the kind was read over the whole note, label included, so a class named "inverted_repeat" whose box lay
partly outside the image had its clamp note taken for a guess (`model.data.Sample.guessed_boxes`): `petloc train`
said it "learned so: a guess at what the file meant" (a review's find)."""

from __future__ import annotations

import pytest

from petloc_gui.core.guessed_boxes import guessed_notes
from petloc_gui.core.voc import read_voc
from petloc_gui.model.data import collect_samples
from tests.cli.helpers import write_annotated

W, H = 40, 30
OUTSIDE = (20, 10, 60, 50)  # past the right and bottom edges: clamped, no guess
INVERTED = (30, 25, 22, 5)  # xmin > xmax: swapped, a guess
FRACTIONS = (0.1, 0.1, 0.5, 0.6)  # read as fractions of the image, a guess
ZERO = (10, 10, 10, 20)


def _notes(folder, label, box):
    write_annotated(folder, "a", W, H, [(label, box)])
    return read_voc(folder / "a.xml", image_size=(W, H)).problems


@pytest.mark.parametrize("label", ["inverted_repeat", "look normalised", "x): inverted box", "cat (inverted)"])
def test_a_label_naming_a_guess_makes_no_clamp_note_one(tmp_path, label):
    problems = _notes(tmp_path, label, OUTSIDE)
    assert len(problems) == 1 and " lies outside the " in problems[0]
    assert guessed_notes(problems, [1]) == []
    samples, _, _ = collect_samples(tmp_path)
    assert samples[0].guessed_boxes == ()  # `petloc train` says nothing of it


@pytest.mark.parametrize("label", ["cat", "x): box lies outside the", "zero area"])
def test_a_guess_is_one_whatever_its_label(tmp_path, label):
    assert len(guessed_notes(_notes(tmp_path, label, INVERTED), [1])) == 1
    assert len(guessed_notes(_notes(tmp_path, label, FRACTIONS), [1])) == 1


@pytest.mark.parametrize("box", [OUTSIDE, INVERTED, FRACTIONS, ZERO])
def test_read_voc_s_words_on_a_box_hold_no_label_end_of_their_own(tmp_path, box):
    """What the kind is read from starts after the last "): " of the note: read_voc's words after the label
    must hold none (a label may)."""
    problems = _notes(tmp_path, "cat", box)
    assert problems and all(note.startswith("object 1 (cat): ") and note.count("): ") == 1 for note in problems)



@pytest.mark.parametrize(("label", "box", "kind"), [
    ("inverted_repeat", OUTSIDE, "box_outside_image"),
    ("look normalised", INVERTED, "inverted_box"),
    ("outside", FRACTIONS, "normalised_box"),
    ("differs from the image", ZERO, "empty_box"),
])
def test_every_reader_of_a_note_s_kind_reads_the_box_not_the_label(tmp_path, label, box, kind):
    """`petloc stats`' problem kinds and `evaluate`'s clamped and guessed boxes (--json) follow the same rule
    (a review found them still reading the label after guessed_notes no longer did)."""
    from petloc_gui.cli.evaluate_clamped import repaired_report
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.stats import compute_stats
    from petloc_gui.core.stats_problems import problem_kind

    problems = _notes(tmp_path, label, box)
    assert [problem_kind(note) for note in problems] == [kind]
    stats = compute_stats(open_dataset(tmp_path))
    assert [problem.kind for problem in stats.problems if problem.message == problems[0]] == [kind]
    if kind != "empty_box":  # (evaluate reports clamped and guessed boxes only)
        report = repaired_report([(tmp_path / "a.xml", problems[0])])
        assert [entry["kind"] for entry in report["boxes_clamped"] + report["boxes_guessed"]] == [kind]


SIZE = f"<size><width>{W}</width><height>{H}</height><depth>3</depth></size>"
CAT = "<object><name>cat</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>20</xmax><ymax>20</ymax></bndbox></object>"


def _point(label: str) -> str:
    """An <object> another tool wrote with no <bndbox> (a point): read_voc's note on it holds ``label``."""
    return f"<object><name>{label}</name><point><x>3</x><y>3</y></point></object>"


def _box(label: str, box) -> str:
    return (f"<object><name>{label}</name><bndbox>"
            + "".join(f"<{tag}>{value}</{tag}>" for tag, value in zip(("xmin", "ymin", "xmax", "ymax"), box,
                                                                      strict=True))
            + "</bndbox></object>")


@pytest.mark.parametrize(("image", "size", "objects", "kinds"), [
    # each note of read_voc whose text holds the file's (a label, an image's name, a size's value), that text
    # naming another kind: an object with no box named "look normalised" was a normalised_box (a review's find)
    ("a.png", SIZE, CAT + _point("look normalised") + _point("inverted"), ["object_without_box"] * 2),
    ("a.png", SIZE, CAT + _point("x): inverted box") + _point("y) has no &lt;bndbox&gt; ) lies outside the"),
     ["object_without_box"] * 2),
    ("a.png", SIZE, _point("zero area") + CAT, ["object_without_box"]),
    ("a.png", "<size><width>inverted</width><height>0</height></size>", CAT, ["missing_size"]),
    ("outside.png", "", CAT, ["missing_size"]),
    # and each of its other notes, the label naming another kind
    ("a.png", SIZE, _box("outside", INVERTED), ["inverted_box"]),
    ("a.png", SIZE, _box("inverted", FRACTIONS), ["normalised_box"]),
    ("a.png", SIZE, _box("zero area", OUTSIDE), ["box_outside_image"]),
    ("a.png", SIZE, _box("look normalised", ZERO), ["empty_box"]),
    ("a.png", f"<size><width>{W * 2}</width><height>{H}</height></size>", _box("inverted", (1, 1, 9, 9)),
     ["size_mismatch"]),
    ("a.png", SIZE, CAT + "<object><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>9</xmax><ymax>9</ymax></bndbox></object>",
     ["missing_label"]),
    ("a.png", SIZE, CAT + _box("\u200b", (1, 1, 9, 9)), ["missing_label"]),
    ("a.png", SIZE, _box("inverted " * 40, (1, 1, 9, 9)), ["annotation_problem"]),
])
def test_every_note_read_voc_writes_has_its_kind_whatever_the_file_s_text(tmp_path, image, size, objects, kinds):
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.stats import compute_stats
    from petloc_gui.core.stats_problems import problem_kind
    from tests.cli.helpers import write_image

    xml = write_image(tmp_path / image, W, H).with_suffix(".xml")
    xml.write_text(f"<annotation><filename>{image}</filename>{size}{objects}</annotation>", encoding="utf-8")
    reads = [read_voc(xml, image_path=tmp_path / image)]
    if not size:  # no size in the file, none given: taken from the image found by its name, which the note names
        reads.append(read_voc(xml))
    for problems in (read.problems for read in reads):
        assert [problem_kind(note) for note in problems] == kinds, problems
    stats = compute_stats(open_dataset(tmp_path))
    assert [problem.kind for problem in stats.problems if problem.path == str(xml)] == kinds, stats.problems


def test_what_a_save_drops_is_no_box_s_problem_whatever_the_file_s_text_names(tmp_path):
    """read_voc's notes on a DOCTYPE, a processing instruction or an XInclude a save drops quote the file's text:
    read over it, `<?xml-stylesheet href="inverted.xsl"?>` was an inverted box in `petloc stats` (a review's
    find)."""
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.stats import compute_stats
    from petloc_gui.core.stats_problems import problem_kind
    from tests.cli.helpers import write_image

    xml = write_image(tmp_path / "a.png", W, H).with_suffix(".xml")
    xml.write_text('<?xml-stylesheet href="inverted.xsl"?>\n<!DOCTYPE annotation SYSTEM "look normalised.dtd">\n'
                   '<annotation xmlns:xi="http://www.w3.org/2001/XInclude"><filename>a.png</filename>'
                   f'{SIZE}{CAT}<xi:include href="zero area outside.xml"/></annotation>', encoding="utf-8")
    problems = read_voc(xml, image_path=tmp_path / "a.png").problems
    assert len(problems) == 3 and all("removed when saved" in note for note in problems), problems
    assert {problem_kind(note) for note in problems} == {"annotation_problem"}, problems
    kinds = {problem.kind for problem in compute_stats(open_dataset(tmp_path)).problems}
    assert not kinds & {"inverted_box", "normalised_box", "empty_box", "box_outside_image"}, kinds


def test_a_box_wholly_outside_is_said_in_read_voc_s_words_whatever_its_label(tmp_path):
    """Training's reason for skipping a box wholly outside its image is read_voc's words on it, found and cut by
    the one rule (`stats_problems.own_words`): cut at the note's first ": ", a label "a: b" gave the reason
    "b): box (...) lies entirely outside ..." (the last read of the session)."""
    from tests.cli.helpers import write_annotated

    write_annotated(tmp_path, "a", W, H, [("a: b", (50, 40, 60, 50))])
    _, skipped, _ = collect_samples(tmp_path)
    [(_, reason)] = [(path, reason) for path, reason in ((s[0], s[-1]) for s in skipped)]
    assert reason.startswith("box (") and " lies entirely outside the 40x30 image" in reason, reason
