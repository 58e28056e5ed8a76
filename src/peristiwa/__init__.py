"""peristiwa: political event data from Indonesian and English news."""

from peristiwa.nlp import load_model as load
from peristiwa.pipeline import Pipeline, extract

__all__ = ["Pipeline", "extract", "load", "__version__"]
__version__ = "0.1.0"
