"""gpu-assistant: which GPU or AI accelerator to use, and why.

>>> from assistant import Assistant
>>> reply = Assistant().ask("Which GPU should I use to fine-tune a 7B model?")

This module is the public API; front ends (CLI, web app, Slack bot) import only from here.

Names are imported on first use (PEP 562): ``import assistant`` costs next to nothing, and a front end
pays for LangChain, Chroma or pandas only when it touches the name that needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._lazy import lazy_exports

if TYPE_CHECKING:  # for type checkers and IDEs; at run time ``__getattr__`` below imports on demand
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

# public name -> the module that defines it
_WHERE = {
    "Assistant": "._assistant",
    "diagnose": "._doctor",
    "masked_settings": "._doctor",
    "AssistantError": "._errors",
    "DataError": "._errors",
    "InvalidQuestion": "._errors",
    "ServiceUnavailable": "._errors",
    "append_feedback": "._feedback",
    "open_feedback_store": "._feedback",
    "configure_logging": "._logs",
    "update_prices": "._prices",
    "MAX_QUESTION_CHARS": "._reply",
    "Reply": "._reply",
    "Source": "._reply",
    "Settings": "._settings",
    "load_settings": "._settings",
    "GPU": ".knowledge._catalog",
    "Catalog": ".knowledge._catalog",
    "Price": ".knowledge._catalog",
    "load_catalog": ".knowledge._catalog",
    "ModelSpec": ".knowledge._models",
    "ModelSpecs": ".knowledge._models",
    "load_models": ".knowledge._models",
    "Offering": ".knowledge._offerings",
    "OfferingsTable": ".knowledge._offerings",
    "PriceStats": ".knowledge._offerings",
    "load_offerings": ".knowledge._offerings",
    "CloudUpdate": ".knowledge._prices_update",
    "PriceUpdate": ".knowledge._prices_update",
    "CatalogFilter": ".planning._filters",
    "filter_catalog": ".planning._filters",
    "Plan": ".planning._plan",
    "WorkloadRequest": ".planning._request",
    "Task": ".sizing._workload",
}

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


__getattr__, __dir__ = lazy_exports(__name__, _WHERE, __all__)
