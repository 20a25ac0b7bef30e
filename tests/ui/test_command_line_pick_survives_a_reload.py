"""A model given on the command line (`petloc-gui FOLDER --model M`) is a pick, as one made in the Model menu: it
stays whatever the folder's classes while the window keeps the pick, reading the folder again (F5) included
(README).

Before: another program boxed a class M does not know, and F5 went through the folder's choice as for a
folder just opened: the pick was lost, and the window switched without a word to a stored version that knew
every class. (A menu pick is remembered for its folder, so the same choice kept it; the command line's is not,
and nothing else kept it.) The file watcher's reading of the same change kept it (a pick is kept whatever the
classes) and still does.
"""

from __future__ import annotations

from petloc_gui.app.model_choice import FolderMemory
from petloc_gui.core.boxes import Box
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle

from .conftest import open_and_wait, write_annotation


def _settled(window, spec) -> bool:
    info = window.current_model_info()
    return window.models.choosing is None and info is not None and info.spec == spec


def _kittens_boxed_elsewhere(qtbot, window, folder) -> None:
    """Another program boxes a kitten on d.png (no annotation yet) and e.png (a dog): images not shown."""
    write_annotation(folder / "d.png", [("kitten", Box(10, 10, 50, 50))])
    write_annotation(folder / "e.png", [("kitten", Box(10, 10, 50, 50))])
    model = window.session.model
    qtbot.waitUntil(lambda: model.gt_name[3] == model.gt_name[4] == "kitten", timeout=5000)


def test_a_model_given_on_the_command_line_stays_when_the_folder_is_read_again(qtbot, window, folder):
    store = VersionStore()
    picked = str(fake_bundle(store.root / "photo" / "8fa5cc", ["cat", "dog"], preset="photo"))
    knows_all = str(fake_bundle(store.root / "photo" / "be0cee", ["cat", "dog", "kitten"], preset="photo"))
    open_and_wait(qtbot, window, folder, model=picked)  # petloc-gui FOLDER --model <picked>
    qtbot.waitUntil(lambda: _settled(window, picked), timeout=10_000)
    assert window.models.explicit

    _kittens_boxed_elsewhere(qtbot, window, folder)
    qtbot.wait(300)  # the class list and the model controller look at the new class (`labels_changed`)
    assert window.current_model_spec() == picked  # the watcher's reading keeps the pick

    assert window.reload_folder()  # F5
    qtbot.waitUntil(lambda: window.models.choosing is None and window.current_model_info() is not None,
                    timeout=10_000)
    assert window.current_model_spec() == picked != knows_all
    assert window.models.explicit
    bar = window.models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=5000)  # what it does not know is said, and a model that knows it
    assert "does not know the class kitten" in bar.message.text()
    assert FolderMemory().get(folder) is None  # kept for the session, not remembered for the folder (as before)


def test_the_pick_stays_its_folder_s_only(qtbot, window, folder, tmp_path):
    """Another folder opened with the pick in use: it follows there only while it knows that folder's classes,
    as a menu pick does, F5 there included."""
    import shutil

    store = VersionStore()
    picked = str(fake_bundle(store.root / "photo" / "8fa5cc", ["cat", "dog"], preset="photo"))
    knows_all = str(fake_bundle(store.root / "photo" / "be0cee", ["cat", "dog", "kitten"], preset="photo"))
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    open_and_wait(qtbot, window, folder, model=picked)
    qtbot.waitUntil(lambda: _settled(window, picked), timeout=10_000)
    assert window.open_folder(other)
    qtbot.waitUntil(lambda: _settled(window, picked), timeout=10_000)  # it knows other's classes: it follows
    _kittens_boxed_elsewhere(qtbot, window, other)
    assert window.reload_folder()
    qtbot.waitUntil(lambda: _settled(window, knows_all), timeout=10_000)


def _settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.models.choosing is None and (window.current_model_info() is not None
                                                              or bool(window.models.problem)), timeout=10_000)


