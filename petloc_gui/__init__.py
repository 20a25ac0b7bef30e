"""petloc: review, correct and retrain single-object localisation + classification models."""

__version__ = "0.1.0"
