"""Whether the model in use can be fine-tuned: its bundle read without TensorFlow, before a run is offered."""

from __future__ import annotations


def is_readable_model(spec: str) -> bool:
    """Whether ``spec`` names a bundle whose meta.json reads and whose model files look loadable
    (no TensorFlow): a broken bundled model was offered to fine-tune, and the run failed."""
    try:
        from petloc_gui.app.model_choice import model_problem
        from petloc_gui.model.bundle import read_meta

        read_meta(spec)
        return model_problem(spec) is None
    except Exception:  # noqa: BLE001 - any failure means: cannot fine-tune from it
        return False
