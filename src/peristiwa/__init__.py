"""peristiwa: political event data from Indonesian and English news."""

from peristiwa.pipeline import Pipeline, extract

__all__ = ["Pipeline", "extract", "__version__"]
__version__ = "0.1.0"
