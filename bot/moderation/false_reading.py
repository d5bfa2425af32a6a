"""Whether a listed word's pattern matched the word, or text that only spells it: the check
`bot.moderation.engine` makes of each match, and of matches only (see `bot.moderation.patterns`,
whose patterns read too much on purpose).

A match is not the word when it is a number, a model or part number, hexadecimal bytes, a colour,
a contraction, part of a member's name mentioned, a surname with a doubled letter, plain letters
where "c|" would draw a d, an emoticon's arm or eyes, a longer word spelled out, a sum of money,
code, a word of another language, or two English words written apart. Each rule comes with the
texts that made it, in its comment and in the tests.
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from bot.moderation.patterns import MULTI_READINGS, READINGS, keyword_pattern
from bot.moderation.rules import KeywordMode

# Shapes a reading can take that are not the word: a number ("455"), a model number or code
# written in capitals ("Galaxy A55", "A55s", "AK47", "A-55", "the A55's": one to three capitals, a
# hyphen perhaps, then digits, perhaps a letter or two or a possessive), a contraction ("he'll" is
# not "hell", but "ret,,ar'd" is "retard").
# Its capitals are fewer than three, or fewer than its digits ("GTX1080"): "MIN63" spells most of a
# word in letters and leaves digits for its last two. After the digits, one or two capitals or a
# plural's "s" ("A55s", "A5s": a car, a paper size), never lower-case letters that finish a word
# ("B17ch", "P155y"). Digits then one or two capitals are one too ("Canon EOS 50D", "20TB").
_MODEL_NUMBER = re.compile(
    r"(?P<letters>[A-Z]{1,3})-?(?P<digits>[0-9]{2,}(?:[A-Z]{1,2}|s)?|[0-9]s)(?:'s)?"  # "C00cK" is not one
    r"|[0-9]{2,}[A-Z]{1,2}(?:'s)?"
)


def _is_model_number(written: str) -> bool:
    match = _MODEL_NUMBER.fullmatch(written)
    if match is None:
        return False
    letters, digits = match.group("letters"), match.group("digits")
    if letters is None:
        return True
    count = sum(char.isdigit() for char in digits)
    return len(letters) < 3 or len(letters) < count


# A spreadsheet's range of cells ("A5:S5") and a colour in hexadecimal after "#" ("#fa9", "#a55").
_CELL_RANGE = re.compile(r"[A-Za-z]{1,3}[0-9]{1,7}:[A-Za-z]{1,3}[0-9]{1,7}")
_HEX_COLOUR = re.compile(r"[0-9a-fA-F]{3}(?:[0-9a-fA-F]|[0-9a-fA-F]{3}|[0-9a-fA-F]{5})?")
# Digits, and what is written between them in numbers; perhaps after a number sign ("issue #311"
# is not "hell" with # for h: the sign says a number follows; "#3ll" and "#0e" hold letters).
_NUMBER = re.compile(r"#?[0-9.,:/ -]+")
# A part or model number of several parts: capitals and digits joined by hyphens, two parts of two
# characters or more and one of them a number ("T1T-400", "T1T-777-B", "400-T1T"). Alone ("T1T"),
# in lower case ("t1t-400") or spelled out with hyphens ("T-1-T") it is read as the word.
_PART_NUMBER = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)+")
# Bytes in hexadecimal, joined by colons or hyphens (a hardware address "f4:99:20:fc:ac:30", a
# UUID): three groups or more, of two hex digits or more, and digits in two of them. "f4:9" and
# "f:4:g" are still read.
_HEX_GROUPS = re.compile(r"[0-9a-fA-F]{2,}(?::[0-9a-fA-F]{2,}){2,}|[0-9a-fA-F]{2,}(?:-[0-9a-fA-F]{2,}){2,}")


def _is_code(token: str, written: str) -> bool:
    """Whether the run that holds a match with digits read as letters is a part number or
    hexadecimal bytes (see `_PART_NUMBER`, `_HEX_GROUPS`)."""
    if not any(char.isdigit() for char in written):
        return False
    if _CELL_RANGE.fullmatch(token):
        return True
    if _PART_NUMBER.fullmatch(token):
        parts = token.split("-")
        return sum(len(part) >= 2 for part in parts) >= 2 and any(len(part) >= 2 and part.isdigit() for part in parts)
    if _HEX_GROUPS.fullmatch(token):
        return sum(any(char.isdigit() for char in group) for group in re.split("[:-]", token)) >= 2
    return False


_CONTRACTION = re.compile(r"[a-zA-Z](?:'(?:ll|re|ve|d|s|m)|n't)(?![a-zA-Z])")
_CONTRACTED = re.compile(r"(?<=[a-zA-Z])(?:'(?:ll|re|ve|d|s|m)|n't)$")
_NOT_ALNUM = re.compile(r"[^a-zA-Z0-9]+")
_GAP = re.compile(r"[ \t\f]+")  # between two pieces of a match: how words are written apart
# What prose writes before a word and after it, next to the spaces: "(pen) is", "U.S. hit",
# "really?! is", "pen..." (one mark, or an ellipsis or a run of ?!, then closing quotes).
_PROSE_HEAD = re.compile(r"^[\"'(\[{]*")
_PROSE_TAIL = re.compile(r"(?:\.\.\.|[?!]+|[.,;:])?[\"')\]}]*$")
# A piece that is an operator standing between spaces, as code writes it ("a = s + s", "a && s"),
# unless the word reads it as a letter ("c u n +"). Not "-", "*", "/": words are spelled out
# with them ("f - u - c - k").
_OPERATOR = re.compile(r"[=+<>&%!|^]*[=+<>&%][=+<>&%!|^]*")
_OPENING, _CLOSING = "([{", ")]}"
# The start of "@name" or "u/name": Discord's names are letters, digits, underscores and dots (not
# an e-mail address: "me@shit.com" is no name).
_MENTIONED = re.compile(r"(?:(?<![a-zA-Z0-9])@|(?<![a-zA-Z0-9])u/)[a-zA-Z0-9_.]*$")
# Letters between commas after a bracket or a function's name: code's lists and arguments.
_LIST = re.compile(r"(?:[a-zA-Z_][a-zA-Z0-9_]*)?[(\[{]?[a-zA-Z](?:,[ \t]*[a-zA-Z])+")
_STRETCHED = re.compile(r"([a-zA-Z])\1\1")  # three of a letter: not how a word is written


class Candidate(NamedTuple):
    """A match of a listed word's pattern, as `false_reading` weighs it."""

    core: str  # the match in the reading
    written: str  # the match as the message has it
    before: str  # the reading before it, up to 32 characters
    following: str  # and after it
    listed: str  # the listed word (as the matcher knows it)
    token: str = ""  # as written: the run of letters, digits, hyphens and colons that holds it
    around: str = ""  # as written, the text either side of it (for text that is not ASCII)
    mode: KeywordMode = KeywordMode.WORD  # the rule's: whole word, prefix or anywhere


