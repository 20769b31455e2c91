"""Lazy package exports (PEP 562): a package names its public API up front and imports each name on first use."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, where: Mapping[str, str], names: list[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: public name -> the (relative) module defining it.

    Every name in ``names`` (the package's ``__all__``) must have a module, so a typo fails at import time.
    """
    missing = sorted(set(names) - set(where))
    if missing:
        raise ImportError(f"{package}: no module given for {', '.join(missing)}")
    namespace = import_module(package).__dict__

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module, package), name)
        namespace[name] = value  # found directly next time, without this function
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *names})

    return __getattr__, __dir__
