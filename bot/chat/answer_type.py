"""What kind of answer a question wants, and whether a sentence holds one.

Classic question answering's check for "the article does not say": the question's wh-word and head
noun give the kind of answer wanted (who: a person or an organisation; where: a place; when: a date
or a time; how many: a count; how much ... cost: money; how fast: a speed; why: a reason; what did
X say: a statement by X), and the answering sentence must hold a span of that kind that the question
does not already hold ("where in Ohio is Corvane based?" is not answered by "Corvane Materials of
Ohio"). Similarity cannot tell that apart: the sentence is about the right thing.

Plain functions over plain strings. Article text is edited prose, so names are its capitalised
words; members' questions are often all lower case, so the question side reads only words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.chat.words import normalise, stem, tokens

# -- kinds of span ---------------------------------------------------------------------------------

PERSON = "person"  # a name, or a role ("their attorney", "the supplier")
PLACE = "place"
DATE = "date"  # a day, month, year, season, or a moment relative to now
DAY = "day"  # a particular day: "September 9", "Thursday", "yesterday"
TIME = "time"  # a time of day
DURATION = "duration"
LENGTH = "length"  # also thickness, height, distance
SPEED = "speed"
MONEY = "money"
PERCENT = "percent"
COUNT = "count"  # any number that is not a year, money or a share
AGE = "age"  # a person's: "Hollister, 58,", "a 64-year-old guard", "aged 71", "the average age … is about 49"
TALLY = "tally"  # a vote's count or a score: "5-4", "five yes votes"
REASON = "reason"
STATEMENT = "statement"  # something someone said
FINDING = "finding"  # what someone found out: "found that", "concluded", "points to"

_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million|billion|dozen|dozens|hundreds|thousands|millions|half|several|a few|a couple of|a)"
)
_DIGITS = r"\d[\d,]*(?:\.\d+)?"
_NUM = rf"(?:{_DIGITS}|{_NUMBER_WORD}(?:[\s-]+{_NUMBER_WORD})*)"
_SCALE = r"(?:\s?(?:million|billion|thousand|trillion|[mbk]n?)\b)?"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_TIME_UNIT = r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|decades?|centuries|century)"
_LENGTH_UNIT = (
    r"(?:miles?|mi|kilomet(?:er|re)s?|km|met(?:er|re)s?|m|feet|foot|ft|inch(?:es)?|in|yards?|yd|"
    r"microns?|µm|millimet(?:er|re)s?|mm|centimet(?:er|re)s?|cm|blocks?)"
)
_SPEED_UNIT = r"(?:mph|km/h|kmh|kph|knots?|miles? (?:an|per) hour|kilomet(?:er|re)s? (?:an|per) hour)"
_OTHER_UNIT = (
    r"(?:pounds?|lbs?|kilograms?|kg|grams?|g|tons?|tonnes?|watts?|kw|kwh|wh|watt[- ]hours?|volts?|v|amps?|mah|"
    r"gallons?|liters?|litres?|degrees?|acres?|square (?:feet|miles|meters|metres))"
)

_SPANS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            AGE,
            r"\b\d{1,3}[\s-]years?[\s-]old\b|\baged? \d{1,3}\b|(?<=[a-z], )\d{1,3}(?=, )|"
            r"\bages? of [^.,;]{1,40}? (?:is|was|are|were) (?:about |around |roughly |nearly )?\d{1,3}\b",
        ),
        (MONEY, rf"[$£€]\s?{_DIGITS}{_SCALE}|\b{_NUM}[\s-]+(?:dollars?|cents?|bucks|pounds sterling|euros?)\b"),
        (PERCENT, rf"\b{_NUM}\s?(?:%|percent\b|per cent\b)|\b{_DIGITS}%"),
        (SPEED, rf"\b{_NUM}[\s-]*{_SPEED_UNIT}"),
        (LENGTH, rf"\b{_NUM}[\s-]*{_LENGTH_UNIT}\b|\bhalf[\s-]mile\b"),
        (DURATION, rf"\b{_NUM}[\s-]+{_TIME_UNIT}\b|\ba (?:year|month|week|day) and a half\b|\bovernight\b"),
        (
            DAY,
            rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTH}\b|\b{_WEEKDAY}\b|"
            r"\b(?:today|tonight|yesterday|tomorrow)\b",
        ),
        (
            TIME,
            r"\b\d{1,2}(?::\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
            r"eleven|twelve|\d{1,2}) o[’']clock\b|\b(?:midnight|noon|morning|afternoon|evening)\b",
        ),
        (
            DATE,
            rf"\b{_MONTH}\b(?:\s+\d{{4}})?|\b(?:1[89]|20)\d\d(?:s)?\b|\bthe \d0s\b|\b{_SEASON}\b|"
            r"\b(?:this|next|last|past|coming) (?:week|month|year|quarter|decade|spring|summer|fall|autumn|winter|"
            r"weekend|time)\b|\b(?:first|second|third|fourth|last) quarter\b|\b(?:soon|later|earlier|recently|ago)\b",
        ),
        (LENGTH, rf"\b{_NUM}[\s-]*{_OTHER_UNIT}\b"),  # other measures count as a measure, like a length
        (TALLY, rf"\b\d+\s?[-–]\s?\d+\b|\b{_NUM} to {_NUM}\b"),
        (COUNT, rf"\b{_DIGITS}\b|\b(?:\d+-\d+)\b|\b{_NUMBER_WORD}\b"),
        (
            REASON,
            r"\b(?:because|due to|owing to|thanks to|as a result|so that|in order to|caused by|blamed|"
            r"points? to|led to|after|since|the reason|partly|given|so as to|to (?:show|win|calm|give|raise|avoid|"
            r"stop|keep|make))\b",
        ),
        (
            FINDING,
            r"\b(?:found|finds|concluded|concludes|determined|ruled|discovered|decided|showed|shows|revealed|reveals|"
            r"points? to|pointed to|blamed|identified|confirmed|established|measured)\b",
        ),
        (
            STATEMENT,
            r"\b(?:said|says|say|told|tells|statement|called|calls|argued|argues|claimed|claims|predicted|promised|"
            r"announced|insisted|warned|noted|added|according to|wrote|asked|concedes|conceded|estimates|estimated|"
            r"arguing|argue|accused|pointed out)\b|[“\"]",
        ),
    )
)

# Names: a run of capitalised words (with "of", "the", "and" inside), not a month or a weekday.
_NAME = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'.-]*|[A-Z]{2,})(?:\s+(?:of|the|for|and|de|van|von|al|la)?\s*(?:[A-Z][\w’'.-]*))*"
)
NOT_NAMES = frozenset(
    """i i'm i’m i'd i’d it’s it's the a an and but or so yet if when while then there this that these those he she
    they we you it his her their our its my your who what where which why how however meanwhile still also nobody
    everyone everybody someone some each every many most more few one two three first second third last update
    exit question""".split()
)
_ROLE = re.compile(
    r"\b(?:attorney|lawyer|counsel|judge|official|officials|spokes(?:man|woman|person)|director|president|chair\w*|"
    r"manager|mayor|governor|senator|minister|secretary|commander|general|officers?|member|members|council|"
    r"company|supplier|manufacturer|agency|commission|authority|administration|department|lab|university|school|"
    r"court|union|group|association|firm|plaintiffs?|defendants?|engineers?|researchers?|police|army|government|"
    r"insurgents?|riders?|students?|residents?|voters?|opponents?|supporters?|critics?|pastors?|consultant|study|"
    r"report|owner|founder|ceo|leader|chief|reverend|professor|dr)\b",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"(?:superintendent|director|president|chair(?:man|woman|person)?|manager|mayor|governor|senator|minister|"
    r"secretary|commander|general|officer|chief|reverend|rev|professor|prof|dr|judge|justice|attorney|"
    r"councill?or|councilman|councilwoman|sheriff|captain|capt|sergeant|sgt|lieutenant|lt|colonel|col|coach|"
    r"principal|dean|inspector|detective|representative|rep|sen|gov|mr|mrs|ms|police|deputy|acting|vice|"
    r"executive|assistant)",
    re.IGNORECASE,
)
_PLACE_NOUN = re.compile(
    r"\b(?:in|at|inside|outside|near|on|from|to|into|across|along|around|through)\s+(?:a|an|the|its|their|his|her|"
    r"our|one of|nearby|downtown)?\s*(?:[\w-]+\s+){0,3}?(?:room|garage|station|building|campus|street|avenue|road|"
    r"city|cities|town|district|county|neighbou?rhoods?|area|sites?|hall|court|office|church|school|hospital|store|"
    r"shop|lot|corridor|downtown|country|state|region|village|house|home|park|mall|depot|airport|port|border|"
    r"province|capital|chamber|garden|field|lab|plant|factory|warehouse|facility|compound|base)s?\b",
    re.IGNORECASE,
)
# A preposition before a name, perhaps with a word between ("in western Baghdad"): a place.
_PLACE_CUE = re.compile(
    r"\b(?:in|at|from|near|outside|across|to|into|of|around|throughout)\s+(?:[a-z]+\s+)?$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Span:
    kind: str
    text: str
    start: int


@lru_cache(maxsize=20_000)
def spans(sentence: str) -> tuple[Span, ...]:
    """Every typed span of a sentence (a sentence of the article: properly cased)."""
    found: list[Span] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _SPANS:
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if kind in (COUNT, LENGTH, DURATION, TALLY) and any(s <= start < e or s < end <= e for s, e in taken):
                continue  # "$2.3 million" is money, not also a count; "20-micron" a length
            if kind == COUNT and (match.group(0).casefold() in ("a", "half") or _is_year(match.group(0))):
                continue
            found.append(Span(kind, match.group(0), start))
            if kind not in (REASON, STATEMENT, FINDING):
                taken.append((start, end))
    for match in _NAME.finditer(sentence):
        text = match.group(0).strip(" .’'")
        words = text.split()
        while words and words[0].casefold().strip("’'") in NOT_NAMES:
            words = words[1:]
        # A title before a name is not the name ("Superintendent Carla Medeiros", "Police Chief
        # Marcus Bell"): a question asking for the superintendent names the title, not her.
        while len(words) > 1 and _TITLE.fullmatch(words[0].strip(".")):
            words = words[1:]
        if not words:
            continue
        text = " ".join(words)
        start = match.start() + match.group(0).find(words[0])
        at_start = not sentence[:start].strip(" “\"‘'(") or sentence[:start].rstrip().endswith((".", "?", "!", ":"))
        if at_start and len(words) == 1 and not text.isupper():
            continue  # "Riders are told…": a capital that only opens the sentence
        if re.fullmatch(rf"{_MONTH}|{_WEEKDAY}", text, re.IGNORECASE):
            continue
        found.append(Span(PERSON, text, start))
        before = sentence[:start]
        if _PLACE_CUE.search(before[-24:]) or re.search(
            r"\b(?:Street|Avenue|Road|City|County|Hall|Station|Park|Mall|Depot|Church|Square|Bridge|State|Valley)\b",
            text,
        ):
            found.append(Span(PLACE, text, start))
        # "Corvane Materials of Ohio", "the Islamic State of Iraq": what follows "of" is a name of its own
        offset = 0
        for part in text.split(" of ")[1:]:
            offset = text.index(" of " + part, offset) + 4
            if part and part[0].isupper():
                found.append(Span(PERSON, part, start + offset))
                found.append(Span(PLACE, part, start + offset))
    for match in _ROLE.finditer(sentence):
        found.append(Span("role", match.group(0), match.start()))
    for match in _PLACE_NOUN.finditer(sentence):
        found.append(Span(PLACE, match.group(0), match.start()))
    return tuple(found)


def _is_year(text: str) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\ds?", text))


# -- what a question wants ---------------------------------------------------------------------------

_SPEECH_VERB = (
    r"(?:say|said|think|thought|argue|claim|tell|told|announce|predict|promise|call|feel|reckon|respond|react)"
)


@dataclass(frozen=True, slots=True)
class Expectation:
    kinds: frozenset[str]  # a span of any of these answers the question
    unit: str | None = None  # a unit the number must carry ("in watt hours")
    speaker: tuple[str, ...] = ()  # "what did the governor say": the sentence must name the governor


_UNIT_WORDS = {
    "watt": r"watt|wh\b|kwh",
    "volt": r"volt",
    "mile": r"mile",
    "kilomet": r"kilomet|km\b",
    "dollar": r"\$|dollar",
    "minut": r"minute",
    "hour": r"hour",
    "day": r"\bday",
    "week": r"week",
    "month": r"month",
    "year": r"year",
    "pound": r"pound|lb",
    "kilogram": r"kilogram|kg\b",
    "gallon": r"gallon",
    "mph": r"mph|miles? (?:an|per) hour",
    "percent": r"%|percent",
    "micron": r"micron",
}


# A yes-or-no question: a verb first, after any "so", "ok"… Its "when"/"where" opens a clause
# ("was anyone injured when it broke?"), not a question: unless it asks whether one knows
# ("do you know when it reopens?").
_YES_NO = re.compile(
    r"^ (?:(?:and|so|but|then|ok|okay|lol|well) )*(?:is|isn't|are|aren't|was|wasn't|were|weren't|do|does|doesn't|"
    r"did|didn't|can|could|will|would|should|has|hasn't|have|haven't|had)\b"
)
_EMBEDDED = re.compile(
    r"\b(?:know|knows|tell (?:me|us)|idea|wonder\w*|sure|remember|say|said|mention\w*|explain\w*|find out|"
    r"figured? out|clear|decided|announced)\b (?:yet |already )?(?:when|where|who|whom|whose|why|how|what|which)\b"
)
_WH_WORD = r"\b(?:when|where|who|whom|whose|why|how|what|which)\b"
_CLAUSE = re.compile(_WH_WORD + ".*$")
_TIME_PLACE_CLAUSE = re.compile(r"\b(?:when|where|whenever|while)\b.*$")


def asks(question: str) -> bool:
    """Worded as a question: a question mark, a question word anywhere ("cleanup gonna take how
    long"), or a verb first after any "so", "ok"… (a yes-or-no question), or "any…?"."""
    low = " " + re.sub(r"\s+", " ", normalise(question).strip()) + " "
    return "?" in low or bool(re.search(_WH_WORD, low) or _YES_NO.match(low)) or low.startswith(" any ")


def expectation(question: str) -> Expectation | None:
    """The kind of answer a question wants (None: any; "what is a separator?" wants a definition)."""
    low = " " + normalise(question).replace("?", " ").strip() + " "
    low = re.sub(r"\s+", " ", low)
    if _YES_NO.match(low) and not _EMBEDDED.search(low):
        low = _CLAUSE.sub(" ", low)  # "was anyone injured when it broke": yes or no, not a time
    elif opening := re.match(r"^ (?:(?:and|so|but|ok|okay|wait) )*(?:where|who|what|which|how|why)\b", low):
        # "where was Odierno when he spoke?": the question's own word asks; a later "when" opens a clause
        low = low[: opening.end()] + _TIME_PLACE_CLAUSE.sub(" ", low[opening.end() :])
    if re.search(
        r"\bwhat(?:'s| is| are| was| were)? (?:the |a |an |its |their )?(?:it|they|\w+(?: \w+)?) (?:called|named)\b",
        low,
    ):
        return Expectation(frozenset({PERSON}))  # "what is the pack called?": a name
    if re.search(r"\bwhat(?:'s| is| are| was| were) (?:the |their |its |his |her )?names?\b", low):
        return Expectation(frozenset({PERSON}))  # "what is the name of the guard?": a name
    speaker = _speaker(low)
    if speaker is not None:
        return Expectation(frozenset({STATEMENT}), speaker=speaker)
    if match := re.search(
        r"\bwhat (?:did|does|do|has|have|had|will) (.{1,40}?) (?:find|found|conclude|determine|rule|discover|decide|"
        r"show|reveal|turn up|learn)\w*\b",
        low,
    ):  # "what did the cpsc find?": a finding by them, not that they are looking
        return Expectation(frozenset({FINDING}), speaker=tuple(t for t in tokens(match.group(1)) if t not in _PRONOUNS))
    unit = None
    if match := re.search(r"\bin (\w+)(?: (\w+))?\b", low):
        for word in (match.group(1), f"{match.group(1)}{match.group(2) or ''}"):
            if stem(word) in _UNIT_WORDS:
                unit = stem(word)
    numeric = frozenset({COUNT, MONEY, PERCENT, LENGTH, DURATION, SPEED})
    if re.search(r"\bhow (?:fast|quick|quickly)\b|\b(?:top |what )speed\b", low):
        return Expectation(frozenset({SPEED}), unit)
    if re.search(
        r"\bwhat (?:\w+ )?(?:percent|percentage|share|proportion|fraction|rate)\b|\bwhat %|\bhow many percent\b", low
    ):
        return Expectation(frozenset({PERCENT}), unit)
    if re.search(
        r"\bhow much\b.*\b(?:cost|costs|costing|price|pay|paid|spend|spent|charge|worth|money|raise|fund|funding|"
        r"save|saves|saved|saving|savings|"
        r"budget|owe|fare|bill|"
        # a payment by its name ("how much is the stipend?"): a sum of money, not any number
        r"rent|stipend|severance|salary|salaries|wages?|fees?|fines?|bonus|bonuses|grants?|loans?|payout|"
        r"payments?|pensions?|subsid(?:y|ies)|reward|bail|settlement|donations?|tickets?|tuition|compensation|"
        r"earns?|earned|earning|earnings)\b|\bhow much (?:money|cash)\b|"
        # "how much did the county give?" (not "how much time did they give him?")
        r"\bhow much (?:did|does|do|will|would|has|have|had|is|was) (?:\w+ ){1,4}?"
        r"(?:donat\w*|contribut\w*|invest\w*|put in|put up|chip(?:ped)? in|give|gave|given|kick(?:ed)? in)\b|"
        r"\bwhat(?:'s| is| are| was| will)? (?:the )?(?:\w+ )?"
        r"(?:cost|price|fare|fee|budget|salary|bill|price tag)\b",
        low,
    ):
        return Expectation(frozenset({MONEY}), unit)
    if re.search(
        r"\b(?:vote|voting|poll) (?:count|tally|split|margin|score|total)\b|\bfinal (?:score|tally)\b|"
        r"\bthe score (?:against|in|of|at|vs|versus|was|is)\b|\bwhat(?:'s| was| is) the score\b",
        low,
    ):
        return Expectation(frozenset({TALLY}), unit)
    if re.search(r"\bhow long\b", low):
        return Expectation(frozenset({DURATION, LENGTH}), unit)
    if _asks_a_persons_age(low):
        return Expectation(frozenset({AGE}), unit)
    if match := re.search(rf"\bhow ({_MEASURES})\b", low):
        return Expectation(numeric - _NOT_MEASURED_BY.get(match.group(1), frozenset()), unit)
    if match := re.search(r"\b(?:how many|number of)((?: [\w-]+){0,3})", low):
        return Expectation(_counted(match.group(1)), unit)
    if re.search(r"\bhow much\b|\bwhat (?:number|figure|amount|total)\b", low):
        return Expectation(numeric, unit)
    if re.search(
        r"\b(?:count|tally|capacity|range|distance|weight|size|length|height|width|depth|temperature|population|"
        r"mileage|margin|scores?|figures?)\b",
        low,
    ) and not re.search(r"\b(?:who|why|where|when)\b", low):
        return Expectation(numeric, unit)
    if re.search(r"\bwhat (?:exact |precise |specific )?(?:date|day)\b|\bwhich (?:date|day)\b|\bon what day\b", low):
        return Expectation(frozenset({DAY}), unit)
    if re.search(r"\bwhat time\b|\bwhat hour\b|\bat what time\b", low):
        return Expectation(frozenset({TIME}), unit)  # a time of day, not "on Thursday" alone
    if re.search(r"\b(?:what|which) (?:year|month|season)\b", low):
        return Expectation(frozenset({DATE}), unit)
    # "When did it happen?" is a moment in the past: a date, a day, a time ("on Tuesday morning",
    # "in 1958", "two weeks ago"); "after 117 years" is how long, not when.
    if re.search(r"\bwhen (?:did|was|were|had)\b", low):
        return Expectation(frozenset({DATE, DAY, TIME}), unit)
    if re.search(
        r"\bwhen\b|\bhow soon\b|\bby when\b|\bsince when\b|\bwhat deadline\b|\bdeadline\b",
        low,
    ):
        return Expectation(frozenset({DATE, DAY, TIME, DURATION}), unit)
    if re.search(
        r"\bwhere\b|\b(?:what|which) (?:city|cities|town|towns|state|states|country|countries|place|places|street|"
        r"location|neighbou?rhood|area|county|region|site|sites)\b",
        low,
    ):
        return Expectation(frozenset({PLACE}), unit)
    if re.search(
        r"^ (?:and |so |but |then |ok |okay )?(?:who|whom|whose)\b|\bby whom\b|\b(?:for|with|to|from|by) who\b|"
        r"\b(?:which|what) (?:\w+ )?(?:person|people|official|officials|member|members|company|companies|group|"
        r"groups|firm|organi[sz]ation|agency|lawyer|attorney|judge|supplier|manufacturer|name)\b",
        low,
    ):
        return Expectation(frozenset({PERSON}), unit)
    if re.search(
        r"\bwhy\b|\bhow come\b|\bwhat (?:caused|causes|made|makes|led to|is behind|was behind)\b|\breason", low
    ):
        return Expectation(frozenset({REASON}), unit)
    if unit is not None:
        return Expectation(numeric, unit)
    return None


# "How many <noun>": the noun says what kind of number answers. Years, miles or dollars are
# counted in their units; anything else ("people", "students", "wind machines") is a plain count,
# which a sum of money or a stretch of time does not answer ("how many people use the ferry?" is
# not answered by "it costs £310,000 a year").
_COUNTED_UNITS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = tuple(
    (re.compile(rf"{pattern}$"), kinds)
    for pattern, kinds in (
        (_TIME_UNIT, frozenset({DURATION})),
        (r"(?:times|occasions)", frozenset({COUNT, DURATION})),
        (r"(?:dollars?|bucks|cents?|euros?|quid)", frozenset({MONEY})),
        (r"(?:pounds?|lbs?)", frozenset({MONEY, LENGTH})),  # money in Britain, weight in America
        (_SPEED_UNIT, frozenset({SPEED})),
        (_LENGTH_UNIT, frozenset({LENGTH})),
        (_OTHER_UNIT, frozenset({LENGTH})),
        (r"(?:percent|percentage|points?)", frozenset({PERCENT, COUNT})),
        (r"(?:votes?|seats?|goals?|runs?)", frozenset({COUNT, TALLY})),
    )
)
_AUXILIARY = frozenset(
    "did does do is are was were have has had will would can could should i you they we it in at on for to from".split()
)


_RATE = frozenset("a an per each every the this that".split())


def _counted(after: str) -> frozenset[str]:
    """The kinds of number that answer "how many" followed by these words ("of the 180 homes",
    "years", "people use the ferry")."""
    words = after.split()
    while words and words[0] in ("of", "the", "those", "these", "their", "its", "his", "her"):
        words = words[1:]
    if not words or words[0] in _AUXILIARY:
        return frozenset({COUNT, MONEY, LENGTH, DURATION, SPEED})  # "how many did they sell": not said
    for word, after_it in zip(words, [*words[1:], ""], strict=True):
        if word in _AUXILIARY or word in _RATE:
            break  # "how many trips a day": trips are counted, per day
        if after_it.endswith("s") and after_it not in _AUXILIARY:
            continue  # a unit before a plural noun describes it: "night guards", "day trips" are counted
        for pattern, kinds in _COUNTED_UNITS:
            if pattern.match(word):
                return kinds
    return frozenset({COUNT, TALLY})


def _speaker(low: str) -> tuple[str, ...] | None:
    """ "what did the iraqi government say", "whats the mayor think": the one whose words are wanted."""
    subject = r"(.{1,40}?)"
    match = (
        re.search(rf"\bwhat (?:did|does|do|will|would|can|could|should) {subject} {_SPEECH_VERB}\b", low)
        or re.search(
            rf"\bwhat(?:'s| is| are| was| were) {subject} (?:saying|thinking|arguing|claiming|think|say)\b", low
        )
        or re.search(
            rf"\bwhat(?: has| have| had|'s|s) {subject} (?:said|told|claimed|argued|announced|predicted)\b", low
        )
        or re.search(rf"\bhow (?:did|does|do|has|have|will) {subject} (?:respond|react)\w*\b", low)
    )
    if match is None:
        return None
    verb = re.match(r"\w+", low[match.end(1) :].strip())
    if verb and verb.group(0).startswith(("think", "thought", "feel", "reckon")) and low[match.end() :].strip():
        return None  # "what do they think went wrong?" asks what went wrong, not for a quote
    words = tuple(t for t in tokens(match.group(1)) if t not in _PRONOUNS)
    return words


# Not a speaker whose words the sentence must name: a pronoun (a follow-up), or the article itself.
_PRONOUNS = frozenset(
    {"they", "he", "she", "it", "peopl", "everyon", "folk", "you", "i", "we", "anyon", "updat", "latest", "last"}
    | {"articl", "post", "stori", "piec", "report", "news", "blog", "blogger", "author", "writer", "first", "second"}
)


# The measures a "how …" question asks for a number with ("how far", "how old"), and all the words
# after "how" that say what kind of answer is wanted rather than name something the answer shares
# ("lasted just over seven hours" answers "how long"): the rankers leave them out.
_MEASURES = "far|wide|tall|deep|thick|thin|big|large|heavy|high|low|small|old|often|cold|hot|warm"
HOW_MEASURE = re.compile(rf"\bhow (?:long|fast|soon|late|early|{_MEASURES})\b", re.IGNORECASE)

# What a "how <measure>" question cannot be answered with: a size is no time nor speed ("how big
# was it?" is not "two hours away"), an age no sum of money.
_SIZE = frozenset({DURATION, SPEED})
_NOT_MEASURED_BY = {
    **dict.fromkeys(("big", "large", "small", "heavy"), _SIZE),
    # a width, a height, a depth or a thickness is a length (or another measure), not a count nor a sum
    **dict.fromkeys(("wide", "tall", "deep", "thick", "thin"), _SIZE | {COUNT, MONEY, PERCENT}),
    **dict.fromkeys(("cold", "hot", "warm"), _SIZE | {MONEY, PERCENT}),
    "old": frozenset({MONEY, SPEED, PERCENT}),
    # a distance ("40 miles", "two hours away"), not a bare count ("two men")
    "far": frozenset({MONEY, SPEED, PERCENT, COUNT}),
}

# "How old is Randy Kowalczyk?", "how old is the sheriff?", "how old are the workers?": a person's age
# (a name, or a noun for a person); "how old is the ferry?" asks a thing's (a year, a span of years).
_HOW_OLD = re.compile(
    r"\bhow old (?:is|are|was|were|'s) ((?:the |a |an |their |his |her |its )?[a-z][\w' -]{0,40}?)(?: now)? *$"
)
_PERSONS = frozenset(
    """
he she they him her guard guards sheriff mayor man men woman women boy boys girl girls child children kid kids victim
victims suspect suspects driver drivers worker workers employee employees officer officers inmate inmates escapee
owner chief director president teacher teachers student students nurse nurses doctor pilot pilots captain farmer
farmers resident residents veteran veterans player players coach manager spokesman spokeswoman founder judge
attorney lawyer patient patients tenant tenants people person governor senator commissioner councilman retiree
retirees superintendent principal
""".split()
)


def _asks_a_persons_age(low: str) -> bool:
    match = _HOW_OLD.search(low.strip())
    if match is None:
        return False
    subject = match.group(1).split()
    if subject[0] not in ("the", "a", "an", "their", "his", "her", "its", "it", "this", "that"):
        return True  # a name: "hollister", "randy kowalczyk"
    return any(re.sub(r"'s$", "", word) in _PERSONS for word in subject)


WEAK = frozenset({REASON, STATEMENT, FINDING})  # their marks ("after", "said") are common: weaker evidence


# -- does a sentence answer it -----------------------------------------------------------------------


def new_spans(
    expect: Expectation, sentence: str, question: str, context: str = "", *, roles: bool = True
) -> list[Span]:
    """The sentence's spans of a wanted kind that the question does not already hold (for "who":
    a name, or with `roles` a role too: "their attorney")."""
    asked = set(tokens(question))
    asked_numbers = set(re.findall(r"\d[\d,.]*", question))
    out = []
    for span in spans(sentence):
        kind = "role" if span.kind == "role" else span.kind
        if kind == "role" and PERSON in expect.kinds and roles:
            if set(tokens(span.text)) - asked:
                out.append(span)
            continue
        if kind not in expect.kinds:
            continue
        if kind in (REASON, STATEMENT, FINDING):
            out.append(span)
            continue
        words = set(tokens(span.text))
        numbers = set(re.findall(r"\d[\d,.]*", span.text))
        if kind in (PERSON, PLACE):
            if words and not words & asked:
                out.append(span)
        elif numbers:
            if numbers - asked_numbers:
                out.append(span)
        elif words - asked:
            out.append(span)
    if expect.unit is not None:
        unit = re.compile(_UNIT_WORDS[expect.unit], re.IGNORECASE)
        out = [s for s in out if unit.search(s.text) or unit.search(sentence[s.start : s.start + len(s.text) + 20])]
    if expect.speaker and out:
        said_by = set(tokens(sentence)) | set(tokens(context)) | initials(f"{context} {sentence}")
        if not set(expect.speaker) <= said_by:
            return []
    return out


def answers(expect: Expectation | None, sentence: str, question: str, context: str = "", *, roles: bool = True) -> bool:
    """Whether the sentence holds what the question asks for (anything does, when it asks for no kind)."""
    return expect is None or bool(new_spans(expect, sentence, question, context, roles=roles))


@lru_cache(maxsize=256)
def initials(article_text: str) -> frozenset[str]:
    """The initials of each run of capitalised words ("Consumer Product Safety Commission": cpsc,
    cps, psc…): a speaker or a name the text gives only in full."""
    found = set()
    for match in re.finditer(r"(?:[A-Z][\w’'-]*\s+(?:of\s+|the\s+|and\s+|for\s+)?){1,6}[A-Z][\w’'-]*", article_text):
        words = [w for w in match.group(0).split() if w[0].isupper()]
        for start in range(len(words)):
            for end in range(start + 2, len(words) + 1):
                found.add("".join(w[0] for w in words[start:end]).casefold())
    return frozenset(found)
