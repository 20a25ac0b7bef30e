"""`petloc evaluate`'s confusion matrix at many classes (hunt: 120 classes printed 120 lines of 1,893
characters, columns as wide as 72-80-character names): past what a terminal shows, the largest
confusions are listed and the full matrix is said to be in --json, where it is; a small matrix stays."""

from __future__ import annotations

from petloc_gui.cli.cmd_evaluate import build_report, format_report
from petloc_gui.cli.evaluate_confusion import KEY, LISTED, MAX_WIDTH
from petloc_gui.core.text import display_width


def _report(names: list[str], matrix: list[list[int]], unknown: dict[str, list[int]] | None = None) -> dict:
    per_class = {name: {"count": sum(row), "accuracy": 0.5, "mean_iou": 0.5}
                 for name, row in zip(names, matrix, strict=True)}
    metrics = {"n_images": sum(map(sum, matrix)), "accuracy": 0.5, "mean_iou": 0.5, "median_iou": 0.5,
               "iou_ge_50": 0.5, "iou_ge_75": 0.5, "matching": "best-gt", "per_class": per_class,
               "confusion": matrix}
    report = build_report(metrics, names, {}, 0, "m", "/m", "/d")
    report[KEY] = unknown or {}
    return report


def _many(n: int = 120) -> tuple[list[str], list[list[int]]]:
    names = [f"class_{i:03d}_" + "a_rather_long_descriptive_folder_name_of_this_class_" + "x" * 12 for i in range(n)]
    matrix = [[0] * n for _ in range(n)]
    for i in range(n):
        matrix[i][i] = 1
        matrix[i][(i + 1) % n] = 1 + (i % 4)  # 30 confusions each of 4, 3, 2 and 1
    return names, matrix


def test_many_classes_list_the_largest_confusions_and_point_to_json():
    names, matrix = _many()
    report = _report(names, matrix, {"zebra": [7] + [0] * 119})
    lines = format_report(report)
    head = next(line for line in lines if line.startswith("confusions"))
    assert head == ("confusions (truth -> predicted: images), the 20 largest of 121; the full matrix (120 classes, "
                    "too many to show here) is in --json (confusion, confusion_unknown_labels)")
    listed = lines[lines.index(head) + 1:]
    assert len(listed) == LISTED and lines[-1] == listed[-1]
    assert max(map(display_width, listed)) < 2 * len(names[0]) + 40  # two names and a count, not 120 columns
    assert listed[0].split() == ["zebra", "->", names[0] + ":", "7", "(unknown", "to", "the", "model)"]
    assert listed[1].split() == [names[3], "->", names[4] + ":", "4"]  # then by size, then by name
    assert [int(line.split()[3]) for line in listed[1:]] == [4] * 19
    assert not any(line.startswith("confusion (rows") for line in lines)
    # the full matrix is in --json
    assert report["confusion"]["labels"] == names and report["confusion"]["matrix"] == matrix


def test_a_few_classes_with_very_long_names_are_listed_too():
    names = ["n" * 80 + str(i) for i in range(3)]
    lines = format_report(_report(names, [[5, 0, 0], [0, 5, 0], [0, 0, 5]]))
    assert lines[-1] == ("confusion: no image was given another class than its own; the full matrix (3 classes, "
                         "too wide to show here) is in --json (confusion)")
    assert max(display_width(line) for line in lines) < MAX_WIDTH + 20


def test_a_small_matrix_stays_a_matrix():
    lines = format_report(_report(["cat", "dog"], [[3, 1], [0, 4]]))
    at = lines.index("confusion (rows: truth, columns: predicted)")
    assert lines[at + 1:] == ["     cat  dog", "cat    3    1", "dog    0    4"]
