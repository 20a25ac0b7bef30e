"""A second window opening the folder while the first one's new model waits for Use / Discard loads that version
(it alone knows a class there) and says so: "The model pets/… is not kept or discarded yet: picking it in Model →
Versions keeps it." Five seconds later the check of the images it trained on said its own note, and the first was
gone from the status line (only Help → Recent messages kept it). The trained-images note now ends with it, while
the version is still undecided. A real window, real folders of copied photos (tests/model/trained_here_folders.py),
the version in the store as a finished run commits it before Use / Discard."""

from __future__ import annotations

import json
import shutil

import pytest

from petloc_gui.app.undecided_choice import UNDECIDED_CHOSEN
from petloc_gui.core.boxes import Box
from petloc_gui.core.voc import VocObject, new_annotation, write_voc
from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file
from tests.ui import trained_here_window

pytestmark = pytest.mark.slow  # a real window, a folder checked image by image

window = trained_here_window.window  # the fixture: the fake model's info names the bundle it is given
TRAINED = "training images of"


def _undecided_version(tmp_path):
    """The bundle trained on the copies' photos, stored as a run's new model no one kept or discarded yet; it knows
    "feline", as no bundled model does."""
    _, copies, model = trained_here_window.trained_and_copied(tmp_path)
    store = VersionStore()
    staging = store.new_staging_dir("pets")
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    meta.update(format_version=1, preset="pets", class_names=["cat", "dog", "feline"], input_size=[32, 32])
    (staging / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    add_model_file(staging)
    shutil.rmtree(model)
    version = store.commit(staging, decided=False)
    photo = copies / "new_0.png"  # boxed "feline" here: only the version knows every class of the folder
    annotation = new_annotation(photo, 50, 40)
    annotation.objects.append(VocObject(name="feline", box=Box(5, 5, 30, 30)))
    write_voc(annotation, photo.with_suffix(".xml"))
    return copies, version


def _said_last(window, words: str) -> str:
    return next(message.text for message in reversed(window.statusBar().message_log.said()) if words in message.text)


def test_the_training_images_note_keeps_the_undecided_one(qtbot, window, tmp_path):
    copies, version = _undecided_version(tmp_path)
    assert window.open_folder(copies, model=None)  # the folder's model chosen, as a second window chooses it
    qtbot.waitUntil(lambda: window.current_model_spec() == str(version.path), timeout=10_000)
    qtbot.waitUntil(lambda: TRAINED in window.statusBar().currentMessage(), timeout=10_000)
    undecided = _said_last(window, UNDECIDED_CHOSEN)  # the choice's own note, said first
    assert undecided == f"The model pets/{version.id} {UNDECIDED_CHOSEN}."
    shown = window.statusBar().currentMessage()
    assert shown.startswith("4 of this folder's 7 images are training images of") and shown.endswith(undecided), shown
    assert VersionStore().get(version.id).undecided  # nothing chose for it


def test_a_version_kept_since_is_not_said_undecided(qtbot, window, tmp_path):
    copies, version = _undecided_version(tmp_path)
    VersionStore().mark_decided(version)  # the first window's Use
    assert window.open_folder(copies, model=None)
    qtbot.waitUntil(lambda: TRAINED in window.statusBar().currentMessage(), timeout=10_000)
    assert window.current_model_spec() == str(version.path)
    assert UNDECIDED_CHOSEN not in window.statusBar().currentMessage()
