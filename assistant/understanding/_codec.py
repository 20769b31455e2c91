"""Understood questions as JSON and back, so a conversation can be kept outside the process (pure).

Generic over frozen dataclasses: enums become their values, tuples lists, nested dataclasses objects.
Decoding follows the field types, ignores fields it does not know and leaves missing ones at their
defaults, so a turn stored by an older or newer release still loads (or is dropped, never misread).
Plain JSON, never pickle: a shared store (Redis) must not be able to run code in the assistant.
"""

from __future__ import annotations

import dataclasses
import types
from enum import Enum
from typing import Any, Union, get_args, get_origin, get_type_hints

from ._understand import Understanding

__all__ = ["from_json", "to_json", "understanding_from_json"]


def to_json(value: Any) -> Any:
    """``value`` as JSON-ready data: dataclasses as objects, enums as values, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} as JSON")


def from_json(cls: type, data: Any) -> Any:
    """An instance of the dataclass ``cls`` from ``to_json`` output; ValueError/TypeError if it does not fit."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__} must be stored as an object, not {type(data).__name__}")
    hints = get_type_hints(cls)
    values = {
        f.name: _decode(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)
        if f.init and f.name in data
    }
    return cls(**values)


def understanding_from_json(data: Any) -> Understanding:
    """An Understanding from ``to_json(understanding)``."""
    return from_json(Understanding, data)


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        for option in options:
            try:
                return _decode(option, value)
            except (TypeError, ValueError):
                continue
        raise ValueError(f"{value!r} fits none of {options}")
    if origin is tuple:
        args = get_args(hint)
        items = _list(value)
        if args and args[-1] is not Ellipsis:  # a fixed shape, such as a setup's (GPU name, count)
            if len(args) != len(items):
                raise ValueError(f"expected {len(args)} items, not {len(items)}")
            return tuple(_decode(a, v) for a, v in zip(args, items, strict=True))
        item = args[0] if args else Any
        return tuple(_decode(item, v) for v in items)
    if origin is list:
        (item,) = get_args(hint) or (Any,)
        return [_decode(item, v) for v in _list(value)]
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return from_json(hint, value)
        if issubclass(hint, Enum):
            return hint(value)
        if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        if hint in (str, int, bool) and not isinstance(value, hint):
            raise TypeError(f"{value!r} is not a {hint.__name__}")
    return value


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, not {type(value).__name__}")
    return value
