"""TensorFlow's import as a step of its own, before the load of the first model that needs it (`prepare_for`).

`model_handle.load_model_handle`, the window's model factory, loads a bundle with verified .tflite files
(the bundled models) with LiteRT alone (`model.lite_bundle`): no TensorFlow, whose import held the GIL and
froze the window for seconds. Any other model it loads through Keras, importing TensorFlow and loading the
model in one call, in the prediction worker. For those the import is done first (`import_tensorflow`), so
the service can end its worker between the two when the window closes mid-import, rather than wait for
the import and the load, and need not wait at all for the import, which cannot be interrupted
(`PredictionService.shutdown`).
"""

from __future__ import annotations

from collections.abc import Callable

from petloc_gui.ui.main_thread_gc import lasting_import
from petloc_gui.ui.models.model_handle import lite_predictor_ahead, load_model_handle

# The import a model's load needs first, run for its spec; True once it is done for good (none is needed
# again), False when this model needed none (a later one may).
ImportStep = Callable[[str], bool]


def import_tensorflow() -> None:
    """Import TensorFlow as the petloc commands do (its chatter hidden); worker thread only. Its ~740k
    objects, which live as long as the process, are left out of every later garbage collection
    (`main_thread_gc.lasting_import`)."""
    from petloc_gui.cli.output import load_tensorflow

    with lasting_import():
        load_tensorflow()


def import_tensorflow_for(spec: str) -> bool:
    """TensorFlow's import, unless the model ``spec`` names runs without it (its verified .tflite files,
    fitting its meta.json, and LiteRT: 10-30 ms to tell, by building that predictor, which the factory's
    load then serves: `model_handle.lite_predictor_ahead`). True when imported."""
    if lite_predictor_ahead(spec):
        return False
    import_tensorflow()
    return True


def prepare_for(factory: Callable[[str], object]) -> ImportStep | None:
    """What to run before ``factory``'s load of a model: TensorFlow's import for the window's own factory,
    when that model needs it; a factory's ``prepare()`` where it has one (a test's), once; else nothing."""
    if factory is load_model_handle:
        return import_tensorflow_for
    prepare = getattr(factory, "prepare", None)
    if prepare is None:
        return None

    def prepare_once(spec: str) -> bool:
        prepare()
        return True

    return prepare_once
