"""The gpu-assistant web app: `python ui.py` (same as `gpu-assistant ui`)."""

from assistant import Assistant
from assistant.web import serve

if __name__ == "__main__":
    serve(Assistant())
