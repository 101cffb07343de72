"""A linear-chain CRF over syllable tokens (python-crfsuite): fit, tag, save, load.

The model is stored as crfsuite's own binary file, which loading only reads as data.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite


class CrfTagger:
    """BIO tagger. ``CrfTagger.fit(X, Y)`` trains; ``tag(features)`` labels one sequence."""

    def __init__(self, model: bytes) -> None:
        self._bytes = model
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model)

    @classmethod
    def fit(
        cls,
        xseqs: Sequence[list[list[str]]],
        yseqs: Sequence[list[str]],
        *,
        c1: float = 0.05,
        c2: float = 0.01,
        max_iterations: int = 150,
        min_freq: int = 1,
    ) -> CrfTagger:
        """Train with L-BFGS (deterministic for the same data and settings)."""
        trainer = pycrfsuite.Trainer(verbose=False)
        for xseq, yseq in zip(xseqs, yseqs, strict=True):
            if xseq:
                trainer.append(xseq, yseq)
        trainer.set_params({
            "c1": c1, "c2": c2, "max_iterations": max_iterations,
            "feature.possible_transitions": True, "feature.minfreq": min_freq,
        })
        fd, name = tempfile.mkstemp(suffix=".crfsuite")
        os.close(fd)
        try:
            trainer.train(name)
            return cls(Path(name).read_bytes())
        finally:
            os.unlink(name)

    def tag(self, features: list[list[str]]) -> list[str]:
        return self._tagger.tag(features) if features else []

    @property
    def labels(self) -> list[str]:
        return list(self._tagger.labels())

    def to_bytes(self) -> bytes:
        return self._bytes

    @classmethod
    def from_bytes(cls, data: bytes) -> CrfTagger:
        return cls(data)

    def __reduce__(self) -> tuple[type, tuple[bytes]]:  # picklable for worker processes
        return (CrfTagger, (self._bytes,))
