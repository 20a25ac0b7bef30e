"""`petloc evaluate`: a label the model does not know is counted as a class is, on the images whose truth it
is (the object the prediction is matched to, best-gt), not on every image holding it. An image holding "4"
and a small "cat", the model right on its 4, was in row 4 and in row cat ("counted as wrong", 0.000 hard-coded
there): the table's rows added up to 10 images when 9 were evaluated, and the stderr line and
``unknown_labels`` said 2 where the confusion row said 1 (audit H14, D1)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from petloc_gui.cli.evaluate_class_rows import trained_per_class
from petloc_gui.cli.evaluate_unknown import unknown_labels, unknown_line
from tests.cli.helpers import BLUE, RED, last_json, run_cli, voc_xml, write_image

W, H = 64, 32  # the tiny model (classes cat, dog): red images are cat, blue ones dog, its box [16, 16, 48, 28]
BOX = (16, 16, 48, 28)
SMALL = (0, 0, 8, 8)  # overlaps the model's box nowhere


def _folder(tmp_path):
    folder = tmp_path / "unknown"
    folder.mkdir()
    images = {"cat": (RED, [("cat", BOX)]),  # right
              "cat_and_zebra": (RED, [("zebra", SMALL), ("cat", BOX)]),  # right, matched to its cat: cat's row
              "lion": (RED, [("lion", BOX)]),  # holds no class the model knows: cannot be right
              # the model says dog, which no object is: matched to the lion its box overlaps, wrong (it could
              # have said cat)
              "lion_and_cat": (BLUE, [("lion", BOX), ("cat", SMALL)])}
    for stem, (colour, objects) in images.items():
        write_image(folder / f"{stem}.png", W, H, colour)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, objects), encoding="utf-8")
    return folder


def test_an_unknown_label_counts_the_images_whose_truth_it_is(tmp_path, tiny_bundle, capsys):
    folder = _folder(tmp_path)
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    assert code == 0, err
    report = last_json(out)
    assert report["n_images"] == 4 and report["accuracy"] == 0.5
    assert (report["per_class"]["cat"]["count"], report["per_class"]["cat"]["accuracy"]) == (2, 1.0)
    assert report["unknown_labels"] == {"lion": 2, "zebra": 0}  # was {"lion": 2, "zebra": 1}
    assert report["unknown_per_class"] == {"lion": {"count": 2, "accuracy": 0.0, "mean_iou": 0.0},
                                           "zebra": {"count": 0, "accuracy": None, "mean_iou": None}}
    assert report["unknown_labels_held"] == {"lion": 2, "zebra": 1}
    assert report["confusion_unknown_labels"] == {"lion": [1, 1], "zebra": [0, 0]}
    # every image in one row: the class table's counts, as the confusion matrix's rows, add up to the images
    counts = [v["count"] for v in report["per_class"].values()] + list(report["unknown_labels"].values())
    assert sum(counts) == report["n_images"]
    rows = report["confusion"]["matrix"] + list(report["confusion_unknown_labels"].values())
    assert sum(map(sum, rows)) == report["n_images"]
    assert ("petloc: labels the model does not know, counted as wrong: lion (2); 1 of these 2 images "
            "holds a class the model knows too (the model named a class none of its objects has); 1 holds none (it "
            "cannot be right); 1 more image holds one beside an object of a class the model knows, scored against "
            "that object (best-gt), in its class's row (zebra: only there)") in err.splitlines()

    code, out, _ = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle)
    assert code == 0
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("class"))
    table = {line.split()[0]: line.split() for line in lines[header + 1:lines.index("", header)]}
    assert list(table) == ["cat", "dog", "lion", "zebra"]
    assert table["lion"][:4] == ["lion", "2", "0.000", "0.000"]
    assert table["zebra"] == ["zebra", "0", "-", "-", "(unknown", "to", "the", "model)"]


def _prediction(label, box=BOX):
    return SimpleNamespace(label=label, box=box)


def test_the_figures_are_computed_from_each_image_s_match():
    evaluated = [(Path("a.png"), [("4", BOX), ("cat", SMALL)], _prediction("4")),  # right, row 4
                 (Path("b.png"), [("cat", BOX)], _prediction("3")),  # cannot be right
                 (Path("c.png"), [("cat", BOX), ("4", SMALL)], _prediction("3"))]  # wrong, could have said 4
    unknown = unknown_labels(evaluated, ["3", "4"])
    assert unknown.counts == {"cat": 2} and unknown.held == {"cat": 3}
    assert unknown.figures["cat"] == {"count": 2, "accuracy": 0.0, "mean_iou": 0.0}
    assert (unknown.n_beside_known, unknown.n_cannot_be_right) == (1, 1)
    assert unknown_line(unknown, ["a hint"]).endswith("; a hint")
    assert not unknown_labels(evaluated[:1], ["4", "cat"])  # every label known: no line, no row



def test_a_label_held_only_beside_a_known_object_is_not_called_counted_as_wrong():
    # "rabbit" beside the cat the model got right: no image is scored by it; the line said "counted as wrong:
    # rabbit (0)" (review H2, D2)
    evaluated = [(Path("a.png"), [("rabbit", SMALL), ("cat", BOX)], _prediction("cat"))]
    line = unknown_line(unknown_labels(evaluated, ["cat", "dog"]), [])
    assert line == ("labels the model does not know: rabbit; 1 image holds one beside an object of a class the "
                    "model knows, scored against that object (best-gt), in its class's row")

def test_the_trained_on_column_counts_a_row_s_own_images():
    evaluated = [(Path("a.png"), [("4", BOX), ("cat", SMALL)], _prediction("4")),
                 (Path("b.png"), [("cat", BOX)], _prediction("3"))]
    # a.png is in row 4 only: its cat beside the 4 is no image's truth
    assert trained_per_class(evaluated, ["3", "4"], {"cat"}, {Path("a.png")}) == {"3": 0, "4": 1, "cat": 0}
    assert trained_per_class(evaluated, ["3", "4"], {"cat"}, {Path("b.png")}) == {"3": 0, "4": 0, "cat": 1}
