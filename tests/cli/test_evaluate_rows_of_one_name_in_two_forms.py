"""`petloc evaluate` with two labels that differ only in Unicode form (a composed "chat_été", NFC, and the
decomposed one macOS writes, NFD): two rows that printed alike, in the class table and in the confusion matrix.
Each row now says which it is, "(composed)" or "(decomposed)", as the notice bar and `petloc stats` mark them
(`core.label_variants.form_notes`); a row of no such pair is as it was."""

from __future__ import annotations

import unicodedata

from petloc_gui.cli.cmd_evaluate import format_report
from tests.cli.helpers import RED, run_cli, voc_xml, write_image

COMPOSED = unicodedata.normalize("NFC", "chat_été")
DECOMPOSED = unicodedata.normalize("NFD", "chat_été")
W, H = 64, 32  # the tiny model (classes cat, dog): a red image is cat, its box [16, 16, 48, 28]
BOX = (16, 16, 48, 28)


def _rows(lines: list[str], header: str) -> list[str]:
    at = next(i for i, line in enumerate(lines) if line.startswith(header)) + 1
    end = next((i for i in range(at, len(lines)) if not lines[i].strip() or lines[i].startswith("trained on:")),
               len(lines))
    return lines[at:end]


def _row_of(rows: list[str], name: str) -> str:
    [row] = [row for row in rows if row.split()[0] == name]
    return row


def test_the_two_forms_are_marked_in_the_table_and_the_confusion_rows(tmp_path, tiny_bundle, capsys):
    folder = tmp_path / "labels"
    folder.mkdir()
    for stem, label in (("a", "cat"), ("b", COMPOSED), ("c", DECOMPOSED), ("d", "lion")):
        write_image(folder / f"{stem}.png", W, H, RED)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", W, H, [(label, BOX)]), encoding="utf-8")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", tiny_bundle)
    assert code == 0, err
    lines = out.splitlines()
    matrix = lines.index("confusion (rows: truth, columns: predicted)") + 1
    for rows in (_rows(lines, "class"), _rows(lines, lines[matrix])):
        assert _row_of(rows, COMPOSED).endswith("(composed, unknown to the model)")
        assert _row_of(rows, DECOMPOSED).endswith("(decomposed, unknown to the model)")
        assert _row_of(rows, "lion").endswith("  (unknown to the model)")
        assert not _row_of(rows, "cat").rstrip().endswith(")")


def test_a_class_of_the_model_and_a_label_in_the_other_form_are_marked(tmp_path):
    report = {
        "model": "m", "model_path": "p", "data": "d", "split": "all", "matching": "best-gt", "n_images": 2,
        "n_skipped": 0, "accuracy": 0.5, "mean_iou": 0.5, "median_iou": 0.5, "iou_ge_50": 0.5, "iou_ge_75": 0.5,
        "per_class": {COMPOSED: {"count": 1, "accuracy": 1.0, "mean_iou": 0.5},
                      "dog": {"count": 0, "accuracy": None, "mean_iou": None}},
        "confusion": {"labels": [COMPOSED, "dog"], "matrix": [[1, 0], [0, 0]]},
        "unknown_labels": {DECOMPOSED: 1},
        "unknown_per_class": {DECOMPOSED: {"count": 1, "accuracy": 0.0, "mean_iou": 0.0}},
        "confusion_unknown_labels": {DECOMPOSED: [1, 0]},
    }
    lines = format_report(report)
    matrix = lines.index("confusion (rows: truth, columns: predicted)") + 1
    for rows in (_rows(lines, "class"), _rows(lines, lines[matrix])):
        assert _row_of(rows, COMPOSED).endswith("(composed)")
        assert _row_of(rows, DECOMPOSED).endswith("(decomposed, unknown to the model)")
        assert not _row_of(rows, "dog").rstrip().endswith(")")
