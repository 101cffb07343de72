"""Train the whole pipeline (entity CRF + event models) from the compiled corpus.

>>> train(Path("corpus"), output=Path("models/vi_postal"))  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import platform
import random
import time
from importlib import metadata
from pathlib import Path

from spacy.language import Language
from spacy.training import Example

from vn_postal_nlp.corpus.compile import read_split
from vn_postal_nlp.pipeline import MODEL_NAME, blank
from vn_postal_nlp.training_data import gold_doc


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for dist in ("vn_postal_nlp", "spacy", "python-crfsuite", "scikit-learn", "numpy", "underthesea"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def train(
    corpus_dir: Path,
    *,
    output: Path | None = None,
    splits: tuple[str, ...] = ("train",),
    records: list[dict] | None = None,
    seed: int = 0,
    ner_config: dict | None = None,
    events_config: dict | None = None,
) -> Language:
    """Fit on ``splits`` of the compiled corpus (never ``test``) or on given ``records``."""
    if "test" in splits:
        raise ValueError("the test split is never used for training")
    random.seed(seed)
    started = time.perf_counter()
    if records is None:
        records = [r for split in splits for r in read_split(corpus_dir, split)]
    nlp = blank(ner_config=ner_config, events_config=events_config)
    gold = [gold_doc(nlp, r) for r in records]
    nlp.get_pipe("vn_postal_ner").update_from(Example(nlp.make_doc(d.text), d) for d in gold)
    nlp.get_pipe("vn_postal_events").fit(gold)
    digest = hashlib.sha1("".join(r["id"] + r["text"] for r in records).encode()).hexdigest()[:12]
    nlp.meta.update({
        "name": MODEL_NAME,
        "version": "1.0.0",
        "description": "vn_postal_nlp: Vietnamese news entities (PER ORG MONEY PERCENT LOC DATE) and events",
        "vn_postal_nlp": {
            "corpus_documents": len(records), "corpus_digest": digest, "splits": list(splits),
            "seed": seed, "train_seconds": round(time.perf_counter() - started, 1), "versions": _versions(),
        },
    })
    if output is not None:
        nlp.to_disk(output)
    return nlp
