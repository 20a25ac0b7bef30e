"""`petloc export --saved-model LINK`, LINK a symbolic link to an empty folder: a link to an empty folder
is an empty folder, so the SavedModel is written into the folder it names, still atomically (the link
stays). It loaded TensorFlow and then said "LINK: cannot export: Not a directory"."""

from __future__ import annotations

import pytest

from tests.cli.helpers import run_cli
from tests.cli.test_export_stopped import stand_in_export  # noqa: F401 - a fixture


@pytest.mark.slow
def test_a_link_to_an_empty_folder_is_exported_into(tiny_bundle, tmp_path, capsys):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "linkdir"
    link.symlink_to(real)
    code, out, err = run_cli(capsys, "export", tiny_bundle, "--saved-model", link)
    assert code == 0, err
    assert out.split() == [str(link)] and f"wrote SavedModel {link}" in err
    assert link.is_symlink() and (real / "saved_model.pb").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["linkdir", "real"]  # no temporary folder left

    import tensorflow as tf

    assert "serving_default" in tf.saved_model.load(str(link)).signatures


def test_what_was_written_through_a_link_is_taken_back(stand_in_export, tmp_path, capsys, monkeypatch):  # noqa: F811
    from petloc_gui.model import export

    written = []

    def saved_model(_bundle, target):  # as the real one: through the link, into the folder it names
        folder = export.written_folder(target)
        (folder / "saved_model.pb").write_bytes(b"pb")
        written.append(folder)
        return target

    stand_in_export.append(OSError(28, "No space left on device", "x"))
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "linkdir"
    link.symlink_to(real)
    monkeypatch.setattr(export, "export_saved_model", saved_model)
    code, out, err = run_cli(capsys, "export", "digits", "--saved-model", link, "--tflite", tmp_path / "d.tflite")
    assert (code, out) == (1, "") and written == [real]
    assert f"removed what the export had written ({link})" in err  # named by the path given
    assert link.is_symlink() and real.is_dir() and list(real.iterdir()) == []  # the empty folder given stays
