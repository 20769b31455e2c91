"""Serve the gpu-assistant web app: `python ui.py` (same as `gpu-assistant ui`)."""

__all__: list[str] = []

if __name__ == "__main__":
    from assistant import Assistant
    from assistant.frontends.web import serve

    serve(Assistant())