def test_a_pick_that_ended_does_not_come_back_on_its_folder(qtbot, window, folder, tmp_path):
    """The named pick ended on another folder (a class it did not know there); the same model picked again from
    the menu there is that folder's pick, not the named one: back on the folder it was named for, which has the
    class too now, the model is chosen as for any folder (a copy of it, never named, gets the one that knows every
    class). Before, the folder it was named for kept it, as though the named pick had lasted."""
    import shutil

    store = VersionStore()
    picked = str(fake_bundle(store.root / "photo" / "8fa5cc", ["cat", "dog"], preset="photo"))
    knows_all = str(fake_bundle(store.root / "photo" / "be0cee", ["cat", "dog", "kitten"], preset="photo"))
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    write_annotation(other / "d.png", [("kitten", Box(10, 10, 50, 50))])
    write_annotation(other / "e.png", [("kitten", Box(10, 10, 50, 50))])
    open_and_wait(qtbot, window, folder, model=picked)  # petloc-gui FOLDER --model <picked>
    qtbot.waitUntil(lambda: _settled(window, picked), timeout=10_000)
    assert window.open_folder(other)  # kittens there: the pick is over
    qtbot.waitUntil(lambda: _settled(window, knows_all), timeout=10_000)
    window.models.choose(picked)  # Model menu: picked for other (remembered for it)
    qtbot.waitUntil(lambda: _settled(window, picked), timeout=10_000)
    write_annotation(folder / "d.png", [("kitten", Box(10, 10, 50, 50))])  # the first folder has kittens too
    write_annotation(folder / "e.png", [("kitten", Box(10, 10, 50, 50))])
    third = tmp_path / "third"
    shutil.copytree(folder, third)
    assert window.open_folder(folder)
    _settle(qtbot, window)
    assert window.current_model_spec() == knows_all
    assert window.open_folder(other)  # it remembers its menu pick
    _settle(qtbot, window)
    assert window.current_model_spec() == picked
    assert window.open_folder(third)  # the control: a copy the model was never named for
    _settle(qtbot, window)
    assert window.current_model_spec() == knows_all


def test_another_pick_on_its_folder_ends_the_named_one(qtbot, window, folder, tmp_path):
    """A model picked in the menu on the folder the command line named another for is that folder's from then on
    (remembered for it): the named model picked on a second folder, then the first opened again, the first's own pick
    comes back, not the named model."""
    import shutil

    store = VersionStore()
    named = str(fake_bundle(store.root / "photo" / "8fa5cc", ["cat", "dog"], preset="photo"))
    menu_pick = str(fake_bundle(store.root / "photo" / "be0cee", ["cat", "dog"], preset="photo"))
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    open_and_wait(qtbot, window, folder, model=named)
    qtbot.waitUntil(lambda: _settled(window, named), timeout=10_000)
    window.models.choose(menu_pick)  # the menu, on the folder it was named for
    qtbot.waitUntil(lambda: _settled(window, menu_pick), timeout=10_000)
    assert FolderMemory().get(folder) == menu_pick
    assert window.open_folder(other)  # the menu pick follows
    qtbot.waitUntil(lambda: _settled(window, menu_pick), timeout=10_000)
    window.models.choose(named)  # the named model picked again, on other
    qtbot.waitUntil(lambda: _settled(window, named), timeout=10_000)
    assert window.open_folder(folder)
    _settle(qtbot, window)
    assert window.current_model_spec() == menu_pick  # the folder's own pick


def test_a_pick_that_fails_to_load_leaves_the_named_one_on(qtbot, window, folder, factory, answers):
    """Another model picked in the menu fails to load: the window goes back to the named model, whose pick goes on
    (F5 with a class it does not know keeps it)."""
    store = VersionStore()
    named = str(fake_bundle(store.root / "photo" / "8fa5cc", ["cat", "dog"], preset="photo"))
    fake_bundle(store.root / "photo" / "be0cee", ["cat", "dog", "kitten"], preset="photo")
    broken = str(fake_bundle(store.root / "photo" / "0b0b0b", ["cat", "dog"], preset="photo"))
    factory.fail.add(broken)
    open_and_wait(qtbot, window, folder, model=named)
    qtbot.waitUntil(lambda: _settled(window, named), timeout=10_000)
    window.models.choose(broken)
    qtbot.waitUntil(lambda: _settled(window, named), timeout=10_000)  # back to the named model
    assert window.models.explicit
    _kittens_boxed_elsewhere(qtbot, window, folder)
    assert window.reload_folder()
    _settle(qtbot, window)
    assert window.current_model_spec() == named
