"""Where a kill verb's victims end, and kill verbs chained over one object.

``RIGHT_BOUNDARY``: the end of the victims phrase after an active kill verb ("killing two
officers | and leaving three missing", "the death of 3 contractors | and 5 others hurt":
a conjunct with a participle of another category is no victim of the kill).

``CHAINED``: "militiamen killed and beheaded a trader".

The first verb of "killed and beheaded one farmer", "lynched and burned to death a thief",
"shot and killed two herders" has no object of its own: it shares the object of the verb
after "and", so it is an active verb (its victims are on the right), never a passive whose
victims stand before it ("Boko Haram killed" is no count of dead Boko Haram fighters).
"""

from __future__ import annotations

import re

# "and" + a participle + the shared object's opening word (a determiner, a number, or a
# number word), "to death" allowed between ("lynched and burned to death a suspected thief")
CHAINED = re.compile(
    r"^\s*and\s+\w+(?:ed|ing|nt|en)\s+(?:to\s+death\s+)?"
    r"(?:the|a|an|his|her|their|its|[0-9]|more\s+than"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
    re.I,
)
RIGHT_BOUNDARY = re.compile(
    r"[,;:.]|\s(?:-|–)\s|\b(?:in|at(?!\s+(?:least|most)\b)|on|during|when|after|while|near"
    r"|who|which|that|including"
    r"|before|with|from|by|inside|outside|across|for|since|amid|because|following|whom|whose"
    r"|over|as\s+(?!well\s+as))\b|\band\s+(?:left|set|took|seized|destroyed|burn\w*|loot\w*"
    r"|stole|fled|dumped|\w+ed\s+(?:the|a|an|their|his|her|[0-9]))\b"
    # "killed 8 soldiers and 7 others were injured": a new clause with its own verb
    r"|\band\s+(?:[\w'’-]+\s+){1,4}(?:was|were|are|is|had|have|has)\b"
    # "Militiamen kill 1 and injure 2": a second verb of another category
    r"|\band\s+(?:injur|wound|abduct|kidnap|arrest|detain)\w*\b"
    # "killing two officers and leaving three missing", "the death of 3 contractors and 5
    # others hurt": a conjunct told with another category's participle
    r"|\band\s+leav(?:e|es|ing)\b"
    # "killing 2 women and destroying 3 wells", "killing 12 and slowly releasing the
    # other 8": a conjunct that opens with another verb's gerund names no victim
    r"|\band\s+(?:\w+ly\s+)?(?!(?:kill|shoot|murder|execut|behead|stabb|hack)ing\b)\w{3,}ing\b"
    r"|\band\s+(?:[\w'’-]+\s+){1,4}?(?:wounded|injured|hurt|missing|abducted|kidnapped"
    r"|arrested|captured)\b",
    re.I,
)
