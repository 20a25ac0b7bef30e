"""TensorFlow's import as a step of its own, before the first model's load (`prepare_for`).

`model_handle.load_model_handle`, the window's model factory, imports TensorFlow and loads the model in
one call, in the prediction worker. With the import done first (`import_tensorflow`), the service can
end its worker between the two when the window closes mid-import, rather than wait for the import and
the load, and need not wait at all for the import, which cannot be interrupted
(`PredictionService.shutdown`).
"""

from __future__ import annotations

from collections.abc import Callable

from petloc_gui.ui.main_thread_gc import lasting_import
from petloc_gui.ui.models.model_handle import load_model_handle


def import_tensorflow() -> None:
    """Import TensorFlow as the petloc commands do (its chatter hidden); worker thread only. Its ~740k
    objects, which live as long as the process, are left out of every later garbage collection
    (`main_thread_gc.lasting_import`)."""
    from petloc_gui.cli.output import load_tensorflow

    with lasting_import():
        load_tensorflow()


def prepare_for(factory: Callable[[str], object]) -> Callable[[], None] | None:
    """What to run before ``factory``'s first call: TensorFlow's import for the window's own factory, a
    factory's ``prepare`` where it has one (a test's), else nothing."""
    if factory is load_model_handle:
        return import_tensorflow
    return getattr(factory, "prepare", None)
