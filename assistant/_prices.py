"""The live price update, built from settings (the public API's ``update_prices``)."""

from __future__ import annotations

from ._settings import Settings, load_settings
from .knowledge._catalog import load_catalog
from .knowledge._prices_update import PriceUpdate
from .knowledge._prices_update import update_prices as _update_prices

__all__ = ["update_prices"]


def update_prices(settings: Settings | None = None, *, timeout: float = 30.0) -> PriceUpdate:
    """Fetch the live catalog files of ``settings.price_clouds`` into the data directory (see
    ``knowledge/_prices_update.py``); an Assistant built afterwards from these settings uses them."""
    settings = settings or load_settings()
    corpus = settings.corpus_dir
    return _update_prices(
        settings.price_clouds,
        settings.price_catalog_url,
        settings.data_dir,
        load_catalog(corpus / "gpus.yaml"),
        corpus,
        timeout=timeout,
    )
