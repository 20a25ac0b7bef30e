"""The window module does not import TensorFlow; the demo folder is written atomically."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_importing_the_window_does_not_import_tensorflow():
    code = (
        "import sys\n"
        "import petloc_gui.ui.main_window, petloc_gui.ui.app\n"
        "print('tensorflow' in sys.modules, 'keras' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["False", "False"]


def test_building_the_window_does_not_import_tensorflow():
    # With the real model factory: the model loads in the worker thread only.
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from petloc_gui.ui.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        "print('tensorflow' in sys.modules)\n"
        "w.shutdown()\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split()[-1:] == ["False"], out.stderr


def test_demo_folder_has_prelabels_and_planted_mistakes(tmp_path):
    from petloc_gui.app import demo_folder
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.voc import read_voc

    out = tmp_path / "demo"
    out.mkdir()
    changed = demo_folder.write_demo(out, count=40, seed=3)
    dataset = open_dataset(out)
    assert len(dataset.items) == 40
    missing = [i.image_path.name for i in dataset.items if not i.has_annotation]
    assert sorted(missing) == sorted(changed["bare"]) and len(missing) == 6
    for name in changed["flipped"]:
        digit = name.split("digit")[1][0]
        assert read_voc(out / name.replace(".png", ".xml")).objects[0].name != digit


def test_ensure_demo_folder_is_atomic(monkeypatch, tmp_path):
    from petloc_gui.app import demo_folder

    def boom(out, count, final_dir=None):
        (out / "half.png").write_bytes(b"x")
        raise OSError("disk full")

    monkeypatch.setattr(demo_folder, "write_demo", boom)
    with pytest.raises(OSError):
        demo_folder.ensure_demo_folder()
    parent = demo_folder.demo_folder().parent
    assert not demo_folder.demo_folder().exists()
    assert not any(p.name.startswith(".demo-digits") for p in parent.iterdir())


def test_demo_xml_names_the_final_folder_not_the_staging_one():
    from petloc_gui.app import demo_folder
    from petloc_gui.core.voc import read_voc

    folder = demo_folder.ensure_demo_folder(count=12)
    xmls = sorted(folder.glob("*.xml"))
    assert xmls
    for xml in xmls:
        annotation = read_voc(xml)
        assert annotation.folder == folder.name
        assert annotation.path == str(folder / annotation.filename)


@pytest.mark.parametrize("argv", [["", "--model", "digits"], ["folder", "--model", ""],
                                  ["folder", "--screenshot", ""]])
def test_an_empty_folder_model_or_screenshot_name_is_a_bad_command_line(argv, capsys):
    """An empty --model meant "choose one for me" and an empty folder the current one (an unset
    variable in a script): the CLI's commands refuse both, and so does the window's."""
    from petloc_gui.ui.app import parse_args

    with pytest.raises(SystemExit) as stopped:
        parse_args(argv)
    assert stopped.value.code == 2 and "empty" in capsys.readouterr().err
    assert parse_args(["folder", "--model", "digits"]).model == "digits"
