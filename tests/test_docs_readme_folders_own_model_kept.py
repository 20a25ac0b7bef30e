"""README's "Your own classes" says how long a model stays in the words the rule keeps it by
(app.model_choice, ui/models/model_controller): a pick whatever the classes while the window keeps it, the
folder's own, in the session and when the folder opens again, while it knows any of the folder's classes.
It said that either "stays whatever the classes, in the session and when the folder is opened again": on
reopening, a remembered model that knows none of the folder's classes is passed over."""

from __future__ import annotations

import re
from pathlib import Path

from petloc_gui.app.model_choice import FolderMemory, choose_for_labels
from petloc_gui.model.versions import VersionStore

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
OWN_CLASSES = re.sub(r"\s+", " ", README.split("### Your own classes", 1)[1].split("\n#", 1)[0])


def test_the_readme_keeps_the_folders_own_model_only_while_it_knows_a_class():
    assert "stays whatever the classes, in the session and when the folder is opened again" not in OWN_CLASSES
    assert ("a model you picked stays whatever the classes while the window keeps the pick, reading the folder "
            "again included;") in OWN_CLASSES
    assert ("the folder's own (a pick too, once petloc starts again) stays while it knows any of the folder's "
            "classes, in the session and when the folder is opened again") in OWN_CLASSES


def test_a_remembered_model_that_knows_none_of_the_classes_is_not_kept_on_reopening(tmp_path):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    memory.remember(tmp_path / "f", "digits")
    assert choose_for_labels({"cat"}, tmp_path / "f", store=store, memory=memory).spec == "pets"
    kept = choose_for_labels({"cat", "3"}, tmp_path / "f", {"cat": 9, "3": 1}, store=store, memory=memory)
    assert (kept.spec, kept.remembered, kept.unknown) == ("digits", True, {"cat"})  # knows one: kept
