"""Resolution: which entity a name in the text is, so that one real thing is one node.

The gazetteer of known actors (:mod:`.gazetteer`), the entities of an article and the mentions that
name them (:mod:`.entities`), capitalised name runs (:mod:`.names`), known phrases (:mod:`.known_phrases`),
agreements named by a descriptive tail (:mod:`.described_agreements`), people named with their posts
(:mod:`.people`), title-only second mentions (:mod:`.title_mentions`), and all of them joined into an
article's mentions (:mod:`.mentions`).

May import: :mod:`graph.errors`, :mod:`graph.model` and :mod:`graph.ingest.language`. Never the rules.
"""

from __future__ import annotations

from graph.ingest.resolution.entities import Entity, EntityTable, Mention
from graph.ingest.resolution.gazetteer import Gazetteer
from graph.ingest.resolution.mentions import find_mentions

__all__ = ["Entity", "EntityTable", "Gazetteer", "Mention", "find_mentions"]
