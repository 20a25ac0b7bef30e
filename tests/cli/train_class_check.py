"""A folder of one-box images by class, and what `petloc train --init-from` says of its classes: shared by
the tests of the case-variant refusal's ways out (test_case_variants_of_the_model_*)."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli.train_checks import check_classes
from petloc_gui.core.errors import DatasetError
from petloc_gui.model.collected_folder import collect_folder
from tests.cli.helpers import one_box_each


def folder_of_boxes(tmp_path: Path, boxes: dict[str, int]) -> Path:
    """``tmp_path``/pets holding ``boxes`` (``{label: how many images}``), one box an image."""
    folder = one_box_each(tmp_path / "pets", [label for label, count in boxes.items() for _ in range(count)])
    return folder


def class_check(folder: Path, classes: list[str], renamed: dict[str, str] | None = None) -> str:
    """What `petloc train --init-from MODEL` (classes ``classes``) says of ``folder`` as it checks its
    classes, "" when it lets the run start."""
    try:
        check_classes(collect_folder(folder, labels_only=True), {"class_names": classes}, renamed or {})
    except DatasetError as refused:
        return refused.reason
    return ""
