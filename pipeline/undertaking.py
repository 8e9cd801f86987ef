"""The verbs of undertaking: the one definition of the words with which a party binds
itself ("shall", "will", "undertakes", "буде", "зобов'язується", "se comprometen",
"s'engagent"), in every supported language.

Actor resolution reads the words before the first of them as the clause's subject
("Albania will support Ukraine" → ALB; "Італія співпрацюватиме з Україною" → ITA).
The strength cues (binding / firm / soft) and the cue lexicons rank these words; they
do not define them again.
"""

from __future__ import annotations

import re

ENGLISH = r"shall|will|must|undertakes?|commits?|agrees?|intends?|aims?|would|may"
# буде/будуть, the synthetic future (надаватиме, співпрацюватимуть), зобов'язується, має намір
UKRAINIAN = r"буд\w+|зобов\w*|\w+тим(?:е|уть|емо)\b|має намір|мають намір"
# treaty Spanish writes "shall" as the future tense ("eliminarán"), see annotations/NOTES.md
SPANISH = r"deber\w*|se\s+comprometen|\w+rán?\b"
FRENCH = r"s['’]engagent|\w+ront\b"

VERB_OF_UNDERTAKING = re.compile(rf"\b(?:{ENGLISH})\b|\b(?:{UKRAINIAN})|\b(?:{SPANISH})|\b(?:{FRENCH})", re.IGNORECASE)
