"""A scikit-learn logistic regression over feature dicts, saved as JSON + ``.npy`` (no pickle).

>>> model = LinearModel.fit([{"w=đạt": 1}, {"w=trao": 1}], ["RESULT", "AWARD"])
>>> model.predict([{"w=trao": 1}])
['AWARD']
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

Features = dict[str, float]


class LinearModel:
    """Multinomial logistic regression; prediction is a sparse dot product in numpy."""

    def __init__(self, vocabulary: dict[str, int], classes: list[str], coef: np.ndarray,
                 intercept: np.ndarray) -> None:
        self.vocabulary = vocabulary
        self.classes = classes
        self.coef = coef  # (n_features, n_classes)
        self.intercept = intercept

    @classmethod
    def fit(cls, X: Sequence[Features], y: Sequence[str], *, C: float = 1.0,
            class_weight: str | None = None, seed: int = 0) -> LinearModel:
        vec = DictVectorizer()
        matrix = vec.fit_transform(X)
        classes = sorted(set(y))
        if len(classes) == 1:  # degenerate data: always the one class
            coef = np.zeros((matrix.shape[1], 1))
            return cls(dict(vec.vocabulary_), classes, coef, np.zeros(1))
        clf = LogisticRegression(C=C, max_iter=2000, class_weight=class_weight, random_state=seed)
        clf.fit(matrix, y)
        coef, intercept = clf.coef_.T, clf.intercept_
        if len(clf.classes_) == 2:  # binary: sklearn keeps one column; make it two
            coef = np.hstack([-coef / 2, coef / 2])
            intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
        return cls(dict(vec.vocabulary_), [str(c) for c in clf.classes_], coef.astype(np.float32),
                   intercept.astype(np.float32))

    def scores(self, X: Sequence[Features]) -> np.ndarray:
        out = np.tile(self.intercept, (len(X), 1)).astype(np.float64)
        for row, feats in enumerate(X):
            cols = [(self.vocabulary[k], v) for k, v in feats.items() if k in self.vocabulary]
            if cols:
                idx, vals = zip(*cols, strict=True)
                out[row] += np.asarray(vals) @ self.coef[list(idx)]
        return out

    def predict_proba(self, X: Sequence[Features]) -> np.ndarray:
        scores = self.scores(X)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, X: Sequence[Features]) -> list[str]:
        if not X:
            return []
        return [self.classes[i] for i in self.scores(X).argmax(axis=1)]

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        np.save(buf, self.coef, allow_pickle=False)
        np.save(buf, self.intercept, allow_pickle=False)
        meta = json.dumps({"vocabulary": self.vocabulary, "classes": self.classes}, ensure_ascii=False)
        return meta.encode() + b"\n" + buf.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> LinearModel:
        meta_raw, _, arrays = data.partition(b"\n")
        meta = json.loads(meta_raw)
        buf = io.BytesIO(arrays)
        coef = np.load(buf, allow_pickle=False)
        intercept = np.load(buf, allow_pickle=False)
        return cls(meta["vocabulary"], meta["classes"], coef, intercept)
