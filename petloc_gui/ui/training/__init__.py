"""Retraining: the dialog, the child process, the progress window and the comparison."""
