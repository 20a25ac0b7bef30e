"""Retraining from the window, against a stand-in for the main window (`RetrainHost`)."""
