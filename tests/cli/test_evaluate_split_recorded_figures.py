"""`petloc evaluate --split validation` of a two-stage model scored on its report part says whether the model's
recorded validation figures are on those images too.

On the bundled pets model it said it scored the 20 report photos "as its figures are (20 photos for the bundled
model, not all 41)", but that model's meta.json ``validation_metrics`` are on all 41 (n_images 41, the selection
set): the user compared 0.849 on 20 with a recorded 0.846 on 41 as if on the same images. A fine-tune that
carried its refiner is scored again on the report part (meta.json ``metrics``): there the line stays.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from petloc_gui.cli.evaluate_split import REFINER_DESCRIPTION, select_items
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.paths import resources_dir

from .helpers import voc_xml, write_image

PETS_META = resources_dir() / "models" / "pets" / "meta.json"
CLI_MD = " ".join((Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text(encoding="utf-8").split())


def _folder_of(root: Path, relpaths: list[str]) -> Path:
    for i, relpath in enumerate(relpaths):
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        image = write_image(root / relpath, 40, 30, color=(3 * i, 40, 40))
        image.with_suffix(".xml").write_text(voc_xml(image.name, 40, 30, [("cat", (5, 5, 20, 20))]), encoding="utf-8")
    return root


def _evaluated(tmp_path: Path, meta: dict, capsys) -> tuple[int, str]:
    """(how many images --split validation scores, what it says on stderr)."""
    root = _folder_of(tmp_path / "data", meta["validation_split"]["images"])
    chosen, split = select_items(open_dataset(root), meta, "validation")
    assert split == REFINER_DESCRIPTION
    return len(chosen), capsys.readouterr().err


def test_the_bundled_pets_model_s_recorded_figures_are_said_to_be_on_all_its_validation_photos(tmp_path, capsys):
    meta = json.loads(PETS_META.read_text(encoding="utf-8"))
    recorded = meta["validation_metrics"]["n_images"]
    listed, report = meta["validation_split"]["images"], meta["validation_parts"]["report"]
    assert recorded == len(listed) > len(report)  # what this test is about: recorded on more than it scores
    n, err = _evaluated(tmp_path, meta, capsys)
    assert n == len(report)
    assert "as its figures are" not in err
    assert (f"petloc: evaluating the {len(report)} validation images that did not choose the model's epoch; its "
            f"recorded validation figures (meta.json validation_metrics) are on all {len(listed)}, the selection set "
            f"included; these {len(report)} did not choose its epoch, the other {len(listed) - len(report)} did, and "
            "every one of these chose its second stage's epoch and variant") in " ".join(err.split())
    quoted = re.search(r"`(petloc: evaluating the \d+ validation images that did not choose the model's epoch; its "
                       r"recorded[^`]*?), \.\.\.`", CLI_MD)
    assert quoted is not None and quoted.group(1) in err  # docs/cli.md quotes the line as it is printed


def _fine_tune_meta(recorded: dict) -> dict:
    """meta.json of a fine-tune that carried its parent's refiner, every one of its validation photos having chosen
    it; ``recorded``: its meta.json ``metrics``."""
    names = [f"cat_{n}.jpg" for n in range(6)]
    return {"validation_split": {"images": names},
            "validation_parts": {"selection": names[:3], "report": names[3:]},
            "refine": {"selection": {"part": "every validation photo of its first stage", "images": names}},
            "metrics": recorded}


def test_a_fine_tune_scored_again_on_its_report_part_is_evaluated_as_its_figures_are(tmp_path, capsys):
    _, err = _evaluated(tmp_path, _fine_tune_meta({"n_images": 3, "split": "selection set (first stage + refiner)"}),
                        capsys)
    assert "evaluating the 3 validation images that did not choose the model's epoch, as its figures are" in err
    assert "recorded validation figures" not in err


def test_recorded_figures_on_more_images_than_the_report_part_are_not_its_figures(tmp_path, capsys):
    _, err = _evaluated(tmp_path, _fine_tune_meta({"n_images": 5}), capsys)
    assert "as its figures are" not in err
    assert "its recorded validation figures (meta.json metrics) are on 5 of its 6, the selection set included" in err


def test_recorded_figures_that_do_not_say_on_how_many_images_are_not_claimed(tmp_path, capsys):
    _, err = _evaluated(tmp_path, _fine_tune_meta({"mean_iou": 0.8}), capsys)
    assert "as its figures are" not in err
    assert "meta.json does not say which images its recorded validation figures are on" in err
