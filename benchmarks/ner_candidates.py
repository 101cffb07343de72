"""Compare entity-model candidates on the dev split (never test): F1 per label and speed.

Candidates, all on the project tokenizer and trained on corpus/compiled/train.jsonl:
  crf          syllable CRF (python-crfsuite), window/shape/affix/glue features, the team's
               lexicons, and dictionary/place lexicons from underthesea's data (the shipped model)
  crf-nolex    the same CRF without the underthesea dictionary/place lexicons
  crf+words    the shipped CRF plus underthesea word-segmentation (B/I) features
  spacy-ner    spaCy's transition-based NER on its default tok2vec (CPU), N epochs

Usage: python benchmarks/ner_candidates.py [--epochs 15] [--only crf,crf-nolex,crf+words,spacy-ner]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import spacy
from spacy.training import Example

from vn_postal_nlp.corpus.compile import read_split
from vn_postal_nlp.evaluate import LABELS, entity_scores
from vn_postal_nlp.io.writers import doc_record
from vn_postal_nlp.pipeline import blank
from vn_postal_nlp.training_data import gold_doc

ROOT = Path(__file__).resolve().parent.parent


def score(name: str, tag, dev: list[dict], seconds_train: float) -> dict:  # noqa: ANN001
    started = time.perf_counter()
    pred = [{"entities": [e for e in doc_record(r["id"], tag(r["text"]))["entities"]]} for r in dev]
    seconds = time.perf_counter() - started
    scores = entity_scores(dev, pred)
    chars = sum(len(r["text"]) for r in dev)
    return {"name": name, "scores": scores, "chars_per_s": chars / seconds, "train_s": seconds_train}


def crf(train: list[dict], use_words: bool, use_lexicons: bool = True):  # noqa: ANN201
    nlp = blank(ner_config={"use_words": use_words, "use_lexicons": use_lexicons})
    ner = nlp.get_pipe("vn_postal_ner")
    started = time.perf_counter()
    ner.update_from(Example(nlp.make_doc(r["text"]), gold_doc(nlp, r)) for r in train)
    elapsed = time.perf_counter() - started
    make = nlp.make_doc

    def tag(text: str):  # noqa: ANN202
        doc = ner(make(text))
        doc._.events = []
        return doc

    return tag, elapsed


def spacy_ner(train: list[dict], epochs: int):  # noqa: ANN201
    nlp = spacy.blank("vi_postal")
    nlp.add_pipe("ner")
    examples = [Example(nlp.make_doc(r["text"]), gold_doc(nlp, r)) for r in train]
    started = time.perf_counter()
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(0)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in spacy.util.minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        print(f"  spacy-ner epoch {epoch + 1}: loss {losses.get('ner', 0):.1f}", flush=True)
    elapsed = time.perf_counter() - started

    def tag(text: str):  # noqa: ANN202
        doc = nlp(text)
        doc._.events = []
        return doc

    return tag, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--only", default="crf,crf-nolex,crf+words,spacy-ner")
    args = parser.parse_args()
    train, dev = read_split(args.corpus, "train"), read_split(args.corpus, "dev")
    blank()  # registers the project's language, factories and extensions
    rows = []
    for name in args.only.split(","):
        print(f"training {name} on {len(train)} documents", flush=True)
        if name == "crf":
            tag, secs = crf(train, use_words=False)
        elif name == "crf-nolex":
            tag, secs = crf(train, use_words=False, use_lexicons=False)
        elif name == "crf+words":
            tag, secs = crf(train, use_words=True)
        else:
            tag, secs = spacy_ner(train, args.epochs)
        rows.append(score(name, tag, dev, secs))
    header = "| candidate | " + " | ".join(LABELS) + " | core F1 | all F1 | chars/s | train s |"
    print(header)
    print("|---" * (len(LABELS) + 5) + "|")
    for row in rows:
        s = row["scores"]
        cells = [f"{s[lab]['f1']:.3f}" for lab in LABELS]
        print(f"| {row['name']} | " + " | ".join(cells)
              + f" | {s['core']['f1']:.3f} | {s['all']['f1']:.3f} | {row['chars_per_s']:,.0f} | {row['train_s']:.0f} |")


if __name__ == "__main__":
    main()
