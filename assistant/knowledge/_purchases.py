"""Purchase prices of hardware people buy (corpus/purchase-prices.yaml) and buy-vs-rent break-even (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .._errors import DataError
from ._catalog import Catalog
from ._data import load_rows
from ._offerings import Offering

__all__ = ["BreakEven", "PurchasePrice", "StreetPrice", "break_even", "load_purchase_prices"]


class StreetPrice(BaseModel):
    """What retailers asked on one date, with where that was read."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    usd: float = Field(gt=0, lt=100_000, description="USD per card.")
    as_of: dt.date = Field(description="When the price was seen.")
    what: str = Field(default="", description="Which offers the figure describes.")
    source: str = Field(min_length=8, description="Where it was read.")


class PurchasePrice(BaseModel):
    """A card's (or a Mac's) launch MSRP and, where known, a dated street price."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=2, description="Catalog GPU name.")
    msrp_usd: float = Field(gt=0, lt=100_000, description="Launch MSRP, USD.")
    launched: dt.date | None = Field(
        default=None, description="Launch (on-sale) date, when the source gives it."
    )
    msrp_source: str = Field(min_length=8, description="Where the MSRP comes from.")
    product: str = Field(default="", description="What the price buys when it is more than the card (a Mac).")
    note: str = Field(default="", description="A caveat an answer must repeat with the price.")
    street: StreetPrice | None = Field(default=None, description="A dated street price, if a source had one.")

    @property
    def price_usd(self) -> float:
        """What buying one costs by the newest figure: the street price when known, else the MSRP."""
        return self.street.usd if self.street else self.msrp_usd


@dataclass(frozen=True)
class BreakEven:
    """Hours of renting one GPU that cost as much as buying the card (power, host and resale not counted).

    ``rent_per_gpu_hour`` is the rate the hours are counted at (the caller passes the cheapest regular offer);
    ``median_rent_per_gpu_hour`` and ``median_hours`` give the same at the market's median rate, when known.
    """

    gpu: str
    price_usd: float
    rent_per_gpu_hour: float
    hours: float
    days_around_the_clock: float
    median_rent_per_gpu_hour: float | None = None
    median_hours: float | None = None
    offer: Offering | None = None  # the offer ``rent_per_gpu_hour`` comes from, to name it
    rented_gpu: str | None = (
        None  # the card rented instead, when it is not the one bought ("rent an A100 or buy")
    )


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


def break_even(
    purchase: PurchasePrice,
    rent_per_gpu_hour: float,
    median_rent_per_gpu_hour: float | None = None,
    offer: Offering | None = None,
    rented_gpu: str | None = None,
) -> BreakEven:
    """How many hours of renting at ``rent_per_gpu_hour`` (and at the median rate, if given) add up to the
    card's price."""
    hours = purchase.price_usd / rent_per_gpu_hour
    median_hours = purchase.price_usd / median_rent_per_gpu_hour if median_rent_per_gpu_hour else None
    return BreakEven(
        purchase.name,
        purchase.price_usd,
        rent_per_gpu_hour,
        hours,
        hours / 24,
        median_rent_per_gpu_hour=median_rent_per_gpu_hour,
        median_hours=median_hours,
        offer=offer,
        rented_gpu=rented_gpu,
    )
