"""The project's exceptions. Every message names the file, line or document at fault."""

from __future__ import annotations


class VnPostalError(Exception):
    """Base class: the CLI turns any of these into a message and exit code 1."""


class ModelNotFoundError(VnPostalError, FileNotFoundError):
    """No trained pipeline at the given or default path."""


class CorpusFormatError(VnPostalError, ValueError):
    """A corpus source or compiled file breaks the source format or the GUIDELINES."""


class InputError(VnPostalError, ValueError):
    """An input document or path cannot be read as text."""
