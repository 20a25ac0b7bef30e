"""PySide6 user interface. TensorFlow is imported lazily, never at module import time."""
