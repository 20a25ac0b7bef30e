"""scripts/gallery.py shoots the windows as a user sees them: the main window once its model has loaded (not
while the status bar still says "Loading model digits…" over predictions from the cache)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

GALLERY = Path(__file__).resolve().parents[2] / "scripts" / "gallery.py"


def _gallery():
    spec = importlib.util.spec_from_file_location("petloc_gallery_script", GALLERY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _window(info, problem=None, spec="digits"):
    session = SimpleNamespace(queue_known=lambda: True)  # predictions known (from the cache)
    return SimpleNamespace(session=session, models=SimpleNamespace(spec=spec, info=info, problem=problem))


def test_the_main_window_is_shot_only_once_its_model_has_loaded():
    gallery = _gallery()
    assert not gallery.main_view_ready(_window(None)), "predictions from the cache, the model still loading"
    assert not gallery.main_view_ready(_window(SimpleNamespace(spec="pets"))), "the last folder's model"
    assert gallery.main_view_ready(_window(SimpleNamespace(spec="digits")))
    assert gallery.main_view_ready(_window(None, problem="Model failed to load: broken")), "a failure is said"
