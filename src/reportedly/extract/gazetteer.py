"""The alias table of known sources (``data/aliases.tsv`` plus the user's files): names, types
and aliases, looked up by a normalised key; and the id a name gives an entity. Extraction resolves
mentions against it; linking merges entities across documents with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from anyascii import anyascii

from ..model import EntityType


def slug(name: str) -> str:
    """An id from a name, transliterated to ASCII first ("António Guterres" -> "antonio-guterres")."""
    return re.sub(r"[^a-z0-9]+", "-", anyascii(name.replace("’", "'")).lower()).strip("-") or "entity"


def normalise_key(text: str) -> str:
    """Lower-cased, apostrophes unified, leading determiners and trailing possessive removed."""
    t = text.replace("’", "'").replace("\u00a0", " ").strip(" ,.;:\"'“”")
    t = re.sub(r"\s+", " ", t)
    words = t.split(" ")
    while len(words) > 1 and words[0].lower() in {"the", "a", "an", "both", "also"}:
        words = words[1:]
    t = " ".join(words)
    t = re.sub(r"'s?$", "", t)
    return t.lower()


@dataclass(slots=True)
class Gazetteer:
    """Known sources by alias; a TSV of name, type, aliases separated by ``|``."""

    by_key: dict[str, tuple[str, EntityType]] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)

    def add(self, name: str, etype: EntityType, aliases: Iterable[str]) -> None:
        self.aliases.setdefault(name, [])
        for alias in [name, *aliases]:
            alias = alias.strip()
            if alias:
                self.by_key[normalise_key(alias)] = (name, etype)
                if alias != name:
                    self.aliases[name].append(alias)

    def lookup(self, text: str) -> tuple[str, EntityType] | None:
        return self.by_key.get(normalise_key(text))

    def load_file(self, path: Path | str, text: str | None = None) -> None:
        content = text if text is not None else Path(path).read_text(encoding="utf-8")
        for n, line in enumerate(content.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                raise ValueError(f"{path}:{n}: expected 'name<TAB>type<TAB>aliases', got {line!r}")
            try:
                etype = EntityType(parts[1].strip())
            except ValueError:
                raise ValueError(
                    f"{path}:{n}: unknown entity type {parts[1]!r}; use one of "
                    + ", ".join(t.value for t in EntityType)
                ) from None
            aliases = parts[2].split("|") if len(parts) > 2 else []
            self.add(parts[0].strip(), etype, aliases)


@lru_cache(maxsize=8)
def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The bundled alias table plus user files (``REPORTEDLY_ALIASES`` or explicit paths)."""
    gaz = Gazetteer()
    bundled = resources.files("reportedly") / "data" / "aliases.tsv"
    gaz.load_file("aliases.tsv", bundled.read_text(encoding="utf-8"))
    from ..settings import alias_files

    for path in [*alias_files(), *extra]:
        gaz.load_file(path)
    return gaz
