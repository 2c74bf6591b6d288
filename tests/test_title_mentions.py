"""Title-only second mentions ("the minister", "the Secretary") resolved to the one person with that post."""

from __future__ import annotations

from graph.ingest.extract import extract_text
from graph.ingest.resolution.entities import Entity

ARRIVAL = "Defence Minister Rajnath Singh arrived in Washington on 2 March 2026. "
TALKS = "{who} held talks with US Secretary of War Pete Hegseth at the Pentagon on 3 March 2026."


def participants(text: str) -> set[str]:
    return {f.obj.label for f in extract_text(text).facts
            if f.predicate == "participant" and isinstance(f.obj, Entity)}


def test_the_minister_is_the_one_minister_named_before() -> None:
    assert participants(ARRIVAL + TALKS.format(who="The minister")) == {"Rajnath Singh", "Pete Hegseth"}


def test_the_post_alone_without_a_holder_named_before_is_no_one() -> None:
    # Hegseth's post is "Secretary", not "minister": no one to take part with him.
    assert participants(TALKS.format(who="The minister")) == set()


def test_two_ministers_named_before_leave_the_minister_unresolved() -> None:
    text = (ARRIVAL + "Foreign Minister S. Jaishankar joined him on 2 March 2026. "
            + TALKS.format(who="The minister"))
    assert participants(text) == set()
    assert participants(text.replace("The minister", "Singh")) == {"Rajnath Singh", "Pete Hegseth"}


def test_a_post_with_its_own_complement_or_a_plural_is_not_a_second_mention() -> None:
    of_post = ARRIVAL + TALKS.format(who="The Minister of State for Defence")
    plural = ARRIVAL + TALKS.format(who="The ministers")
    assert "Rajnath Singh" not in participants(of_post)
    assert "Rajnath Singh" not in participants(plural)
