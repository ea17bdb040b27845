"""Which language a document is written in, so that the analyse path can pick its extractor.

py3langid ships its model inside the package (nothing is downloaded). Its guess
on short or mixed texts can swing between Russian and Ukrainian, which share an
alphabet, so letters only one of the two writes (і ї є ґ / ы э ъ ё) settle
Cyrillic texts before the classifier is asked; a text mostly in Hangul is Korean.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: languages with an extractor of their own besides English
SUPPORTED = ("en", "ko", "ru", "uk")

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid's LanguageIdentifier has no public type
    import py3langid

    return py3langid


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language (``en`` when there is nothing to read)."""
    sample = text[:5000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return "en"
    if len(_HANGUL.findall(sample)) > 0.3 * letters:
        return "ko"
    if len(_CYRILLIC.findall(sample)) > 0.5 * letters:
        uk, ru = len(_UK_ONLY.findall(sample)), len(_RU_ONLY.findall(sample))
        if uk != ru and (uk >= 3 or ru >= 3):
            return "uk" if uk > ru else "ru"
    lang, _prob = _identifier().classify(sample)
    return str(lang)
