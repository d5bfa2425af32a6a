"""Members' names read where they glue words together, as a person reads them: "ShitLord" is "Shit
Lord", "xXFuckThisXx" is "x X Fuck This Xx", "CuntPuncher99" is "Cunt Puncher 99".

The engine reads listed words as whole words (so "Dickens", "Scunthorpe", "PassionFruit" are not
"dick", "cunt", "ass"); underscores, dots and spaces already part a name's words for it ("sh1t_lord"),
but a capital or a number does not. A name is therefore read twice in the engine's one pass: as
written, then with a space at each place it glues words:

- lower case, then a capital ("Shit|Lord"); the last capital of a run before lower case ("X|Fuck",
  "HTML|Parser"), not after "Mc", which starts a surname ("McDonald", and "McDick" with it);
- a number apart from the letters around it ("Puncher|99", "99|Problems"), but a digit between
  lower-case letters, or before them at a word's start, is a letter written in leetspeak and stays
  ("Sh1t|Poster", "T1tan", "Sh0e|Queen", "5hit"), and capitals then a number are a model number,
  read as one word as in messages ("AK47", "A55", "P155").

A listed word that is then a whole part is flagged with the rule that lists it; a collision with a
real name ("Dick|Tracy") is the list's choice, which the server's allow list cures as for messages
(the phrase "Dick Tracy" allowed)."""

from __future__ import annotations

_SURNAME_PREFIX = "Mc"


def _starts_word(name: str, i: int, start: int) -> bool:
    """Whether a new word starts at `name[i]`, a letter or digit after `name[i - 1]`, one too, in the
    part that started at `start`."""
    before, char = name[i - 1], name[i]
    after = name[i + 1] if i + 1 < len(name) else ""
    if char.isdigit():
        # "Puncher|99", "Ass|69Lord"; not "Sh1t", nor a model number in capitals ("AK47", "P155")
        return before.isalpha() and not after.islower() and not name[start:i].isupper()
    if before.isdigit():
        return char.isupper()  # "99|Problems"; not "5hit", "T1tan"
    if before.islower() and char.isupper():
        return name[start:i] != _SURNAME_PREFIX
    return before.isupper() and char.isupper() and after.islower()  # "X|Fuck", "HTML|Parser"


def glued_words(name: str) -> str:
    """`name` with a space at each place it glues two words (see the module)."""
    pieces: list[str] = []
    start = 0  # where the current word began
    for i, char in enumerate(name):
        if i and char.isalnum() and name[i - 1].isalnum() and _starts_word(name, i, start):
            pieces.append(" ")
            start = i
        elif not char.isalnum():
            start = i + 1
        pieces.append(char)
    return "".join(pieces)


def name_reading(name: str) -> str:
    """What the engine reads of a member's name: the name, and on a line of its own the name with
    its glued words apart, when it glues any (one pass of the engine reads both)."""
    apart = glued_words(name)
    return name if apart == name else f"{name}\n{apart}"
