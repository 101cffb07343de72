"""Pure ``str`` helpers. Nothing here changes the input text: callers keep offsets of the
input and use these functions only on copies of token strings (for features and values)."""

from __future__ import annotations

import html
import unicodedata
from functools import lru_cache

# Characters that look like a space but are not ASCII ' ' (NBSP, thin spaces, BOM, ZWSP...).
ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\ufeff\u200b"
_TO_SPACE = str.maketrans({ch: " " for ch in ODD_SPACES})


@lru_cache(maxsize=200_000)
def norm_token(token: str) -> str:
    """NFC-compose, unescape HTML entities and map odd spaces: the form features and values see.

    >>> norm_token("Ha\u0300 Nô\u0323i")
    'Hà Nội'
    """
    if token.isascii() and "&" not in token:
        return token
    return unicodedata.normalize("NFC", html.unescape(token)).translate(_TO_SPACE)


def norm_text(text: str) -> str:
    """The same mapping for a whole span (values, lexicon look-ups); may change the length."""
    return unicodedata.normalize("NFC", html.unescape(text)).translate(_TO_SPACE)
