"""Test helper: a local STAND-IN for the live SkyPilot catalog (raw.githubusercontent.com).

Not the real catalog: no network is reachable where gpu-assistant is tested, so this small HTTP server
serves fixture ``vms.csv`` texts at ``/<cloud>/vms.csv`` (404 for anything else) and lets the real
``urllib`` download, normalisation and file handling of ``gpu-assistant prices update`` run end to end.

    with PriceCatalogStandIn({"lambda": LAMBDA_CSV, "vast": MALFORMED_CSV}) as server:
        settings = load_settings(price_catalog_url=server.base_url, price_clouds=("lambda", "vast"))
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["LAMBDA_CSV", "MALFORMED_CSV", "PriceCatalogStandIn"]

_GPUINFO_H100 = "\"{'Gpus': [{'Name': 'H100', 'Manufacturer': 'NVIDIA', 'Count': 8.0, 'MemoryInfo': {'SizeInMiB': 81920}}], 'TotalGpuMemoryInMiB': 81920}\""
_GPUINFO_A10 = "\"{'Gpus': [{'Name': 'A10', 'Manufacturer': 'NVIDIA', 'Count': 1.0, 'MemoryInfo': {'SizeInMiB': 24576}}], 'TotalGpuMemoryInMiB': 24576}\""

#: A small, valid file in SkyPilot's format with made-up prices (so a test can tell them from the snapshot's).
LAMBDA_CSV = (
    "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,Region,GpuInfo,SpotPrice\n"
    f"gpu_8x_h100_sxm5,H100,8.0,208.0,1800.0,17.76,us-east-1,{_GPUINFO_H100},\n"
    f"gpu_8x_h100_sxm5,H100,8.0,208.0,1800.0,17.76,europe-central-1,{_GPUINFO_H100},\n"
    f"gpu_1x_a10,A10,1.0,30.0,200.0,0.71,us-west-1,{_GPUINFO_A10},\n"
    "cpu_4x,,,4.0,16.0,0.1,us-east-1,,\n"
)

#: A file with the price column missing: the update must reject it and keep the data it has.
MALFORMED_CSV = "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Region\nx,H100,8,1,1,us\n"


class PriceCatalogStandIn:
    """Serves ``files`` ({cloud: vms.csv text}) on 127.0.0.1 at ``/<cloud>/vms.csv``."""

    def __init__(self, files: dict[str, str]):
        self.files = dict(files)
        self.requests: list[str] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                stand_in.requests.append(self.path)
                parts = self.path.strip("/").split("/")
                body = stand_in.files.get(parts[0]) if len(parts) == 2 and parts[1] == "vms.csv" else None
                if body is None:
                    self.send_error(404)
                    return
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/csv; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> PriceCatalogStandIn:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
