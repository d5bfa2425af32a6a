"""Words for retrieval: tokens, stems, stop words, sentences."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# A sentence ends after its stop and any closing quotes or bracket (which stay with it: a quoted
# sentence keeps its closing quote mark).
_SENTENCE = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"”’)])|(?<=[.!?…][\"”’)][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")

STOP_WORDS = frozenset(
    """
a about above after again against all am an and any are as at be because been before being below between both but
by can could did do does doing down during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself yourselves s t don let lets tell say says said think thinks
also bot article piece post thread please anything something thing things really actually much many
""".split()
)

# Light verbs and fillers: a question has them whatever it asks ("where did the van come from?",
# "how long will it last?"), so an article that has them somewhere says nothing about whether a
# sentence answers (the gate's "elsewhere" share leaves them out). Not stop words: they still rank.
GENERIC_WORDS = frozenset(
    """
come comes came coming go goes going gone went get gets getting got gotten make makes made making take takes took
taken taking give gives gave given put puts keep keeps kept last lasts lasted lasting happen happens happened
happening start starts started starting begin begins began begun end ends ended use uses used using need needs
needed want wants wanted know knows knew known seem seems seemed look looks looked see sees saw seen try tries tried
mean means meant like still even ever yet already back again way thing things lot lots kind sort bit anyone someone
anybody somebody everyone guy guys stuff right sure real deal
""".split()
)

# A few general equivalences, so a member's wording meets the writer's.
SYNONYMS = {
    "truce": "ceasefir",
    "deal": "agreement",
    "talk": "negoti",
    "chat": "negoti",
    "chitchat": "negoti",
    "death": "casualti",
    "dead": "casualti",
    "kill": "casualti",
    "killed": "casualti",
    "kia": "casualti",
    "helicopt": "gunship",
    "aq": "qaeda",
    "qaida": "qaeda",
    "us": "us",
    "american": "us",
    "america": "us",
    "percent": "%",
    "percentag": "%",
    "militia": "insurg",
    "lawyer": "attorney",
    "counsel": "attorney",
    "rebel": "insurg",
    "fighter": "insurg",
}


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    stemmed = _STEMMER.stemWord(word)
    return SYNONYMS.get(stemmed, SYNONYMS.get(word, stemmed))


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return text.replace("’", "'").replace("‘", "'").replace("%", " percent ")


# Roles an article names in full and members by their initials: one token for both.
_ROLE_INITIALS = re.compile(r"\bchief executive(?: officer)?\b")


def tokens(text: str) -> list[str]:
    """Stemmed content words; numbers kept (80%, September's dates matter)."""
    words = _WORD.findall(_ROLE_INITIALS.sub("ceo", normalise(text)))
    out = []
    for word in words:
        word = word.split("'", 1)[0]
        if word and word not in STOP_WORDS:
            out.append(stem(word))
    return out


# A stop after a title, an initial or a common abbreviation does not end the sentence ("Dr. Anil
# Mehta", "J. R. Smith", "St. Anselm's", "Gen. Petraeus"): the reply must not quote half of it.
_ABBREVIATED = re.compile(
    r"(?:^|[\s(“\"])(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Gen|Lt|Col|Capt|Sgt|Sen|Rep|Gov|Rev|Mt|Ft|No|vs|Inc|Co|Corp|"
    r"Ltd|Jan|Feb|Apr|Aug|Sept|Sep|Oct|Nov|Dec|[A-Z])\.$"
)


def sentences(text: str) -> list[str]:
    out: list[str] = []
    for piece in (s.strip() for s in _SENTENCE.split(text)):
        if not piece:
            continue
        if out and _ABBREVIATED.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


_OPENERS = frozenset({"however", "meanwhile", "still", "yet", "also", "but", "and", "so", "then"})
_ATTRIBUTION = re.compile(r"\b(he|she|they) (said|says|added|told|explained|noted)\b|^[\"“]", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")


def speaker_context(paragraph: str, previous: str | None) -> str:
    """A quote attributed to "he"/"she" is about the person the paragraph before named: give it their name."""
    if previous is None or not _ATTRIBUTION.search(paragraph):
        return ""
    # Capitalised words, less the sentence-opening ones ("The", "However").
    names = [n for n in _NAME.findall(previous) if " " in n or n.casefold() not in STOP_WORDS | _OPENERS]
    return " ".join(names)
