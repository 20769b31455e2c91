"""The figures the home-run answers print beyond the facts (room left, each card's speed when upgrading, a phone's
models, what each number format holds on a card), for the number check: one import for ``_numbers``."""

from __future__ import annotations

from .._facts import Facts
from ._catalog import format_size_figures
from ._support import phone_figures
from ._upgrade_speed import upgrade_speed_figures
from ._workload import room_figures

__all__ = ["local_figures"]


def local_figures(facts: Facts) -> list[float]:
    """Every figure the home-run composers may print for ``facts``."""
    return [
        *room_figures(facts),
        *upgrade_speed_figures(facts),
        *phone_figures(facts),
        *format_size_figures(facts),
    ]