def _without_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _readings_of(word: str) -> set[str]:
    """Every reading of the word's letters, of one character or several."""
    return {reading for letter in word for reading in (*READINGS.get(letter, ""), *MULTI_READINGS.get(letter, ()))}


def _drawn_with(piece: str, readings: set[str]) -> bool:
    """Whether `piece` is nothing but readings of the word's letters, one after another ("<|<" is
    the c and the k of "fuck"): letters, not an operator."""
    reachable = [True] + [False] * len(piece)
    for end in range(1, len(piece) + 1):
        reachable[end] = any(reachable[end - len(r)] for r in readings if piece.endswith(r, 0, end))
    return reachable[-1]


# The letters English surnames and places double at their end (Webb, Judd, Cliff, Hogg, Hall,
# Glenn, Kopp, Kerr, Ross, Pratt): not k, h, c … ("Fuckk", "Bitchh" are stretched).
_NAMES_DOUBLE = frozenset("bdfglmnprst")


# Places the frequency list lacks whose names are a listed word with its last letter doubled.
_PLACES = frozenset({"twatt"})  # in Orkney


def _is_name_with_a_doubled_letter(written: str, listed: str) -> bool:
    """Surnames and places double a word's last letter ("Pratt", "Watt", "Twatt" in Orkney): written
    as a name is (a capital, then lower case, letters only), the listed word with its last letter
    doubled is read as the name. Stretched any other way ("twatt", "TWATT", "Twaaat") it is the word."""
    if not (written.isascii() and written.isalpha() and written[:1].isupper() and written[1:].islower()):
        return False
    spelled = written.lower()
    if not (spelled[-1:] in _NAMES_DOUBLE and spelled == listed + listed[-1:]):
        return False
    return spelled in english_words() or spelled in _PLACES  # "Pratt", "Watt"; not "Cuntt", "Shitt"


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """symspellpy's 82,765-word English frequency list (its words only), read the first time a match
    needs it: whether the pieces of a match written apart are words ("pen is") or not ("tw at")."""
    text = (importlib.resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt").read_text("utf-8")
    return frozenset(line.partition(" ")[0] for line in text.splitlines() if line)


_C_AND_STROKE = re.compile(r"[cC][|IlL1]")  # not "ci": a capital I is a stroke, a small i a letter
# Letters as words are written: all lower case, all capitals, or capitalised parts ("ClickHole").
_PLAIN_WORD = re.compile(r"[a-z]+|[A-Z]+|(?:[A-Z][a-z]+)+")
# Where "_/" and ">_" are an emoticon's arm or eyes: the shrug "¯\_(ツ)_/¯", the bunny "(\_/)",
# namaste "_/\_"; ">_<", ">_>". Not "\_/", which draws a u.
_ARM = re.compile(r"\)_/|_/¯|\(\\_/\)|_/\\_")
_EYES = re.compile(r">_[<>]")


@lru_cache(maxsize=1024)
def _python_pattern(listed: str, mode: KeywordMode, c_stroke: bool = True) -> re.Pattern[str] | None:
    """A listed word's pattern compiled with Python's `re`, to weigh one match again (the patterns
    are plain enough for both engines)."""
    pattern = keyword_pattern(listed, mode, c_stroke=c_stroke)
    return re.compile(pattern) if pattern else None


def _drew_a_d(core: str, listed: str) -> bool:
    """Whether the match reads a c and a stroke as a d: without that reading it would not match
    ("d|i|c|k" is the word's own c; "douć|-|e" its c then |-| for h)."""
    plain = _python_pattern(listed, KeywordMode.SUBSTRING, c_stroke=False)
    return plain is None or plain.fullmatch(core.encode().decode("latin-1")) is None


# A sum of money written apart from the next word: a currency sign with digits or a country's
# letters ("$5", "5$", "S$", "£").
_MONEY_PIECE = re.compile(r"[A-Z]{0,3}[$£€](?:[0-9][0-9.,]*)?|[0-9][0-9.,]*[$£€]")
# A word spelled out one letter at a time: the match, and the spelled letters either side of it.
_SPELLED = re.compile(r"[A-Za-z](?:[^A-Za-z0-9]{1,3}[A-Za-z])+")
_SPELLED_LEFT = re.compile(r"(?:(?<![A-Za-z0-9])[A-Za-z][^A-Za-z0-9]{1,3})+$")
_SPELLED_RIGHT = re.compile(r"(?:[^A-Za-z0-9]{1,3}[A-Za-z](?![A-Za-z0-9]))+")
# Places with a listed word inside, which the frequency list lacks.
_SPELLED_PLACES = frozenset({"scunthorpe", "penistone"})


def _spelled_within_a_word(core: str, before: str, following: str, listed: str, mode: KeywordMode) -> bool:
    """Whether a match spelled out one letter at a time is part of a longer word spelled the same
    way ("c o c k t a i l", "I.D.I.O.T.I.C"), read as that word would be written plainly: the
    letters either side (two or more: "t i t I've" is not "titi"), joined to it, spell an English
    word that the rule does not match ("cocktail" is no whole-word "cock"; "f u c k i n g" is
    "fucking", which a prefix rule for "fuck" matches). "u r a c u n t" spells no word: it is read."""
    if not _SPELLED.fullmatch(core):
        return False
    left, right = _SPELLED_LEFT.search(before), _SPELLED_RIGHT.match(following)
    left_text, right_text = (left.group(0) if left else ""), (right.group(0) if right else "")
    if sum(char.isalpha() for char in left_text + right_text) < 2:
        return False
    run = "".join(char for char in left_text + core + right_text if char.isalpha()).lower()
    if run not in english_words() and run not in _SPELLED_PLACES:
        return False
    plain = _python_pattern(listed, mode)
    return plain is not None and plain.search(f" {run} ") is None


def false_reading(match: Candidate) -> str | None:
    """Why the text a listed word's pattern matched is not that word after all, or None when it
    is. Asked only of matches. A model number is written in capitals ("A55", "AK47"); "a55" is
    not one."""
    core, written, before, following = match.core, match.written, match.before, match.following
    token = _NOT_ALNUM.sub("", core)
    if _NUMBER.fullmatch(core):  # symbols read as letters are not numbers: "4$$" is read, "455" not
        return "a number"
    if _is_model_number(written):
        return "a model number"
    if match.around and (language := _in_its_own_language(written, match.around)):
        return language
    if _is_code(match.token, written):
        return "a part number or hexadecimal bytes"
    if _CONTRACTION.search(core + following[:1]) and len(token) + 1 == len(core) and _contracts(core):
        return "a contraction"  # its apostrophe is all that joins the letters ("he'll", not "cu'm")
    if before[-1:] == "#" and _HEX_COLOUR.fullmatch(match.token) and not following[:1].isalnum():
        return "a colour"  # "color: #fa9;"
    # "@hell_raiser", "u/cr4p_sh0t": one part of a member's name, mentioned; not the author's word
    # (a name itself is read part by part: "sh1t_lord" is screened when a member takes it)
    joined = (following[:1] in _NAME_JOINS and following[1:2].isalnum()) or (
        before[-1:] in _NAME_JOINS and before[-2:-1].isalnum()
    )
    if joined and (mentioned := _MENTIONED.search(before)) and not _addresses(mentioned.group(0), core, following):
        return "part of a name mentioned"  # "@go_fuck_yourself" is a sentence written as one
    if _is_name_with_a_doubled_letter(written, match.listed) and not following[:1].isalpha():
        return "a name"  # "Pratt", "Twatt" in Orkney
    if _C_AND_STROKE.search(core) and "d" in match.listed and _drew_a_d(core, match.listed):
        # "c|ick" and "1cliots" are drawn; "clicky", "ClickHole", "clinks", Spanish "clic" are words
        if _PLAIN_WORD.fullmatch(_GAP.sub("", written)) or token.lower() in english_words():
            return "plain letters: c and l"
    around = before[-2:] + written + following[:2]
    if ("j" in match.listed and _ARM.search(around)) or ("z" in match.listed and _EYES.search(around)):
        return "an emoticon"  # the shrug's arm "_/" is no j, the eyes of ">_<" no z
    if _spelled_within_a_word(core, before, following, match.listed, match.mode):
        return "a longer word spelled out"  # "c o c k t a i l", "I.D.I.O.T.I.C", "S C U N T H O R P E"
    pieces = _GAP.split(core)
    if len(pieces) == 1:
        return None
    first = _GAP.split(written)[0]
    if len(pieces) == 2 and _MONEY_PIECE.fullmatch(first) and pieces[1].isalpha() and len(pieces[1]) > 1:
        return "money"  # "$5 hit my account", "BTC $ hit 100k", "S$ hit 1.35": a sum, then a word
    letters = _readings_of(match.listed)
    if any(_OPERATOR.fullmatch(piece) and not _drawn_with(piece, letters) for piece in pieces):
        # Code, unless one operator stands between single letters (or a letter's leetspeak), three or
        # more of them ("c + u + m"): the word spelled out with it ("c = r = a = p"), as code does not chain its
        # variables.
        marks, spelled = pieces[1::2], pieces[0::2]
        one_each = all(len(p) == 1 and (p.isalpha() or p in letters) for p in spelled)  # "c = r = 4 = p" too
        if not (len(set(marks)) == 1 and len(spelled) >= 3 and one_each):
            return "code: letters between operators"
    opened = before[-1:] in _OPENING or any(bracket in core for bracket in _OPENING)
    if opened and following[:1] in _CLOSING and _LIST.fullmatch(core):
        return "code: a list of letters"  # "x = [c, u, n, t]", "def f(u, c, k):"
    # the last piece may be a contraction ("shh it's fine": "it" is the word)
    words = [_PROSE_TAIL.sub("", _PROSE_HEAD.sub("", piece)) for piece in pieces]
    words[-1] = _CONTRACTED.sub("", words[-1])
    # a prefix or a part of a word: the first and last pieces go on into the text's own letters
    # ("c u n tomorrow" is not spelled out one letter at a time)
    if following[:1].isalpha():
        words[-1] += following[:1]
    if before[-1:].isalpha():
        words[0] = before[-1:] + words[0]
    if all(len(word) <= 1 for word in words):
        return None  # spelled out one letter at a time: "f u c k", "s. h. i. t", "7 i 7"
    if _numbers_beside_words(words) and _PLAIN_SPACES.fullmatch(written):
        return "a number beside words"  # "lose 5 hit points", "a 55-year-old", "ate 7 hot dogs"
    if any(not (word.isascii() and word.isalpha()) or _STRETCHED.search(word) for word in words):
        return None  # disguised around the space: "b..a stard", "RE TA:RD", "s- lu t", "whorrrr e"
    if _without_marks(written).lower() != core.lower():
        return None  # the letters were disguised: look-alikes, enclosed letters, zero-width …
    if _split_off_letter(pieces, words, before, following):
        return None  # "ming e", "boo. b": the word's first or last letter split off
    if _pieces_are_not_words(pieces, words, _GAP.split(written)):
        return None  # "tw at", "f uck", "retar d"
    return "words written apart"  # "the pen is", "that's hit", "the U.S. hit"


# Letters chat writes as words: "a", "i", "o", and "u", "r", "c", "n", "k", "y", "x" for you, are,
# see, and, ok, why, times/kiss.
_LETTER_WORDS = frozenset("aiourcnkyx")


def _split_off_letter(pieces: list[str], words: list[str], before: str, following: str) -> bool:
    """Whether a lower-case letter stands on its own at either end of the match, written alone, and
    chat does not write it as a word ("ming e", "boo. b"; not the "s" of "It's hit" or "U.S. hit")."""
    ends = ((pieces[0], words[0], before[-1:]), (pieces[-1], words[-1], following[:1]))
    return any(
        len(piece) == 1 and len(word) == 1 and piece.islower() and piece not in _LETTER_WORDS and beside not in _JOINS
        for piece, word, beside in ends
    )


_JOINS = ("'", "’", ".")  # what makes a letter the end of a word or an abbreviation: "it's", "U.S."


# Scripts whole languages are written in: a word wholly in one of them, among words of it, is that
# language. Not the styled Latin letters (fullwidth, mathematical, circled) that disguise a word.
_LANGUAGE_SCRIPTS = frozenset(
    {"CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN", "HEBREW", "ARABIC", "CHEROKEE", "COPTIC", "RUNIC", "GOTHIC", "LISU"}
)


def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ")[0]


def _marked(word: str) -> bool:
    return unicodedata.normalize("NFD", word) != word


def _in_its_own_language(written: str, around: str) -> str | None:
    """Why a match is a word of the language around it, not a disguise: written wholly in another
    script among words of that script ("сим" in "Купил новую сим-карту" is Russian for SIM), or
    with marks among words that carry marks too ("cúm" in "Dịch bệnh cúm gia cầm" is Vietnamese).
    A disguise mixes scripts, or marks one word of an English sentence."""
    letters = [char for char in written if char.isalpha()]
    if not letters:
        return None
    others = [word for word in re.findall(r"\w{2,}", around.replace(written, " ", 1)) if not word.isdigit()]
    scripts = {_script(char) for char in letters}
    if len(scripts) == 1 and (script := scripts.pop()) in _LANGUAGE_SCRIPTS:
        if sum(word.isalpha() and all(_script(char) == script for char in word) for word in others) >= 2:
            return f"a word of {script.title()} text"
    if _marked(written) and all(_script(char) == "LATIN" for char in letters):
        if sum(word.isalpha() and _marked(word) for word in others) >= 2:
            return "a word of a language written with marks"
    return None


# Contractions as English makes them: the word before the apostrophe is one that contracts so.
_PRONOUNS = frozenset("i you we they he she it who what there here where how why when that this".split())
_CONTRACTS = {
    "m": frozenset({"i"}),
    "re": _PRONOUNS,
    "ve": _PRONOUNS | {"could", "would", "should", "might", "must"},
    "ll": _PRONOUNS,
    "d": _PRONOUNS,
}
_NEGATED = frozenset("do does did is are was were has have had could would should might must need ca wo ai sha".split())


def _contracts(core: str) -> bool:
    """Whether the letters before the apostrophe contract that way ("i'm", "who're", "don't",
    "can't"; any word takes "'s"), not a word cut at an apostrophe ("cu'm", "r3tar'd", "cun't")."""
    match = re.search(r"([a-zA-Z]+)(?:'(ll|re|ve|d|s|m)|n't)$", core.lower())
    if match is None:
        return False
    head, ending = match.group(1), match.group(2)
    if ending is None:
        return head in _NEGATED
    if ending == "s":
        return True
    return head in _CONTRACTS[ending]


_PLAIN_SPACES = re.compile(r"\S+(?: \S+)+")  # written apart as prose writes, not with odd spaces
_NUMBER_PIECE = re.compile(r"(?:0|[1-9][0-9]*)(?:[.,/:][0-9]+)*")  # as prose writes them: "08" is "ob"


def _numbers_beside_words(words: list[str]) -> bool:
    """Whether the pieces written apart are numbers and English words ("5" and "hit", "a" and
    "55"): a number beside words, not leetspeak, which writes its digits inside a word."""
    numbers = [word for word in words if any(char.isdigit() for char in word)]
    if not numbers or not all(_NUMBER_PIECE.fullmatch(word) for word in numbers):
        return False
    english = english_words()
    others = [word.lower() for word in words if word not in numbers]
    return bool(others) and all(word in ("a", "i") or (len(word) > 1 and word in english) for word in others)


_YOU = frozenset({"you", "your", "yours", "yourself", "ur", "u", "ya", "youre", "yu"})


_NAME_JOINS = ("_", ".")


def _addresses(mentioned: str, core: str, following: str) -> bool:
    """Whether the mentioned "handle" speaks to someone ("@go_fuck_yourself", "@ur.a.tw4t") or
    calls someone the word ("@mayor_is_a_dipstick", "@not_a_plonker_i_swear"): a sentence written
    with underscores or dots, not a name ("@dick_tracy_fan", "@Cock_Robin_1979")."""
    rest = re.match(r"[a-zA-Z0-9_.]*", following)
    before = mentioned.lstrip("@").removeprefix("u/")
    handle = before + core + (rest.group(0) if rest else "")
    if any(part.lower() in _YOU for part in re.split(r"[_.]", handle)):
        return True
    # "is a", "not a", "such a", then at most two words ("a total", "a massive"): a name's initial or
    # a given name ("@kevin_a_wang", "@li_an_wang") has no such verb before it
    parts = [part.lower() for part in re.split(r"[_.]", before.rstrip("_."))]
    for i in range(len(parts) - 1, max(len(parts) - 4, 0), -1):
        if parts[i] in ("a", "an") and parts[i - 1] in _CALLS:
            return True
    return False


# Words that call someone what follows "a": "is a", "not a", "such a", "ur a".
_CALLS = frozenset({"is", "isnt", "not", "such", "what", "ur", "youre", "hes", "shes", "theyre", "im", "being", "was"})


# Interjections the word list leaves out, which prose writes before a word ("shh it's fine").
_INTERJECTIONS = frozenset({"shh", "shhh", "ssh", "psst", "hmm", "mhm", "uh", "um", "eh", "ah", "oh"})


def _pieces_are_not_words(pieces: list[str], words: list[str], written: list[str]) -> bool:
    """Whether a match of plain letters with spaces in it is one word cut in pieces that are no
    words ("tw at", "f uck"), not words written apart. Not when prose punctuation ends a piece
    ("Sh, it is fine"), nor names, each piece capitalised ("Mr Wan Ker"); a single letter may be
    an initial. `written`: the pieces as the message has them (`pieces` are their reading)."""
    if any(_PROSE_TAIL.search(piece).group() for piece in pieces[:-1]):  # type: ignore[union-attr]
        return False
    if len(written) == len(pieces) and all(p[:1].isupper() and p[1:].islower() for p in written if len(p) > 1):
        return False
    english = english_words()
    return any(len(word) > 1 and word.lower() not in english and word.lower() not in _INTERJECTIONS for word in words)
