"""gpu-assistant: which GPU or AI accelerator to use, and why."""

from ._catalog import GPU, Catalog, Price, load_catalog
from ._data import DataError
from ._models import ModelSpec, ModelSpecs, load_models

__all__ = ["GPU", "Catalog", "DataError", "ModelSpec", "ModelSpecs", "Price", "load_catalog", "load_models"]
