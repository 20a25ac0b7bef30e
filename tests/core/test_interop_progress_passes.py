"""The progress contract of a conversion that goes over its images twice (`interop.records`): each pass
reported as one count of twice its own items, ending at them (`pass_of`), so that the window's one bar
fills once and petloc convert's line per pass counts what that pass goes over: an export's writing pass the
images it exports (--annotated-only: "writing 540/540" was shown for 236 exported images). The COCO
exporter and importer computed their second pass inline; these hold each conversion to the contract, with a
first pass that leaves images out (--annotated-only) and a COCO file with fewer annotations than images."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import ConversionReport, export_coco, export_yolo, read_coco
from petloc_gui.core.interop.records import pass_of
from tests.cli.helpers import write_annotated, write_image

N = 12


def _folder(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for index in range(N):
        if index % 3:
            write_annotated(src, f"i{index:02}", 20, 20, [("cat", (2, 2, 15, 15))])
        else:
            write_image(src / f"i{index:02}.png", 20, 20)  # no annotation: left out by annotated_only
    return src


def _passes(calls: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The calls as (items done, items) per pass, checking that the one bar fills once, never back."""
    assert calls
    filled = [step / steps for step, steps in calls]
    assert filled == sorted(filled) and filled[-1] == 1
    passes: list[list[tuple[int, int]]] = [[], []]
    for step, total in calls:
        index, done, items = pass_of(step, total, 2)
        passes[index].append((done, items))
    return passes


@pytest.mark.parametrize("export", [export_coco, export_yolo], ids=["coco", "yolo"])
@pytest.mark.parametrize("annotated_only", [False, True])
def test_an_export_reports_each_pass_over_the_folder_s_images(tmp_path, export, annotated_only):
    calls: list[tuple[int, int]] = []
    export(open_dataset(_folder(tmp_path)), tmp_path / "out", annotated_only=annotated_only,
           progress=lambda done, steps: calls.append((done, steps)))
    reading, writing = _passes(calls)
    exported = 8 if annotated_only else N  # 8 of the 12 images are annotated
    assert reading == [(done, N) for done in range(1, N + 1)]  # the folder's images read
    assert writing == [(done, exported) for done in range(1, exported + 1)]  # those exported written


def test_a_coco_import_reports_its_entries_then_its_annotations_as_passes_over_the_images(tmp_path):
    export_coco(open_dataset(_folder(tmp_path)), tmp_path / "coco")  # 8 annotations for 12 images
    calls: list[tuple[int, int]] = []
    read_coco(tmp_path / "coco", ConversionReport(), progress=lambda done, steps: calls.append((done, steps)))
    entries, annotations = _passes(calls)
    assert entries == [(done, N) for done in range(1, N + 1)]  # an image entry each
    assert annotations == [(done, 8) for done in range(1, 9)]  # an annotation each
