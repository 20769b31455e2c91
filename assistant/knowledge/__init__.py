"""Knowledge: the typed GPU catalog, open-model specs, name resolution and the offerings table, from ``corpus/`` (pure).

Imports nothing from LangChain, Chroma, Gradio or Slack.
"""

from .._errors import DataError
from ._catalog import GPU, Catalog, Price, load_catalog
from ._data import corpus_dir, load_rows
from ._market import (
    AUCTION_CODES,
    ClassGap,
    GpuMarket,
    Quote,
    Spread,
    class_gap,
    gpu_market,
    is_auction,
    smallest_shape_holding,
)
from ._models import LowBitGGUF, ModelSpec, ModelSpecs, load_models
from ._names import NamedRecords, NameIndex, compact
from ._offerings import (
    Offering,
    OfferingsError,
    OfferingsTable,
    PriceStats,
    load_offerings,
    load_region_rules,
)
from ._offerings_files import live_offerings_dir, load_offerings_from
from ._purchases import BreakEven, PurchasePrice, break_even, load_purchase_prices

__all__ = [
    "AUCTION_CODES",
    "GPU",
    "BreakEven",
    "Catalog",
    "ClassGap",
    "DataError",
    "GpuMarket",
    "LowBitGGUF",
    "ModelSpec",
    "ModelSpecs",
    "NameIndex",
    "NamedRecords",
    "Offering",
    "OfferingsError",
    "OfferingsTable",
    "Price",
    "PriceStats",
    "PurchasePrice",
    "Quote",
    "Spread",
    "break_even",
    "class_gap",
    "compact",
    "corpus_dir",
    "gpu_market",
    "is_auction",
    "live_offerings_dir",
    "load_catalog",
    "load_models",
    "load_offerings",
    "load_offerings_from",
    "load_purchase_prices",
    "load_region_rules",
    "load_rows",
    "smallest_shape_holding",
]
