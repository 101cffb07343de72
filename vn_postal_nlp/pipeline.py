"""Assemble the spaCy pipeline and find the shipped model.

>>> nlp = load()  # doctest: +SKIP
>>> [(e.text, e.label_, e._.value) for e in nlp("Lãi 12,5 tỷ đồng").ents]  # doctest: +SKIP
[('12,5 tỷ đồng', 'MONEY', {'amount': 12500000000, 'currency': 'VND'})]
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from vn_postal_nlp.errors import ModelNotFoundError
from vn_postal_nlp.extensions import register_extensions

MODEL_NAME = "vi_postal"
ENV_VAR = "VN_POSTAL_NLP_MODEL"
PIPELINE = ("vn_postal_ner", "vn_postal_events")


def _register_components() -> None:
    import vn_postal_nlp.events.component  # noqa: F401  (registers vn_postal_events)
    import vn_postal_nlp.language  # noqa: F401  (registers the language and its tokenizer)
    import vn_postal_nlp.ner.component  # noqa: F401  (registers vn_postal_ner)


def blank(*, ner_config: dict | None = None, events_config: dict | None = None) -> Language:
    """An untrained pipeline with the project's tokenizer and components."""
    _register_components()
    register_extensions()
    nlp = spacy.blank("vi_postal")
    nlp.add_pipe("vn_postal_ner", config=ner_config or {})
    nlp.add_pipe("vn_postal_events", config=events_config or {})
    return nlp


def default_model_path() -> Path:
    """``$VN_POSTAL_NLP_MODEL``, else the model shipped with the package or the checkout."""
    if env := os.environ.get(ENV_VAR):
        return Path(env)
    try:
        packaged = Path(str(resources.files("vn_postal_nlp._models") / MODEL_NAME))
        if packaged.is_dir():
            return packaged
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "models" / MODEL_NAME


def load(path: str | Path | None = None) -> Language:
    """Load a trained pipeline from ``path`` (default: the shipped model); cached per path.

    >>> nlp = load()  # doctest: +SKIP
    >>> nlp("Ông Nguyễn Văn An nhận Bằng khen.").ents  # doctest: +SKIP
    (Nguyễn Văn An,)
    """
    return _load(str(Path(path) if path is not None else default_model_path()))


@lru_cache(maxsize=4)
def _load(path: str) -> Language:
    model_dir = Path(path)
    if not (model_dir / "config.cfg").is_file():
        raise ModelNotFoundError(
            f"model not found: {model_dir} has no config.cfg (train one with "
            f"`vn-postal-nlp train`, or point {ENV_VAR} at a model directory)"
        )
    _register_components()
    register_extensions()
    return spacy.load(model_dir)
