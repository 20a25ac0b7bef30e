"""docs/cli.md says what the code says of held-out test images and of `evaluate --split validation` on a
two-stage model, in the code's own words (the strings are built here by the code that prints them).

It said a two-stage model whose refiner chose on every validation photo (the bundled pets model) was
scored by `evaluate --split validation` on all 41 of them, where it is scored on its report part (20),
with another `split` text; and the --exclude-list row did not say that a listed image's byte copy under
another name is held out too, in one line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from petloc_gui.cli.evaluate_split import REFINER_DESCRIPTION
from petloc_gui.core.epoch_choice import validation_parts
from petloc_gui.model.collected_folder import held_out_copies_line
from petloc_gui.model.layout_test_split import LayoutTestHoldout

ROOT = Path(__file__).resolve().parents[2]
CLI_MD = re.sub(r"\s+", " ", (ROOT / "docs" / "cli.md").read_text(encoding="utf-8"))


def test_the_bundled_two_stage_model_s_validation_split_is_its_report_part_in_evaluate_s_words():
    meta = json.loads((ROOT / "resources" / "models" / "pets" / "meta.json").read_text(encoding="utf-8"))
    parts = validation_parts(meta)
    assert not parts.report and parts.refiner_took  # every report photo chose its second stage
    report, every = meta["validation_parts"]["report"], meta["validation_split"]["images"]
    assert f"({len(report)} photos for the bundled model, not all {len(every)})" in CLI_MD
    assert f'`split` is then `"{REFINER_DESCRIPTION}"`' in CLI_MD


def test_the_exclude_list_row_says_byte_copies_are_held_out_in_the_line_train_prints():
    assert f"(`petloc: {held_out_copies_line([('copy_of_a.jpg', 'a.jpg')])}`)" in CLI_MD


def test_the_window_s_holdout_of_the_layout_s_test_list_is_documented_in_its_words():
    notice = LayoutTestHoldout("ImageSets/Main/test.txt", ("c.jpg", "g.jpg", "h.jpg")).notice()
    assert f"(`{notice}`)" in CLI_MD
