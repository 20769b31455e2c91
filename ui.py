"""Serve the gpu-assistant web app: `python ui.py` (same as `gpu-assistant ui`)."""

__all__: list[str] = []

if __name__ == "__main__":
    import sys

    from assistant import Assistant
    from assistant.frontends.web import serve

    try:
        serve(Assistant())
    except OSError as exc:  # the port is taken: say so in one line
        sys.exit(f"error: {exc}")
