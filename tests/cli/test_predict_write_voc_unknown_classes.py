"""`petloc predict --write-voc` into a folder with a class boxed that its model does not know (added
after it was trained): its summary says that no pre-label can be that class. Only the model choice
line said it ("it knows all but the class star"), and nothing did with --model."""

from __future__ import annotations

from tests.cli.helpers import BLUE, RED, run_cli, voc_xml, write_annotated, write_image

W, H = 64, 32
NOTE = ("petloc: the model does not know the class star, boxed in {where}: no pre-label it wrote can be that "
        "class, so one on an image showing it is of another class; review them before training on them (petloc "
        "train leaves them out, until a person saves them, where the class is on an image's first box, the one a run "
        "learns)")


def _folder(tmp_path, monkeypatch, labels=("cat", "star")):
    folder = tmp_path / "shapes"
    folder.mkdir()
    for index, label in enumerate(labels):
        write_annotated(folder, f"boxed{index}", W, H, [(label, (16, 16, 48, 28))])
    write_image(folder / "new1.png", W, H, RED)
    write_image(folder / "new2.png", W, H, BLUE)
    monkeypatch.chdir(tmp_path)
    return folder


def test_the_summary_says_no_pre_label_can_be_the_unknown_class(tmp_path, tiny_bundle, capsys, monkeypatch):
    _folder(tmp_path, monkeypatch)
    code, _, err = run_cli(capsys, "predict", "shapes", "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    assert "Traceback" not in err
    assert err.splitlines()[-1] == NOTE.format(where="shapes")
    assert "wrote 2 pre-label annotations; left 2 existing annotations untouched" in err


def test_a_file_given_alone_its_folder_s_classes(tmp_path, tiny_bundle, capsys, monkeypatch):
    _folder(tmp_path, monkeypatch)
    code, _, err = run_cli(capsys, "predict", "shapes/new1.png", "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    assert NOTE.format(where="shapes") in err.splitlines()


def test_a_rare_class_beyond_the_model_choice_sample_is_found(tmp_path, tiny_bundle, capsys, monkeypatch):
    from petloc_gui.app import model_choice

    # the window's choice reads a sample of the annotations: of one here, the first (cat)
    monkeypatch.setattr(model_choice.label_counts, "__defaults__", (1,))
    _folder(tmp_path, monkeypatch, ("cat", "cat", "dog", "star"))
    code, _, err = run_cli(capsys, "predict", "shapes", "--model", tiny_bundle, "--write-voc")
    assert code == 0, err
    assert NOTE.format(where="shapes") in err.splitlines()


def test_nothing_said_when_the_model_knows_every_class_or_nothing_was_written(tmp_path, tiny_bundle, capsys,
                                                                             monkeypatch):
    folder = _folder(tmp_path, monkeypatch, ("cat", "dog"))
    code, _, err = run_cli(capsys, "predict", "shapes", "--model", tiny_bundle, "--write-voc")
    assert code == 0 and "does not know" not in err
    (folder / "new1.xml").unlink()
    (folder / "new2.xml").write_text(voc_xml("new2.png", W, H, [("star", (1, 1, 9, 9))]), encoding="utf-8")
    code, _, err = run_cli(capsys, "predict", "shapes/new2.png", "--model", tiny_bundle, "--write-voc")
    assert code == 0 and "wrote 0 pre-label annotations" in err and "does not know" not in err
    code, _, err = run_cli(capsys, "predict", "shapes", "--model", tiny_bundle)  # no --write-voc
    assert code == 0 and "does not know" not in err
