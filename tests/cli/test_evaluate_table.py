"""`petloc evaluate`'s table: a long or wide-character class name moves no column of its row."""

from __future__ import annotations

from petloc_gui.cli.cmd_evaluate import format_report
from petloc_gui.core.text import display_width

LONG = "american_pit_bull_terrier_long"  # longer than the 24 columns the table once padded names to
WIDE = "猫"  # one character, two terminal columns


def _report() -> dict:
    return {
        "model": "m", "model_path": "p", "data": "d", "split": "all", "matching": "best-gt", "n_images": 16,
        "n_skipped": 0, "accuracy": 0.5, "mean_iou": 0.5, "median_iou": 0.5, "iou_ge_50": 0.5, "iou_ge_75": 0.25,
        "per_class": {"cat": {"count": 1, "accuracy": 1.0, "mean_iou": 0.9},
                      LONG: {"count": 12, "accuracy": 0.5, "mean_iou": None},
                      WIDE: {"count": 3, "accuracy": 0.25, "mean_iou": 0.5}},
        "confusion": {"labels": ["cat", LONG, WIDE], "matrix": [[1, 0, 0], [2, 10, 0], [0, 1, 2]]},
        "unknown_labels": {"bird": 2},
        "unknown_per_class": {"bird": {"count": 2, "accuracy": 0.0, "mean_iou": 0.0}},
    }


def _ends(line: str, *cells: str) -> list[int]:
    """The terminal column where each of ``cells`` ends in ``line`` (searched left to right)."""
    ends, start = [], 0
    for cell in cells:
        at = line.index(cell, start)
        start = at + len(cell)
        ends.append(display_width(line[:start]))
    return ends


def test_per_class_rows_line_up_with_the_header_whatever_the_class_name():
    lines = format_report(_report())
    header = next(line for line in lines if line.startswith("class"))
    columns = _ends(header, "count", "accuracy", "mean IoU")
    assert _ends(next(line for line in lines if line.startswith("cat ")), "1", "1.000", "0.900") == columns
    assert _ends(next(line for line in lines if line.startswith(LONG)), "12", "0.500", "-") == columns
    assert _ends(next(line for line in lines if line.startswith(WIDE) and "0.250" in line), "3", "0.250",
                 "0.500") == columns
    unknown = next(line for line in lines if line.startswith("bird"))
    assert _ends(unknown, "2", "0.000", "0.000") == columns and unknown.endswith("(unknown to the model)")


def test_confusion_matrix_columns_line_up_with_a_wide_character_label():
    lines = format_report(_report())
    at = lines.index("confusion (rows: truth, columns: predicted)")
    header, *rows = lines[at + 1:at + 5]
    columns = _ends(header, "cat", LONG, WIDE)
    for row, values in zip(rows, (["1", "0", "0"], ["2", "10", "0"], ["0", "1", "2"]), strict=True):
        name = row.split(" ")[0]  # the values are searched after the row's name (cat is also a column's)
        assert [w + display_width(name) for w in _ends(row[len(name):], *values)] == columns, (row, header)
