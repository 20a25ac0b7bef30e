"""The exporters' remedies name each option in the caller's words (`OptionWords` on the report):
the CLI's flags by default, anything else a caller such as the window gives."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import CLI_WORDS, OptionWords, export_coco, export_yolo
from petloc_gui.core.interop.files import prepare_output
from petloc_gui.core.interop.options import ANNOTATED_ONLY, FROM_COCO, OVERWRITE, SKIP_DIFFICULT
from petloc_gui.core.interop.records import ConversionReport
from tests.core.interop_helpers import write_voc_image

OTHER_WORDS = OptionWords(
    names={ANNOTATED_ONLY: "<only>", SKIP_DIFFICULT: "<no-hard>", OVERWRITE: "<over>", FROM_COCO: "<back>"},
    remedies={ANNOTATED_ONLY: "choose <only>", SKIP_DIFFICULT: "choose <no-hard>", OVERWRITE: "choose <over>"},
)


@pytest.fixture
def dataset(tmp_path):
    """a.png: a difficult cat; b.png: not annotated; c.png: annotated, no box ("checked, nothing there")."""
    folder = tmp_path / "voc"
    folder.mkdir()
    write_voc_image(folder, "a.png", 40, 30, [("cat", (5, 5, 20, 20))])
    xml = folder / "a.xml"
    xml.write_text(xml.read_text().replace("<difficult>0</difficult>", "<difficult>1</difficult>"))
    write_voc_image(folder, "b.png", 40, 30, None)
    write_voc_image(folder, "c.png", 40, 30, [])
    return open_dataset(folder)


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_the_remedies_are_in_the_callers_words(dataset, tmp_path, export):
    report = export(dataset, tmp_path / "out", report=ConversionReport(words=OTHER_WORDS))
    text = "\n".join(report.warnings)
    assert "Choose <only> to leave them out" in text and "Choose <no-hard> to leave them out" in text
    assert "--" not in text
    left_out = export(dataset, tmp_path / "out2", skip_difficult=True, report=ConversionReport(words=OTHER_WORDS))
    assert any("left out (<no-hard>)" in warning for warning in left_out.warnings)


def test_coco_says_how_checked_images_read_back_in_the_callers_words(dataset, tmp_path):
    report = export_coco(dataset, tmp_path / "out", report=ConversionReport(words=OTHER_WORDS))
    assert any("read back (<back>), they get no VOC file" in warning for warning in report.warnings)


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_the_cli_words_are_the_default(dataset, tmp_path, export):
    report = export(dataset, tmp_path / "out")
    assert report.words is CLI_WORDS
    assert any("Use --annotated-only to leave them out" in warning for warning in report.warnings)
    assert any("Pass --skip-difficult to leave them out" in warning for warning in report.warnings)


@pytest.mark.parametrize("export", [export_yolo, export_coco])
def test_a_folder_that_is_not_empty_is_refused_in_the_callers_words(dataset, tmp_path, export):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")
    with pytest.raises(SaveError, match="or choose <over> to replace the files the export writes"):
        export(dataset, tmp_path / "full", report=ConversionReport(words=OTHER_WORDS))
    with pytest.raises(SaveError, match="or pass --overwrite to replace"):
        prepare_output(tmp_path / "full", overwrite=False, dataset=dataset)
