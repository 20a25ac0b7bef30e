"""`petloc-gui FOLDER --screenshot OUT.png` on a folder no model knows: the window is saved as it is."""

from __future__ import annotations

from petloc_gui.core.boxes import Box

from .conftest import PRED, FakeFactory, write_annotation, write_image


def _own_classes(root):
    root.mkdir()
    for i, label in enumerate(["bird", "car", "bird", "car"]):
        image = root / f"shot_{i}.png"
        write_image(image, seed=i)
        write_annotation(image, [(label, Box(10, 10, 50, 40))])
    return root


def test_a_folder_no_model_knows_is_saved_with_its_no_model_bar_and_exits_0(qtbot, tmp_path, monkeypatch,
                                                                             capsys):
    from PySide6.QtGui import QImage

    from petloc_gui.ui import app, main_window

    loaded = FakeFactory(dict(PRED))
    monkeypatch.setattr(main_window, "load_model_handle", loaded)
    folder = _own_classes(tmp_path / "mine")
    out = tmp_path / "shot.png"
    # it exited 4, "No model for this folder: ...", and wrote nothing
    assert app.main([str(folder), "--screenshot", str(out), "--timeout", "30"]) == 0
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 400 and image.height() > 300
    err = capsys.readouterr().err
    assert "No model for this folder" in err and "bird, car" in err
    assert "without predictions" in err  # a script is told the picture has none
    assert loaded.handles == []  # no model was loaded behind its back


def test_the_exit_codes_are_in_the_help(capsys):
    import pytest

    from petloc_gui.ui import app

    with pytest.raises(SystemExit):
        app.parse_args(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    for line in ("0 saved", "1 the folder", "2 timed out", "3 the PNG", "4 the model"):
        assert line in text, line
