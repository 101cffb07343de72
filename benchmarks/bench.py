"""Speed and memory of the whole pipeline, side by side with underthesea's ner(), in one run.

    python benchmarks/bench.py [--data ../shared/realnews/bulk.jsonl] [--sample 300] [--workers 2]

1. underthesea ``ner()`` (on whole documents, and per sentence after its ``sent_tokenize``) and
   our pipeline (1 process) on the same first ``--sample`` documents: characters per second and
   the ratio to underthesea's faster way;
2. our pipeline on the whole file with 1 and ``--workers`` processes: chars/s, speed-up, peak
   memory of the largest process, and whether every document came back.
Each measurement runs in its own subprocess so that peak memory (ru_maxrss) is its own; the
model load is outside the timed part for both tools. Skips cleanly when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "realnews" / "bulk.jsonl"

OURS = """
import json, sys, time
from pathlib import Path
from vn_postal_nlp.runner import extract_corpus
from vn_postal_nlp.pipeline import load
load()
summary = extract_corpus([sys.argv[1]], output=Path(sys.argv[2]), workers=int(sys.argv[3]))
import resource
peak = max(resource.getrusage(r).ru_maxrss for r in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(json.dumps({"documents": summary.documents, "errors": summary.errors,
                  "chars": summary.characters, "seconds": summary.seconds, "peak_kb": peak}))
"""

UNDERTHESEA = """
import json, sys, time
from underthesea import ner, sent_tokenize
ner("Khởi động mô hình.")
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
started = time.perf_counter()
for doc in docs:
    if sys.argv[2] == "sentences":  # its own sentence splitter, then ner() per sentence
        for sentence in sent_tokenize(doc["text"]):
            ner(sentence)
    else:
        ner(doc["text"])
seconds = time.perf_counter() - started
import resource
print(json.dumps({"documents": len(docs), "errors": 0, "chars": sum(len(d["text"]) for d in docs),
                  "seconds": seconds, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def measure(code: str, *args: str) -> dict:
    """Run ``code`` in a fresh interpreter; it reports its result and the peak RSS of its
    largest process (itself or a worker)."""
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 3):
        sys.exit(f"benchmark step failed:\n{proc.stderr[-2000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["peak_mb"] = result["peak_kb"] / 1024  # ru_maxrss is KiB on Linux
    result["chars_per_s"] = result["chars"] / result["seconds"] if result["seconds"] else 0.0
    return result


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=300, help="documents for the side-by-side with underthesea")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"skipped: {args.data} is not here (give --data FILE.jsonl)")
        return
    lines = [line for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        sample.write_text("\n".join(lines[: args.sample]) + "\n", encoding="utf-8")
        out = Path(tmp) / "out.jsonl"
        rows = {
            "underthesea ner() per document, sample": measure(UNDERTHESEA, str(sample), "documents"),
            "underthesea ner() per sentence, sample": measure(UNDERTHESEA, str(sample), "sentences"),
            "vn_postal_nlp 1 process, sample": measure(OURS, str(sample), str(out), "1"),
            "vn_postal_nlp 1 process, all": measure(OURS, str(args.data), str(out), "1"),
        }
        rows[f"vn_postal_nlp {args.workers} processes, all"] = measure(OURS, str(args.data), str(out), str(args.workers))
        returned = sum(1 for _ in out.open(encoding="utf-8"))
    print(f"machine: {machine()}")
    print(f"data: {args.data} ({len(lines)} documents); sample: first {min(args.sample, len(lines))}")
    print("| run | documents | errors | chars/s | peak MB (largest process) |")
    print("|---|---:|---:|---:|---:|")
    for name, r in rows.items():
        print(f"| {name} | {r['documents']} | {r['errors']} | {r['chars_per_s']:,.0f} | {r['peak_mb']:,.0f} |")
    base = max(rows["underthesea ner() per document, sample"]["chars_per_s"],
               rows["underthesea ner() per sentence, sample"]["chars_per_s"])  # its faster way
    ours = rows["vn_postal_nlp 1 process, sample"]["chars_per_s"]
    one = rows["vn_postal_nlp 1 process, all"]["chars_per_s"]
    many = rows[f"vn_postal_nlp {args.workers} processes, all"]["chars_per_s"]
    print(textwrap.dedent(f"""
        ratio to underthesea ner() (its faster way) on the same documents, 1 process: {ours / base:.1f}x
        speed-up from 1 to {args.workers} processes: {many / one:.2f}x
        every document accounted for: {returned == len(lines)} ({returned} records for {len(lines)} inputs)"""))


if __name__ == "__main__":
    main()
