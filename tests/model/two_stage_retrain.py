"""One retrain from a two-stage digits bundle (1 epoch on 20 digits, two of its report images holding boxes
accepted from the parent), shared by the tests that check different facts of it: the parent's second stage
is written into the new bundle and its figures are the cascade's (test_retrain_keeps_refiner), the figures on
the person-drawn images go through both stages (test_training_accepted_boxes) and each image scored goes
through the model once (test_carried_refiner_predicted_once). Each of them trained this same run for itself;
a run costs seconds of tracing, the facts checked are of one run."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

PARENT_VERSION = "digits-7"
PARENT = f"model digits ({PARENT_VERSION})"  # how a box accepted from the parent names it
REFINE_SIZE = (32, 32)


@dataclass(frozen=True)
class TwoStageRetrain:
    parent: Path  # the bundled digits model with a small second stage, version PARENT_VERSION
    data: Path  # the 20 digits trained on
    accepted: list[str]  # the two report images whose boxes were accepted unchanged from the parent
    accepted_from: str  # how those boxes name the model they were accepted from: the parent
    child: Path  # the bundle the run wrote
    events: list[dict]  # what the run told its on_event
    predicted: Counter[str]  # image file name -> times it went through `Predictor.predict_paths` in the run


def two_stage_parent(folder: Path, version_id: str | None = None) -> Path:
    """The bundled digits model (a real first stage to fine-tune) with a small second stage added, at ``folder``."""
    from petloc_gui.core.paths import resources_dir
    from petloc_gui.model.bundle import REFINE_FILE
    from tests.model.conftest import constant_model

    shutil.copytree(resources_dir() / "models" / "digits", folder)
    constant_model(input_size=REFINE_SIZE, n_classes=10).save(folder / REFINE_FILE)
    meta = json.loads((folder / "meta.json").read_text())
    meta["refine"] = {"model_file": REFINE_FILE, "input_size": list(REFINE_SIZE), "margin": 2.0}
    if version_id is not None:
        meta["version_id"] = version_id
    (folder / "meta.json").write_text(json.dumps(meta))
    return folder


def run_two_stage_retrain(root: Path) -> TwoStageRetrain:
    """The run, in ``root``; the user's data, settings and cache folders in there too, as every test has its own
    (tests/conftest.py `_isolated_user_data`: a session fixture is made before a test's own are)."""
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.core.voc import read_voc, write_voc
    from petloc_gui.model.inference import Predictor
    from petloc_gui.model.training import TrainConfig, train
    from petloc_gui.model.training_data import TrainingData

    parent = two_stage_parent(root / "parent", PARENT_VERSION)
    parent_meta = json.loads((parent / "meta.json").read_text())
    data = root / "data"
    write_digits_dataset(data, "train", count=20, seed=0)  # every digit twice: the parent's classes
    # two of the report images (those the figures are on, found as the run splits the folder) accepted from it
    _, report = TrainingData.collect(data, "default", [], 0.25, 0, parent_meta=parent_meta).validation_parts()
    accepted = sorted(it.relpath for it in report)[:2]
    for relpath in accepted:
        xml = (data / relpath).with_suffix(".xml")
        annotation = read_voc(xml)
        annotation.objects = [dataclasses.replace(o, proposed_by=PARENT, proposed_box=o.box)
                              for o in annotation.objects]
        write_voc(annotation, xml)

    predicted: Counter[str] = Counter()
    predict_paths = Predictor.predict_paths

    def counting(self, paths, *args, **kwargs):
        predicted.update(Path(p).name for p in paths)
        return predict_paths(self, paths, *args, **kwargs)

    events: list[dict] = []
    user = root / "userdata"
    config = TrainConfig(preset="digits", epochs=1, batch_size=8, val_fraction=0.25, init_from=str(parent),
                         out_dir=str(root / "child"))
    with pytest.MonkeyPatch.context() as patch:
        for name, folder in (("PETLOC_DATA_DIR", user), ("XDG_CONFIG_HOME", user / "config"),
                             ("PETLOC_CACHE_DIR", user / "cache")):
            patch.setenv(name, str(folder))
        patch.setattr(Predictor, "predict_paths", counting)
        child = train(data, config, on_event=events.append)
    return TwoStageRetrain(parent, data, accepted, PARENT, Path(child), events, predicted)
