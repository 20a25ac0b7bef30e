"""A's three answers to a labelImg user (whose A is previous image) each wrote "previous image is Shift+D" as a
literal of its own: the first A's two questions (`accept_guard`) and A on the model's box already
(`edit_controller`). One constant says it, and it names the key the previous-image action is bound to."""

from __future__ import annotations

from petloc_gui.ui.actions import ACTIONS
from petloc_gui.ui.editing.accept_guard import ASK_AGAIN, ASK_AGAIN_LABEL
from petloc_gui.ui.editing.edit_controller import ALREADY_THE_BOX, PREVIOUS_IMAGE_IS


def test_as_answers_name_the_previous_image_key_from_one_constant():
    key = {spec.name: spec.shortcuts for spec in ACTIONS}["prev_image"][0]
    assert f"previous image is {key}" == PREVIOUS_IMAGE_IS
    for said in (ASK_AGAIN, ASK_AGAIN_LABEL, ALREADY_THE_BOX):
        assert PREVIOUS_IMAGE_IS in said, said
