"""`petloc models` printed a version's figures as they were recorded, with nothing said once a box of an image they
were measured on was corrected since its run, where the window's model label says it (`model.trained_here`). A model
records its training folder's name only, so the listing looks in the folders that use the model (folder_models.json)
and counts an image only where its bytes are those recorded: the --json row's ``reboxed_since`` (null: not known),
and a line after the table."""

from __future__ import annotations

from petloc_gui.app.folder_memory import FolderMemory
from tests.cli.models_helpers import listed, rebox, stored_version, version_its_folder_uses
from tests.model.trained_here_folders import copied_folder, training_folder


def test_a_re_boxed_validation_image_in_the_folder_that_uses_it_is_said(tmp_path, capsys, _isolated_user_data):
    source, _ = version_its_folder_uses(tmp_path, _isolated_user_data / "models")
    lines, row = listed(capsys)
    assert (row["reboxed_since"], row["reboxed_of"], row["reboxed_folder"]) == (0, 1, str(source.resolve()))
    assert not any("re-boxed" in line for line in lines)
    rebox(source / "cvat_4.xml")
    lines, row = listed(capsys)
    assert row["reboxed_since"] == 1 and row["metrics"]["accuracy"] == 1.0  # the figures as recorded, said of
    said = [line for line in lines if "re-boxed" in line]
    assert said == [f"digits/v1: the validation image its figures were measured on was re-boxed since its run, in "
                    f"{source.resolve()} (a folder that uses it): the figures are on the earlier boxes; petloc "
                    f"evaluate {source.resolve()} --model digits/v1 --split validation re-scores them"]
    assert lines[-1].startswith("Trained versions are kept in")


def test_a_training_image_re_boxed_is_not_an_image_the_figures_are_on(tmp_path, capsys, _isolated_user_data):
    source, _ = version_its_folder_uses(tmp_path, _isolated_user_data / "models")
    rebox(source / "cvat_0.xml")
    assert listed(capsys)[1]["reboxed_since"] == 0


def test_without_a_folder_that_holds_its_measured_images_it_is_not_known(tmp_path, capsys, _isolated_user_data):
    source = training_folder(tmp_path, boxed=True)
    version = stored_version(tmp_path, _isolated_user_data / "models", source)
    rebox(source / "cvat_4.xml")
    row = listed(capsys)[1]
    assert (row["reboxed_since"], row["reboxed_of"], row["reboxed_folder"]) == (None, None, None)  # no folder uses it
    copies = copied_folder(tmp_path, source)  # its photos under other names, found by their bytes (as the window)
    (copies / "task_4.png").unlink()  # its training photos alone: not the image its figures were measured on
    FolderMemory().remember(copies, str(version))
    lines, row = listed(capsys)
    assert row["reboxed_since"] is None and not any("re-boxed" in line for line in lines)


def test_a_record_without_annotation_hashes_cannot_tell(tmp_path, capsys, _isolated_user_data):
    """Its run read no annotation of the image (none then, an older record): whether it was re-boxed is not known."""
    version_its_folder_uses(tmp_path, _isolated_user_data / "models", boxed=False)
    assert listed(capsys)[1]["reboxed_since"] is None
