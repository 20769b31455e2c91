"""Per-client limits for the web front end: a token bucket per client, bounded in memory."""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict

__all__ = ["RateLimiter"]


class RateLimiter:
    """``per_minute`` requests per client key, with bursts up to ``burst``; 0 turns it off.

    ``take(key)`` returns 0 when the request may go ahead, else the seconds to wait (Retry-After).
    At most ``max_clients`` keys are remembered; the least recently seen are forgotten first.
    """

    def __init__(self, per_minute: float, *, burst: int | None = None, max_clients: int = 10_000, clock=None):
        self.per_minute = per_minute
        self.burst = burst if burst is not None else max(1, math.ceil(per_minute / 6))
        self._rate = per_minute / 60.0
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._max_clients = max_clients
        self._clock = clock or time.monotonic
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def take(self, key: str) -> float:
        """Spend one token for ``key``: 0.0 if allowed, otherwise seconds until one is available."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.pop(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self._rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self._buckets[key] = (tokens, now)
                wait = (1.0 - tokens) / self._rate
            while len(self._buckets) > self._max_clients:
                self._buckets.popitem(last=False)
        return wait

    def blocked(self, key: str) -> float:
        """Seconds ``key`` must still wait (0.0 if it has a token), without spending one."""
        if not self.enabled:
            return 0.0
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self._rate)
            return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self._rate
