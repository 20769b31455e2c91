"""gpu-assistant: which GPU or AI accelerator to use, and why.

>>> from assistant import Assistant
>>> reply = Assistant().ask("Which GPU should I use to fine-tune a 7B model?")
"""

from ._assistant import Assistant
from ._catalog import GPU, Catalog, Price, load_catalog
from ._data import DataError
from ._models import ModelSpec, ModelSpecs, load_models
from ._reply import InvalidQuestion, Reply, Source
from ._settings import Settings, load_settings

__all__ = [
    "GPU",
    "Assistant",
    "Catalog",
    "DataError",
    "InvalidQuestion",
    "ModelSpec",
    "ModelSpecs",
    "Price",
    "Reply",
    "Settings",
    "Source",
    "load_catalog",
    "load_models",
    "load_settings",
]
