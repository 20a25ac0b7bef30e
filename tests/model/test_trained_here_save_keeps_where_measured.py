"""A save's check (`reboxed_again`) keeps the last answer's word on where the figures were measured: ``training_folder``
was said from ``measured_found`` (`elsewhere`), so it replaces neither, and the two cannot disagree."""

from __future__ import annotations

import json
from pathlib import Path

from petloc_gui.model.trained_here import check_trained_here, elsewhere, reboxed_again

from .trained_here_folders import VALIDATION, bundle, training_folder


def _images(root: Path) -> list[tuple[str, str]]:
    return [(str(image), str(image.with_suffix(".xml"))) for image in sorted(root.glob("*.png"))]


def test_a_save_s_check_keeps_the_folder_said_and_the_images_found_together(tmp_path):
    source = training_folder(tmp_path, boxed=True)
    model = bundle(tmp_path, source)
    last = list(check_trained_here(model, source, _images(source), {}))[-1]
    assert (last.measured, last.measured_found, last.training_folder) == (1, 1, "")
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    meta["images"][VALIDATION[0]]["sha256"] = "0" * 64  # the record rewritten since: its photo is not found now
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (again,) = reboxed_again(model, source, last)
    assert (again.measured_found, again.training_folder) == (last.measured_found, last.training_folder)
    assert again.training_folder == elsewhere(source.name, again.measured, again.measured_found)
