"""Qt-free application state: documents, the annotation store, the review queue,
the model choice for a folder and the demo folder.

Nothing here imports Qt or TensorFlow (an import-linter contract), so a test
can drive this state without a QApplication.
"""
