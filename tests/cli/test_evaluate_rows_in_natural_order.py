"""`petloc evaluate`'s per-class table listed its rows in the model's class order, code point by code point
(cat_1, cat_10, cat_100, cat_2; Cat_1b, DOG_1b, Dogg before american), while `petloc stats` lists the same
classes in natural order, case ignored (cat_2 before cat_10): one class was in a different row in each view.
The table's rows, the rows of labels the model does not know (in the table, below the confusion matrix and
in the stderr line naming them) now follow `core.natural_order`; --json is unchanged: its matrix follows the
model's class order (documented), its other keys are as they were."""

from __future__ import annotations

from petloc_gui.cli.cmd_evaluate import format_report
from petloc_gui.core.natural_order import natural_order
from tests.cli.helpers import RED, last_json, run_cli, voc_xml, write_image

MODEL_ORDER = ["Cat_1b", "DOG_1b", "Dogg", "american", "cat_1", "cat_10", "cat_100", "cat_2"]  # code points
NATURAL = ["american", "cat_1", "Cat_1b", "cat_2", "cat_10", "cat_100", "DOG_1b", "Dogg"]


def _report() -> dict:
    n = len(MODEL_ORDER)
    return {
        "model": "m", "model_path": "p", "data": "d", "split": "all", "matching": "best-gt", "n_images": n + 3,
        "n_skipped": 0, "accuracy": 0.5, "mean_iou": 0.5, "median_iou": 0.5, "iou_ge_50": 0.5, "iou_ge_75": 0.25,
        "per_class": {name: {"count": 1, "accuracy": 1.0, "mean_iou": 0.5} for name in MODEL_ORDER},
        "confusion": {"labels": MODEL_ORDER, "matrix": [[int(i == j) for j in range(n)] for i in range(n)]},
        "unknown_labels": {"Zebra": 1, "ant_10": 1, "ant_9": 1},  # as build_report writes it: code points
        "unknown_per_class": {name: {"count": 1, "accuracy": 0.0, "mean_iou": 0.0} for name in ("Zebra", "ant_10",
                                                                                                 "ant_9")},
        "confusion_unknown_labels": {"Zebra": [1] + [0] * (n - 1), "ant_10": [0] * n, "ant_9": [0] * n},
    }


def _names(lines: list[str], first: str, count: int) -> list[str]:
    at = next(i for i, line in enumerate(lines) if line.startswith(first))
    return [line.split()[0] for line in lines[at + 1:at + 1 + count]]


def test_the_class_table_lists_classes_as_stats_does():
    assert natural_order(MODEL_ORDER) == NATURAL  # the order `petloc stats` lists them in
    lines = format_report(_report())
    assert _names(lines, "class", len(NATURAL) + 3) == [*NATURAL, "ant_9", "ant_10", "Zebra"]


def test_the_confusion_matrix_keeps_the_model_s_order_its_unknown_rows_natural():
    lines = format_report(_report())
    header = lines.index("confusion (rows: truth, columns: predicted)") + 1
    assert lines[header].split() == MODEL_ORDER  # the columns, as the matrix in --json
    assert _names(lines, lines[header], len(MODEL_ORDER) + 3) == [*MODEL_ORDER, "ant_9", "ant_10", "Zebra"]


W, H = 64, 32  # the tiny model (classes cat, dog): a red image is cat, its box [16, 16, 48, 28]
BOX = (16, 16, 48, 28)


def test_labels_the_model_does_not_know_in_natural_order_its_json_as_it_was(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "labels"
    folder.mkdir()
    for stem, label in (("a", "cat"), ("b", "lion_10"), ("c", "lion_9"), ("d", "Zebra")):
        write_image(folder / f"{stem}.png", W, H, RED)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, [(label, BOX)]), encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle)
    assert code == 0, err
    assert "labels the model does not know, counted as wrong: lion_9 (1), lion_10 (1), Zebra (1)" in err
    lines = out.splitlines()
    assert _names(lines, "class", 5) == ["cat", "dog", "lion_9", "lion_10", "Zebra"]
    matrix = lines.index("confusion (rows: truth, columns: predicted)") + 1
    assert _names(lines, lines[matrix], 5) == ["cat", "dog", "lion_9", "lion_10", "Zebra"]

    code, out, _ = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle, "--json")
    report = last_json(out)
    assert report["confusion"]["labels"] == list(report["per_class"]) == ["cat", "dog"]  # the model's order
    assert list(report["unknown_labels"]) == list(report["confusion_unknown_labels"]) == ["Zebra", "lion_10",
                                                                                           "lion_9"]
