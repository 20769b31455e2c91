"""gpu-assistant: which GPU or AI accelerator to use, and why.

>>> from assistant import Assistant
>>> reply = Assistant().ask("Which GPU should I use to fine-tune a 7B model?")

This module is the public API; front ends (CLI, web app, Slack bot) import only from here.
"""

from ._assistant import Assistant
from ._doctor import diagnose, masked_settings
from ._errors import AssistantError, DataError, InvalidQuestion, ServiceUnavailable
from ._feedback import append_feedback, open_feedback_store
from ._logs import configure_logging
from ._prices import update_prices
from ._reply import MAX_QUESTION_CHARS, Reply, Source
from ._settings import Settings, load_settings
from .knowledge import (
    GPU,
    Catalog,
    ModelSpec,
    ModelSpecs,
    Offering,
    OfferingsTable,
    Price,
    PriceStats,
    load_catalog,
    load_models,
    load_offerings,
)
from .knowledge._prices_update import CloudUpdate, PriceUpdate
from .planning import CatalogFilter, Plan, WorkloadRequest, filter_catalog
from .sizing import Task

__all__ = [
    "GPU",
    "MAX_QUESTION_CHARS",
    "Assistant",
    "AssistantError",
    "Catalog",
    "CatalogFilter",
    "CloudUpdate",
    "DataError",
    "InvalidQuestion",
    "ModelSpec",
    "ModelSpecs",
    "Offering",
    "OfferingsTable",
    "Plan",
    "Price",
    "PriceStats",
    "PriceUpdate",
    "Reply",
    "ServiceUnavailable",
    "Settings",
    "Source",
    "Task",
    "WorkloadRequest",
    "append_feedback",
    "configure_logging",
    "diagnose",
    "filter_catalog",
    "load_catalog",
    "load_models",
    "load_offerings",
    "load_settings",
    "masked_settings",
    "open_feedback_store",
    "update_prices",
]
