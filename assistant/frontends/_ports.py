"""One clear line when a server's port is taken, before any server starts."""

from __future__ import annotations

import socket

__all__ = ["PortInUse", "ensure_port_free"]


class PortInUse(OSError):
    """The address a front end would listen on is taken (or cannot be bound)."""


def ensure_port_free(host: str, port: int, *, option: str = "--port") -> None:
    """Raise PortInUse with what to do if ``host:port`` cannot be bound right now."""
    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            sock.bind((host, port))
        except OSError as exc:
            reason = (
                "is already in use" if exc.errno in (98, 48, 10048) else f"cannot be used ({exc.strerror})"
            )
            raise PortInUse(
                f"port {port} on {host} {reason}; stop the other server or choose another with {option} PORT"
            ) from None
