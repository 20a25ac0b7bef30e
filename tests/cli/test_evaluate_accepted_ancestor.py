"""`petloc evaluate` tells boxes accepted from a model the evaluated one descends from beyond its parent as an
ancestor's, which flatter it (`core.accepted_boxes.ANCESTOR`, ADR 0013), as train and the comparison do; before,
only the parent was looked at and the grandparent's boxes were "another model's"."""

from __future__ import annotations

from petloc_gui.core.boxes import Box
from tests.cli.helpers import assert_clean_errors, bundle_with_meta, last_json, run_cli
from tests.cli.test_evaluate_accepted_boxes import MODEL_BOX, _image
from tests.model.test_accepted_boxes_ancestry import store_chain


def test_a_grandparent_s_boxes_are_said_to_flatter_the_model_evaluated(tiny_bundle, tmp_path, capsys,
                                                                       _isolated_user_data):
    # tiny-2 fine-tuned from digits-1 (in the store), itself fine-tuned from digits-0
    store_chain(_isolated_user_data, ("digits-0", None), ("digits-1", "digits-0"))
    model = bundle_with_meta(tiny_bundle, tmp_path, version_id="tiny-2", parent="digits-1",
                             parent_version_id="digits-1", splits={"train": ["elsewhere.png"], "validation": [],
                                                                    "test": []})
    folder = tmp_path / "loop"
    folder.mkdir()
    _image(folder, "drawn", Box(0, 16, 32, 28))
    _image(folder, "grandparents", MODEL_BOX, "model digits (digits-0)")
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    assert last_json(out)["n_accepted"] == 1
    # (the stand-in store records no training images: a line says the trained-on count is a lower bound)
    assert (
        "petloc: warning: 1 of the 2 scored images has boxes accepted unchanged from model digits (digits-0), which "
        "the model evaluated descends from through the model it was fine-tuned from: its figures on it flatter it; "
        "the figures on the 1 image whose boxes a person drew are given apart (the person line; --json "
        "person_drawn)") in assert_clean_errors(err)
