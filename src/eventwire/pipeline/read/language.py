"""Language identification good enough to keep non-English text out of an English coder.

Non-Latin scripts are recognised by their Unicode blocks; Latin-script languages by
the share of their function words (``data/language/stopwords.yaml``). Returns an
ISO 639-1 code, or ``"und"`` when the text is too short to tell.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.datafiles import data_path, read_data_file
from eventwire.errors import DataFileError

_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ar", "\u0600-\u06ff\u0750-\u077f"),
    ("ru", "\u0400-\u04ff"),
    ("zh", "\u4e00-\u9fff"),
    ("ja", "\u3040-\u30ff"),
    ("ko", "\uac00-\ud7af"),
    ("he", "\u0590-\u05ff"),
    ("el", "\u0370-\u03ff"),
    ("hi", "\u0900-\u097f"),
    ("th", "\u0e00-\u0e7f"),
    ("fa", "\u06a9\u06af\u06cc\u067e\u0686\u0698"),
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SAMPLE_CHARS = 20_000


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    path = data_path("language", "stopwords.yaml")
    langs = read_data_file(path, {"languages": dict})["languages"]
    if "en" not in langs:
        raise DataFileError(f"{path}: expected a 'languages' mapping with 'en'", "EW-DAT-010")
    return {lang: frozenset(str(w).lower() for w in words) for lang, words in langs.items()}


def detect_language(text: str, min_words: int = 8) -> str:
    """Return the language code of a text ("en", "fr", "ar", …) or "und".

    >>> detect_language("The police said two people were killed in the attack on Monday.")
    'en'
    """
    sample = text[:SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return "und"
    if not sample.isascii():  # every block of _SCRIPTS lies outside ASCII
        for lang, block in _SCRIPTS[:-1]:
            share = len(re.findall(f"[{block}]", sample)) / letters
            if share > 0.3:
                if lang == "ar" and re.search(f"[{_SCRIPTS[-1][1]}]", sample):
                    return "fa"
                return lang
    # Only lowercase words count: capitalised ones are mostly names ("Al Arqoub", "De Beers").
    words = [w for w in _WORD.findall(sample) if w.islower()]
    if len(words) < min_words:
        return "und"
    scores = {
        lang: sum(1 for w in words if w in stop) / len(words) for lang, stop in _stopwords().items()
    }
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 0.05:
        return "und"
    # English wins ties and near-ties: loanwords and names make other scores noisy.
    if scores["en"] >= 0.6 * scores[best]:
        return "en"
    return best
