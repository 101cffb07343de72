"""Corpus runs beyond one machine: the pipeline mapped over JSONL partitions with dask.

Each dask worker loads the model once (``load`` is cached per process) and every partition of
the input becomes one output part, ``OUTPUT/part-00000.jsonl`` and so on; parts in order hold
the records in input order. Needs the ``[dask]`` extra.

>>> extract_dask(["big.jsonl"], output=Path("out"), scheduler="tcp://10.0.0.5:8786")  # doctest: +SKIP
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from vn_postal_nlp.errors import InputError, VnPostalError
from vn_postal_nlp.io.readers import check_paths, read_jsonl_lines
from vn_postal_nlp.pipeline import default_model_path, load
from vn_postal_nlp.runner import Summary, render


def process_partition(lines: list[str], model: str, where: str) -> list[str]:
    """JSONL lines of one partition → output lines (results or error records), in order."""
    nlp = load(model)
    raw = [line.encode("utf-8") for line in lines]
    return [render(nlp, item, "jsonl")[0].rstrip("\n") for item in read_jsonl_lines(raw, where, "strict")]


def _client(scheduler: str | None, workers: int | None):  # noqa: ANN202 - dask types are optional
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise VnPostalError("the dask engine needs the extra: pip install 'vn_postal_nlp[dask]'") from exc
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster


def extract_dask(
    paths: list[str],
    *,
    output: Path | None,
    model: Path | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    blocksize: str = "4MiB",
) -> Summary:
    """Run the pipeline over JSONL ``paths`` on a dask cluster; write one part per partition."""
    if output is None:
        raise InputError("--engine dask needs -o OUTPUT_DIR (one part file per partition goes there)")
    check_paths(paths)
    if any(not str(p).endswith(".jsonl") for p in paths):
        raise InputError("--engine dask reads .jsonl files of {\"id\", \"text\"} objects")
    import dask.bag as db

    model_path = str(model or default_model_path())
    load(model_path)  # a missing model fails here, before the cluster starts
    output.mkdir(parents=True, exist_ok=True)
    for old in output.glob("part-*.jsonl"):
        old.unlink()
    started = time.perf_counter()
    client, cluster = _client(scheduler, workers)
    try:
        bag = db.read_text([str(p) for p in paths], blocksize=blocksize, linedelimiter="\n")
        bag = bag.map_partitions(lambda part: process_partition([x.rstrip("\n") for x in part],
                                                                model_path, "dask partition"))
        bag.to_textfiles(str(output / "part-*.jsonl"), name_function=lambda i: f"{i:05d}")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return _summary(output, started)


def _summary(output: Path, started: float) -> Summary:
    summary = Summary()
    for part in sorted(output.glob("part-*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            summary.documents += 1
            if "error" in record:
                summary.errors += 1
                kind = record["error"]["type"]
                summary.error_types[kind] = summary.error_types.get(kind, 0) + 1
    summary.seconds = time.perf_counter() - started
    return summary
