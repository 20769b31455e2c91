# The gpu-assistant image used by compose.yaml: the package with the Redis extra (and chromadb's `chroma`
# command, which the Chroma service runs from this same image so client and server versions match).
# torch is pinned to a CPU wheel: if pip cannot find torch==2.13.0, pass your CPU wheel index with
# --build-arg PIP_EXTRA_INDEX_URL=...
FROM python:3.11-slim
ARG PIP_EXTRA_INDEX_URL=""
WORKDIR /app
COPY . /app
RUN pip install --no-cache-dir ".[redis]"
ENV HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
CMD ["gpu-assistant", "doctor"]
