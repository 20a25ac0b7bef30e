"""`petloc evaluate --model .`, run inside a bundle folder whose meta.json has no version id (a bundle from
before version ids, or one copied by hand): a box a person accepted unchanged from that model, marked as
`petloc predict --model .` marks it ("model <the folder's name>", `cli.prelabel.model_name`), is the model's
own. Before, the model was called "." and its unresolved path, whose name is "", so the box was another
model's: its figures were said to measure agreement with that model, not to be the model's own boxes."""

from __future__ import annotations

import json
import shutil

import pytest

from petloc_gui.cli.prelabel import prelabel_mark
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import VocObject, new_annotation, write_voc
from petloc_gui.core.voc_provenance import model_of_prelabel
from tests.cli.helpers import RED, last_json, run_cli, write_image

W, H = 64, 32
MODEL_BOX = Box(16, 16, 48, 28)  # the tiny model's box on a 64x32 image (tests/cli/helpers.TINY_BOX)


@pytest.mark.parametrize("given, inside", [(".", ""), ("./", ""), ("..", "inner")])
def test_a_box_accepted_from_the_model_given_as_its_folder_is_its_own(given, inside, tiny_bundle, tmp_path, capsys,
                                                                       monkeypatch):
    bundle = tmp_path / "my model"
    shutil.copytree(tiny_bundle, bundle)
    meta = json.loads((bundle / "meta.json").read_text(encoding="utf-8"))
    meta.pop("version_id", None)  # named by its folder alone
    (bundle / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (bundle / "inner").mkdir()
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.chdir(bundle / inside)
    # the model as `petloc predict --model GIVEN --write-voc` marks its pre-labels, run here
    phrase = model_of_prelabel(prelabel_mark(given, meta))
    assert phrase == "model my model"
    image = write_image(folder / "own.png", W, H, RED)
    annotation = new_annotation(image, W, H)
    # that pre-label, accepted unchanged in the window
    annotation.objects.append(VocObject(name="cat", box=MODEL_BOX, proposed_by=phrase, proposed_box=MODEL_BOX))
    write_voc(annotation, folder / "own.xml")

    code, out, err = run_cli(capsys, "evaluate", folder, "--model", given, "--json")

    assert code == 0, err
    report = last_json(out)
    assert report["n_accepted"] == report["n_accepted_own"] == 1
    assert "model my model, the model evaluated: its figures on it are its own boxes" in err
