"""A post an actor set up itself is no second party.

"soldiers set up an unofficial roadblock and took two sacks of sugar from traders", "a
clan militia erected a checkpoint near the village, extorting vehicles", "Al Shabaab set
up a taxation checkpoint": the dictionary codes the checkpoint by its owner's kind (a
force's post), so the actor's own post became actor2 (acled_more tune: 8 of 8 such rows
wrong; ACLED gives these non-violent activities no actor2 and a looting its victims).
``own_post`` is True when actor2's words name a post (``post_nouns``) right after a verb of
setting one up (``post_setup_verbs``); an attack on a checkpoint ("attacked an army
checkpoint") keeps it.
"""

from __future__ import annotations

import re

from eventwire.datafiles import words
from eventwire.pipeline.common.wordpattern import word_pattern
from eventwire.records import Event

_POST = word_pattern(words("actors", "post_nouns"), re.IGNORECASE)
_SET_UP = re.compile(
    word_pattern(words("actors", "post_setup_verbs")).pattern + r"\s+$", re.IGNORECASE
)
POST_REACH = 32  # characters of actor2's words where its head noun may stand


def own_post(text: str, event: Event) -> bool:
    """True when actor2 is a post that the sentence tells set up ("established an illegal
    checkpoint"), not attacked."""
    a2 = event.actor2
    if a2 is None or a2.start < 0:
        return False
    post = _POST.search(a2.text)
    if post is None or post.start() > POST_REACH:
        return False
    return _SET_UP.search(text[max(0, a2.start - 24) : a2.start]) is not None
