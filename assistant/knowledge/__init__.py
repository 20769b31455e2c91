"""Knowledge: the typed GPU catalog, open-model specs and name resolution, loaded from ``corpus/`` (pure).

Imports nothing from LangChain, Chroma, Gradio or Slack.
"""

from .._errors import DataError
from ._catalog import GPU, Catalog, Price, load_catalog
from ._data import corpus_dir, load_rows
from ._models import ModelSpec, ModelSpecs, load_models
from ._names import NamedRecords, NameIndex, compact

__all__ = [
    "GPU",
    "Catalog",
    "DataError",
    "ModelSpec",
    "ModelSpecs",
    "NameIndex",
    "NamedRecords",
    "Price",
    "compact",
    "corpus_dir",
    "load_catalog",
    "load_models",
    "load_rows",
]
