"""Purchase prices of cards people buy (corpus/purchase-prices.yaml) and buy-vs-rent break-even (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .._errors import DataError
from ._catalog import Catalog
from ._data import load_rows

__all__ = ["BreakEven", "PurchasePrice", "StreetPrice", "break_even", "load_purchase_prices"]


class StreetPrice(BaseModel):
    """What retailers asked on one date, with where that was read."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    usd: float = Field(gt=0, lt=100_000, description="USD per card.")
    as_of: dt.date = Field(description="When the price was seen.")
    what: str = Field(default="", description="Which offers the figure describes.")
    source: str = Field(min_length=8, description="Where it was read.")


class PurchasePrice(BaseModel):
    """A card's launch MSRP and, where known, a dated street price."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=2, description="Catalog GPU name.")
    msrp_usd: float = Field(gt=0, lt=100_000, description="Launch MSRP, USD.")
    launched: dt.date = Field(description="Launch (on-sale) date.")
    msrp_source: str = Field(min_length=8, description="Where the MSRP comes from.")
    street: StreetPrice | None = Field(default=None, description="A dated street price, if a source had one.")

    @property
    def price_usd(self) -> float:
        """What buying one costs by the newest figure: the street price when known, else the MSRP."""
        return self.street.usd if self.street else self.msrp_usd


@dataclass(frozen=True)
class BreakEven:
    """Hours of renting one GPU that cost as much as buying the card (power, host and resale not counted)."""

    gpu: str
    price_usd: float
    rent_per_gpu_hour: float
    hours: float
    days_around_the_clock: float


def load_purchase_prices(path: Path, catalog: Catalog) -> dict[str, PurchasePrice]:
    """Rows by catalog name; DataError for an unknown GPU name or a repeated row."""
    rows = load_rows(Path(path), "purchases", PurchasePrice)
    by_name: dict[str, PurchasePrice] = {}
    names = set(catalog.names)
    for row in rows:
        if row.name not in names:
            raise DataError(f"{path}: {row.name!r} is not a catalog GPU name")
        if row.name in by_name:
            raise DataError(f"{path}: {row.name!r} is listed twice")
        by_name[row.name] = row
    return by_name


def break_even(purchase: PurchasePrice, rent_per_gpu_hour: float) -> BreakEven:
    """How many hours of renting at ``rent_per_gpu_hour`` add up to the card's price."""
    hours = purchase.price_usd / rent_per_gpu_hour
    return BreakEven(purchase.name, purchase.price_usd, rent_per_gpu_hour, hours, hours / 24)
