"""Questions that ask for someone in a role, and the sentences that name someone as it: "who is the
sheriff?" is answered by "Sheriff Glenn Harwood said…", not by a sentence that mentions the sheriff
beside another name. Plain functions over text, as answer_type's are."""

from __future__ import annotations

import re

from bot.chat.answer_type import PERSON, spans
from bot.chat.words import GENERIC_WORDS, normalise, tokens

_HEAD = re.compile(
    r"^ (?:and |so |but )?(?:who|what|which)(?:'s| is| are| was| were| will be)? (?:the |a |an |their |its )?"
    r"([a-z][a-z-]+)\b"
)


def head_noun(question: str) -> str | None:
    """The noun a "who is the …" / "what is the …" / "which …" question asks about, stemmed:
    "who is the lawyer for the plaintiffs?" asks about a lawyer (the article's "attorney")."""
    low = " " + re.sub(r"\s+", " ", normalise(question).replace("?", " ")).strip() + " "
    match = _HEAD.search(low)
    if match is None:
        return None
    found = tokens(match.group(1))
    return found[0] if found else None


# "Who is the sheriff?", "what's the mill manager's name?", "what is the name of the guard on duty?":
# a role, after a determiner (not "who is Dana Whitcomb?"), that the answer must name someone as.
_ROLE_ASKED = (
    re.compile(
        r"^ (?:and |so |but |ok |okay |wait |um )?"
        r"(?:who(?:'s|s| is| was)|what(?:'s|s| is| was| are| were) the names? of) "
        r"(?:the|their|its|his|her|[a-z]+'s) ((?:[a-z-]+ ){0,4}?[a-z-]+?)"
        r"(?= (?:of|for|at|in|on|who|that|from|with|now|right)\b| $)"
    ),
    re.compile(
        r"^ (?:and |so |but |ok |okay |wait |um )?what(?:'s|s| is| was| were) (?:the|their|its|his|her) "
        r"((?:[a-z-]+ ){0,4}?[a-z-]+)'s names? "
    ),
)


def role_asked(question: str) -> str | None:
    """The role a question asks to have named, as its last word stemmed ("mill manager": manager), or
    None when it asks no such thing."""
    low = " " + re.sub(r"\s+", " ", normalise(question).replace("?", " ")).strip() + " "
    for pattern in _ROLE_ASKED:
        if match := pattern.search(low):
            words = match.group(1).split()
            # "the officers put on leave", "the woman arrested with him", "the tracking dog lol": the
            # noun, not the verb or the filler after it
            while len(words) > 1 and (words[-1] in _AFTER_ROLE or words[-1].endswith("ed")):
                words.pop()
            found = tokens(words[-1])
            return found[0] if found else None
    return None


_AFTER_ROLE = frozenset(GENERIC_WORDS | {"lol", "lmao", "tho", "though", "pls", "please", "again", "now", "here"})


def names_the_role(sentence: str, head: str) -> bool:
    """Whether the sentence puts a name beside the role a "who is the …" question asks about:
    "museum director Lorraine Whitcomb", "Their attorney, Curtis Whitlock", "Tom Haskell, the
    chair". A sentence that only mentions a director somewhere names nobody as one."""
    sentence = _CHIEF_EXECUTIVE.sub("CEO", sentence)  # one token with "ceo", as in tokens()
    names = [(s.start, s.start + len(s.text)) for s in spans(sentence) if s.kind == PERSON]
    for word in re.finditer(r"[A-Za-z][\w’'-]*", sentence):
        if head not in tokens(word.group(0)):
            continue
        if _PRONOUN_IS.search(sentence[: word.start()]):
            return True  # "he's the most charismatic figure in Iraq": the sentence before names him
        for start, end in names:
            if start <= word.start() and word.end() < end and sentence[word.end() : end].strip()[:1].isupper():
                return True  # "Hartford Police Chief Marcus Bell": the title inside the name it comes before
            after = sentence[word.end() : start]
            before = sentence[end : word.start()]
            if (start >= word.end() and _BESIDE.fullmatch(after)) or (
                word.start() >= end and _BESIDE_AFTER_NAME.fullmatch(before)
            ):
                return True
    return False


# What stands between a role and its name: a space, a comma, "the", "is", a possessive.
# "Captain Mira Holloway, the union's president", "A spokeswoman for Kessling, Andrea Pyle".
# Or an apposition: "Dana Whitcomb, the group's executive director", "Their attorney, public defender
# Nathan Greer" (not "the mill manager, said Mayor Sheila Nyberg").
_NEAR = r"[\s,.]*(?:(?:the|is|was|a|an|and|of|for|as|their|its|his|her|[a-z]+[’']s|[A-Z][\w’'.-]*)[\s,]+){0,3}"
_OTHER_WORD = r"(?!(?:said|says|told|tells|according|wrote|added|who|which|that|whose)\b)[a-z][\w’'-]*\s+"
# role, then its name: "Their attorney, public defender Nathan Greer"
_BESIDE = re.compile(rf"{_NEAR}|\s*,\s+(?:{_OTHER_WORD}){{0,3}}", re.UNICODE)
# name, then its role: "Dana Whitcomb, the group's executive director" (not "Aldana, who apologized to patients")
_BESIDE_AFTER_NAME = re.compile(
    rf"{_NEAR}|\s*,\s+(?:the|a|an|their|its|his|her|[a-z]+[’']s)\s+(?:{_OTHER_WORD}){{0,3}}", re.UNICODE
)
_PRONOUN_IS = re.compile(r"\b(?:he|she)(?:['’]s| is| was) (?:the |a |an )?(?:[\w-]+ ){0,3}$", re.IGNORECASE)
_CHIEF_EXECUTIVE = re.compile(r"\bchief executive(?: officer)?\b", re.IGNORECASE)
