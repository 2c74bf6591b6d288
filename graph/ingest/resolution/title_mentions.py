"""Title-only second mentions: "the minister" or "the Secretary" as the person named before with that post.

News names a person once with their post ("Defence Minister Rajnath Singh") and then often by the
post alone ("The minister later met ..."). Such a phrase becomes a mention of that person when
exactly one person named earlier in the article holds a post with that head word; with two
candidates ("the minister" after two ministers) it is left alone, since a wrong participant is
worse than a missing one. "The Secretary of the Department of Telecommunications" names a post of
its own (the head is followed by "of"), and "the ministers" is plural: neither is a mention.

Examples
--------
>>> from graph.ingest.extract import extract_text
>>> found = extract_text("Defence Minister Rajnath Singh arrived in Washington on 2 March 2026. The "
...     "minister held talks with US Secretary of War Pete Hegseth at the Pentagon on 3 March 2026.")
>>> sorted(f.obj.label for f in found.facts if f.predicate == "participant")
['Pete Hegseth', 'Rajnath Singh']
"""

from __future__ import annotations

from spacy.tokens import Doc

from graph.ingest.language.tokens import words_of
from graph.ingest.resolution.entities import Mention

# Head words of posts that news uses alone for a person named earlier.
POST_HEADS = frozenset({
    "minister", "secretary", "ambassador", "adviser", "advisor", "admiral", "general", "chief",
    "commander", "envoy", "undersecretary", "chairman", "president", "premier",
})


def title_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with a mention added for each title-only phrase that names one earlier person."""
    words = words_of(doc)  # the document's words as plain lists: no Token object per word
    taken = {i for m in mentions for i in range(m.start, m.end)}
    # each person mention with the words of its posts, read once
    people = [(m.end, m.entity, _post_words(m.entity.titles))
              for m in mentions if m.entity.cls == "Person" and not m.role]
    added = []
    for i in range(len(words.lower) - 1):
        head = words.lower[i + 1]
        if words.lower[i] != "the" or head not in POST_HEADS or i in taken or i + 1 in taken:
            continue
        after = i + 2
        if after < len(words.lower) and (words.lower[after] == "of" or words.text[after].istitle()):
            continue  # a post of its own ("the Secretary of ..."), or the start of a name
        holders = {entity.iri: entity for end, entity, posts in people if end <= i and head in posts}
        if len(holders) == 1:
            # Not an alias either: "the minister" is not a name of the person.
            added.append(Mention(i, i + 2, next(iter(holders.values()))))
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


def _post_words(titles: set[str]) -> set[str]:
    return {word.lower() for title in titles for word in title.split()}
