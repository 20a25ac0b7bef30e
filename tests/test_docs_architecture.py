"""docs/architecture.md's signatures of the public API are the code's (read_voc had lost
image_path= and find_image=), and what it and the README say predict_images takes is what it takes."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARCHITECTURE = " ".join((ROOT / "docs" / "architecture.md").read_text(encoding="utf-8").split())
README = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


def _documented_parameters(name: str) -> list[str]:
    match = re.search(rf"`{name}\(([^`]*)\)`", ARCHITECTURE)
    assert match, f"docs/architecture.md gives no signature of {name}"
    return [part.split("=")[0].strip() for part in match.group(1).split(",") if part.strip() not in ("*", "")]


@pytest.mark.parametrize("name", ["read_voc", "write_voc"])
def test_the_documented_voc_signatures_are_the_code_s(name):
    from petloc_gui.core import voc

    assert _documented_parameters(name) == list(inspect.signature(getattr(voc, name)).parameters)


def test_predict_images_is_documented_as_taking_what_array_to_rgb_takes():
    import numpy as np

    from petloc_gui.core.images import array_to_rgb

    float_gray = np.full((4, 6), 0.5, dtype=np.float32)  # not an H x W x 3 uint8 RGB array, yet taken
    assert array_to_rgb(float_gray).shape == (4, 6, 3)
    assert "(any array `core.images.array_to_rgb` takes, not only H x W x 3 uint8 RGB" in ARCHITECTURE
    assert "`array_to_rgb(array)`" in ARCHITECTURE
    assert "`predict_images` takes H x W x 3 uint8 RGB arrays and also what a file could hold" in README


def test_the_digits_record_module_and_the_file_it_writes_are_named():
    # `petloc digits` records which MNIST digit each canvas holds; the retrain comparison hedges by it
    from petloc_gui.core.digits_record import LEARNED_KEY, RECORD_NAME

    entry = ARCHITECTURE.split("- `core.digits_record`:", 1)
    assert len(entry) == 2, "docs/architecture.md does not list core.digits_record among the core modules"
    described = entry[1].split(" - `", 1)[0]
    assert f"`{RECORD_NAME}`" in described and f"`training_data.{LEARNED_KEY}`" in described
    assert ARCHITECTURE.index("- `core.digits_record`:") < ARCHITECTURE.index("### model")


# modules added in one session and not named in docs/architecture.md until a later one: where their layer is
# listed, core, model and app modules by their dotted name (`core.text`), cli and ui ones by their file's name
NAMED_MODULES = [
    "ui/models/warning_box.py", "ui/dock_tab_place.py",
    "ui/editing/label_box_items.py",
    "app/undecided_choice.py", "ui/models/picked_version.py",
    "model/export_names.py", "model/export_description.py", "model/tflite_folder.py", "app/stage_figures_images.py",
    "core/turkish_case.py", "core/name_search.py", "core/yolo_beside.py", "core/label_variants.py",
    "app/thin_classes.py", "app/annotation_look.py", "app/class_list.py", "model/layout_test_split.py",
    "model/comparison_class_blind.py", "model/trained_here.py", "ui/number_fields.py", "ui/qt_options.py",
    "ui/chart_height.py", "ui/review/wrapped_names.py", "ui/training/thin_classes_note.py",
    "cli/evaluate_class_rows.py", "core/trained_on_words.py", "core/scored_objects.py", "core/listed_images.py",
    "model/window_holdout.py", "model/current_model_digits.py", "model/image_files_record.py",
    "cli/evaluate_class_blind.py", "ui/editing/class_filter.py", "ui/editing/name_then_key.py",
    "ui/training/retrain_holdout.py", "ui/training/retrain_summary.py", "ui/training/retrain_preview_digits.py",
    "ui/canvas/header_markup.py", "app/child_silence.py", "app/known_share.py", "app/model_kind.py",
    "app/whole_pixels.py", "core/interop/output_before.py", "core/interop/taken_back.py", "model/store_leftovers.py",
    "ui/editing/class_keys.py", "ui/editing/label_box_escape.py", "ui/editing/list_width.py", "ui/editing/undo_keys.py",
    "ui/review/save_questions.py", "ui/training/progress_placement.py", "ui/training/quiet_note.py",
    "core/held_out_classes.py",
    "ui/training/said_while_hidden.py",
    "ui/canvas/box_stack.py",
    "ui/canvas/box_stack.py", "ui/canvas/pan_drag.py",
    "ui/keyboard_back.py",
    "ui/canvas/box_cursor.py",
    "ui/canvas/box_tag.py",
    "core/guessed_boxes.py",
    "ui/models/versions_entry_fit.py",
    "cli/models_delete.py", "ui/models/delete_versions_dialog.py",
    "ui/training/retrain_ending.py",
    "ui/models/load_failed.py",
    "ui/quit_signals.py",
    "model/lite_bundle.py", "model/tflite_provenance.py",
    "model/lite_bundle.py", "model/tflite_provenance.py", "model/version_tflite.py",
    "model/parent_mark.py",
    "app/version_children.py",
]


@pytest.mark.parametrize("module", NAMED_MODULES)
def test_the_module_is_named_where_its_layer_is_listed(module):
    assert (ROOT / "petloc_gui" / module).is_file(), f"petloc_gui/{module} is gone: take it out of the list"
    layer, stem = module.split("/", 1)[0], module.rsplit("/", 1)[1].removesuffix(".py")
    if layer in ("core", "model"):
        section = ARCHITECTURE.split(f"### {layer}", 1)[1].split(" ### ", 1)[0]
        # a sub-package's module by its name inside the layer (`interop.options`, under `core.interop`)
        dotted = module.removesuffix(".py").replace("/", ".")
        name = dotted if dotted.count(".") == 1 else dotted.split(".", 1)[1]
        assert f"`{name}" in section, f"docs/architecture.md's {layer} contracts do not name {module}"
    else:
        tree = ARCHITECTURE.split("```", 2)[1]
        assert re.search(rf"\b{stem}\b", tree), f"docs/architecture.md's layer tree does not name {module}"


def test_core_text_isolated_is_named_with_core_text():
    from petloc_gui.core.text import isolated

    assert isolated("שלום") != isolated("hello") == "hello"  # set apart only with right-to-left letters
    text_entry = ARCHITECTURE.split("- `core.text`:", 1)[1].split(" - `", 1)[0]
    assert "`isolated(name)`" in text_entry
