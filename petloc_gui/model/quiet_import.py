"""Import TensorFlow without its start-up chatter on stderr, for the model layer's own command
(`python -m petloc_gui.model.runtime`).

The petloc commands do the same through `cli.output.quiet_tensorflow` and `load_tensorflow`, which
the model layer may not import. TF_CPP_MIN_LOG_LEVEL hides TensorFlow's C++ log lines once logging
is set up; the lines written before that (absl's "All log messages before absl::InitializeLog()"
banner, oneDNN, "Could not find cuda drivers") ignore it, so the native stderr is parked in a
temporary file during the import and shown only when the import fails or PETLOC_DEBUG is set.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile


def import_tensorflow_quietly() -> None:
    """Import Keras and TensorFlow with their chatter hidden (a user's TF_CPP_MIN_LOG_LEVEL wins)."""
    # 3, not 2: on a machine without a GPU "failed call to cuInit" is logged at ERROR level
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    if "tensorflow" not in sys.modules:
        _import_with_native_stderr_parked()
    for name in ("tensorflow", "absl", "keras"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _debug() -> bool:
    # as app.tf_log_filter.debug_enabled reads it (the model layer may not import app)
    return os.environ.get("PETLOC_DEBUG", "").strip().lower() not in ("", "0", "false", "no")


def _import_with_native_stderr_parked() -> None:
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no real fd 2 (embedded interpreter): nothing to park
        import keras
        return
    failed = False
    with tempfile.TemporaryFile() as parked:
        os.dup2(parked.fileno(), 2)
        try:
            import keras  # noqa: F401 - imports TensorFlow, its backend
            import tensorflow  # noqa: F401
        except BaseException:
            failed = True
            raise
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            if failed or _debug():
                parked.seek(0)
                sys.stderr.write(parked.read().decode("utf-8", "replace"))
                sys.stderr.flush()
