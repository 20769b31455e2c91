"""Planning: one function turns a workload and its constraints into the plan every front end renders (pure).

The plan holds the memory estimate, the GPUs that fit, the pick and why, speed, time, cost, caveats and the
assumptions used. The chat, the web Sizing tab, the CLI and Slack all show the same plan for the same input.
"""

from ._filters import CatalogFilter, filter_catalog
from ._plan import Option, Plan, meets_rate, plan_workload, price_note
from ._request import WorkloadRequest

__all__ = [
    "CatalogFilter",
    "Option",
    "Plan",
    "WorkloadRequest",
    "filter_catalog",
    "meets_rate",
    "plan_workload",
    "price_note",
]
