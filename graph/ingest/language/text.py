"""The spaCy pipeline (a blank English one: nothing is downloaded) and text helpers.

Examples
--------
>>> slugify("Office of the Under Secretary of War for Research & Engineering")
'office-of-the-under-secretary-of-war-for-research-and-engineering'
>>> normalise_label("The U.S. Department of Defense")
'u s department of defence'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def nlp() -> Language:
    """A blank English pipeline with a rule-based sentencizer, built once per process."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def slugify(text: str) -> str:
    """A lower-case, hyphenated ASCII slug for an IRI."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.lower().replace("&", " and ").replace("+", "plus")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:80] or "unnamed"


@lru_cache(maxsize=65536)
def normalise_label(text: str) -> str:
    """A label normalised as the gold standard compares labels (case, punctuation, US spellings)."""
    lowered = text.lower().replace("&", " and ")
    lowered = re.sub(r"\bdefense\b", "defence", lowered)
    lowered = re.sub(r"\borganization\b", "organisation", lowered)
    lowered = re.sub(r"\bprogram\b", "programme", lowered)
    lowered = re.sub(r"[^\w\s]", " ", lowered)
    lowered = re.sub(r"^\s*the\s+", "", lowered)
    return re.sub(r"\s+", " ", lowered).strip()
