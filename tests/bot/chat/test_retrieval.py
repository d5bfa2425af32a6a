from __future__ import annotations

from dataclasses import replace

import pytest

from bot.articles import parse_article_file
from bot.chat import replies
from bot.chat.embedding import Models, load_models
from bot.chat.retrieval import Passage, PassageIndex, Query, Tuning
from bot.chat.typos import Corrector, lexicon
from bot.chat.words import sentences, tokens
from tests.bot.chat.eval_set import EVAL_DIR, evaluate, load, passages_of


@pytest.fixture(scope="module")
def models() -> Models:
    loaded = load_models()
    assert loaded is not None  # installed with the bot: a missing model fails here, not quietly
    return loaded


@pytest.fixture(scope="module")
def seed_index(models: Models) -> PassageIndex:
    article, _ = load()
    return PassageIndex(passages_of(article), models)


def test_eval_set_covers_every_passage_with_at_least_30_questions():
    article, questions = load()
    assert len(questions) >= 30
    ids = {q["answer"] for q in questions}
    assert ids == {f"p{i}" for i in range(1, len(article.paragraphs) + 1)} | {"q", "u1", "u2"}


def test_words_alone_still_meet_the_seed_sets_targets():
    result = evaluate()
    assert result.top3 / result.total >= 0.9, result.misses
    assert result.top1 / result.total >= 0.7, result.misses


def test_with_the_models_the_seed_set_stays_met(seed_index: PassageIndex):
    result = evaluate(seed_index)
    assert result.top3 / result.total >= 0.9, result.misses
    assert result.top1 / result.total >= 0.8, result.misses


def test_nothing_is_returned_for_an_unrelated_question(seed_index: PassageIndex):
    article, _ = load()
    words_only = PassageIndex(passages_of(article))
    for index in (words_only, seed_index):
        assert index.answer(Query("what is the recipe for banana bread?")) is None
        assert index.answer(Query("the")) is None


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # deep in the seed's longest paragraph: the sentence itself, not the paragraph's opening
        ("what happened with the Sunni tribesmen in Anbar?", "Sunni tribesmen in Anbar"),
        ("could ex-insurgents become tipsters?", "having ex-insurgents as tipsters"),
        ("what would be a huge trophy?", "it’d be a huge trophy"),
        # paraphrases that share no content word with the answer
        ("can the go-betweens actually stop the fighting?", "self-declared insurgent interlocutors"),
        ("what did they say they'd put in writing?", "maybe signing some things"),
        # misspelt
        ("whats the deal w the mahdi armey", "Mahdi Army Sadr controls"),
        ("why r casulties going up", "drive up casualties"),
    ],
)
def test_the_answering_sentence_is_quoted_whole(seed_index: PassageIndex, question: str, answer: str):
    found = seed_index.answer(Query(question))
    assert found is not None
    assert any(answer in s.text for s in found.quoted), [s.text for s in found.quoted]
    text = replies.sentences("Title", found.quoted, None)
    sentence = next(s.text for s in found.quoted if answer in s.text)
    assert sentence.replace("’", "’") in text.replace("\\", "")  # whole, never cut


def test_quoted_sentences_keep_the_articles_order_and_mark_what_is_left_out(seed_index: PassageIndex):
    found = seed_index.answer(Query("will the hardliners defect to Al Qaeda?"))
    assert found is not None
    orders = [s.order for s in found.quoted]
    assert orders == sorted(orders)
    text = replies.sentences("Title", found.quoted, "https://discord.com/channels/1/2")
    assert "…" in text and "-# paragraph 8" in text and text.endswith("Discussion: https://discord.com/channels/1/2")


def test_a_reply_over_discords_limit_drops_whole_runs_never_a_sentence():
    long = " ".join(f"Sentence number {i} says something about the harbor line and its costs." for i in range(40))
    index = PassageIndex([Passage(f"p{i}", "paragraph", long) for i in range(1, 5)])
    quoted = [index.sentences[i] for i in (0, 41, 82, 123)]
    text = replies.sentences("Title", quoted, None)
    assert len(text) <= replies.LIMIT and "Sentence number 0 says something" in text


def test_misspelt_words_are_matched_to_the_articles_own_words():
    corrector = Corrector("The separators measured 12 microns. Riders get a replacement battery from the supplier.")
    assert corrector.correct("how thik were the seperators") == "how thik were the separators"
    assert corrector.correct("whos the suplier") == "who is the supplier"
    assert corrector.correct("wat r u gonna replacment") == "what are you going to replacement"
    assert corrector.correct("banana bread") == "banana bread"  # nothing close: left alone
    # question words as chat spells them: what kind of answer is wanted hangs on them
    assert corrector.correct("wen did it start") == "when did it start"
    assert corrector.correct("wher r they") == "where are they"
    assert corrector.correct("hw many") == "how many"
    # "wich" is one letter from both "which" and the article's "with": chat means the question word
    assert Corrector("It came with a warning.").correct("wich company did it") == "which company did it"
    # "ws" is two letters from "was", "as", "is" and "us" alike: chat means "was"
    assert Corrector("The only witness was a baker, as police said.").correct("ws there a witnes") == (
        "was there a witness"
    )


def test_a_chief_executive_is_a_ceo():
    # Articles name the role in full ("SkyWren's chief executive, Trent Addison"); members ask for
    # the CEO. One token for both, so the words match and the gate finds the role where it is named.
    assert tokens("whos the ceo") == tokens("whos the chief executive") == tokens("whos the Chief Executive Officer")
    index = PassageIndex(
        [
            Passage("p1", "paragraph", "SkyWren's chief executive, Trent Addison, said the company values its pilots."),
            Passage("p2", "paragraph", "The pilots voted to strike. Addison took over as CEO in January 2023."),
            Passage("p3", "paragraph", "The union represents 1,240 pilots at the airline's three bases."),
        ]
    )
    found = index.answer(Query("whos the ceo of skywren"))
    assert found is not None and "Trent Addison" in found.quoted[0].text


def test_real_words_are_never_corrected_into_the_articles_look_alikes():
    corrector = Corrector("The state fire marshal came later. The fare is $2.50.")
    # "start", "firm" and "layer" are English: the member's words, not misspellings of "state", "fire", "later"
    assert corrector.correct("when does the pilot start back up") == "when does the pilot start back up"
    assert corrector.correct("what law firm is he with") == "what law firm is he with"
    assert corrector.correct("how thin was the layer") == "how thin was the layer"
    # …but a real word a letter or two from the article's is offered alongside, for the word matching
    assert corrector.alternatives("wats the fair gonna be") == {"fair": "fare"}
    assert {"start", "firm", "separator"} <= lexicon() and "corvane" not in lexicon()


def test_follow_ups_lean_on_the_question_before(seed_index: PassageIndex):
    found = seed_index.answer(Query("where exactly?", previous="is there an update about gunships?"))
    assert found is not None and any("western Baghdad" in s.text for s in found.quoted)


def test_what_the_article_does_not_say_is_declined(seed_index: PassageIndex):
    # the kind of answer is missing: no speed, no day in September, nobody else's words
    for question in (
        "how fast are the gunships?",
        "what date in September is the deadline?",
        "what did the Pentagon say about the ceasefire talks?",  # a name the article never mentions
        "what did the governor say about the talks?",
    ):
        assert seed_index.answer(Query(question)) is None, question
    # the same questions, answerable
    for question, answer in (
        ("what did Odierno say about ceasefires?", "We’re talking about ceasefires"),
        ("by when does Bush need to show progress?", "He needs to show progress by September"),
        ("where did the gunships intervene?", "western Baghdad"),
    ):
        found = seed_index.answer(Query(question))
        assert found is not None and any(answer in s.text for s in found.quoted), question


def _index(models: Models, *paragraphs: str, updates: tuple[str, ...] = ()) -> PassageIndex:
    passages = [Passage(f"p{i}", "paragraph", text) for i, text in enumerate(paragraphs, start=1)]
    passages += [Passage(f"u{i}", "update", text) for i, text in enumerate(updates, start=1)]
    return PassageIndex(passages, models)


def test_a_follow_up_asking_for_the_second_one_finds_the_sentence_that_says_second(models: Models):
    index = _index(
        models,
        "The suit names the city and the authority as defendants. The complaint makes two main claims. "
        "First, it says the environmental report understated the traffic on Fulton Avenue. "
        "Second, it argues that the ballot language promised buses rather than a rail line.",
        "The city attorney called the suit a policy disagreement dressed up as a legal claim.",
    )
    found = index.answer(Query("what about the second one?", previous="what are the two claims in the lawsuit?"))
    assert found is not None and found.ranked[0].sentence.text.startswith("Second, it argues")


def test_a_follow_up_stays_where_the_last_answer_was(models: Models):
    index = _index(
        models,
        "The lab named the supplier of the separators. The lab director said the recall was the only choice.",
        "The supplier said in a statement that its film met every specification in the order.",
        "Riders said they were angry about the fires and the delays in getting their money back.",
    )
    found = index.answer(Query("what did they say?", previous="who made the separators?", previous_passages=("p2",)))
    assert found is not None and "met every specification" in found.ranked[0].sentence.text


def test_yet_and_so_far_lean_on_the_updates(models: Models):
    index = _index(
        models,
        "The lab has not yet named the supplier of the faulty separators in the recalled battery packs.",
        updates=("The lab has now named the supplier of the separators as Corvane Materials of Ohio.",),
    )
    found = index.answer(Query("have they named the supplier yet?"))
    assert found is not None and "Corvane" in found.ranked[0].sentence.text


def test_a_question_the_article_asks_passes_its_rank_to_the_answer_after_it(models: Models):
    index = _index(
        models,
        "What exactly do the insurgents get out of this deal with the Americans and the government? "
        "Protection from the militias they fear, and a seat at the table when the fighting stops.",
        "The talks began in the spring and the officials say they are going well for now.",
    )
    found = index.answer(Query("what do the insurgents get out of the deal?"))
    assert found is not None and found.ranked[0].sentence.text.startswith("Protection from the militias")


def test_words_the_article_lacks_with_nothing_asked_are_no_question(models: Models):
    """The gate's closeness bar lowered until anything passes on closeness alone: a message with
    none of the article's words and no question's form is still not answered (CI once quoted a
    paragraph for "flibbertigibbet wobble", just over the bar on its machine)."""
    article, _ = load()
    lenient = PassageIndex(passages_of(article), models, replace(Tuning(), min_cosine=0.0))
    for nonsense in ("flibbertigibbet wobble", "zxqv plonk", "banana bread lol", "lmao", "my cat is orange"):
        assert lenient.answer(Query(nonsense)) is None, nonsense
    # asked, or holding the article's words, it still passes the lowered bar
    assert lenient.answer(Query("what is going on with flibbertigibbet?")) is not None
    assert lenient.answer(Query("sadr chitchat")) is not None


def test_a_quoted_sentence_keeps_its_closing_quote_mark():
    """The reply quotes whole sentences: one that ends inside a quotation must not lose its ” (it
    did, and the reply showed an unbalanced quote)."""
    text = "The chair called it “a house of cards built on a loan.” The trust wants a vote. (It was late.) Fine."
    assert sentences(text) == [
        "The chair called it “a house of cards built on a loan.”",
        "The trust wants a vote.",
        "(It was late.)",
        "Fine.",
    ]


def test_a_misspelt_name_is_the_articles_name_not_one_it_lacks(models: Models):
    """ "Ortix" is a letter from the article's Ortiz: the question is about her, not about somebody
    the article never mentions (which the gate declines)."""
    index = _index(
        models,
        "Jenna Ortiz, a nurse who works twelve-hour shifts in Pendleton, said the four-day week cost her "
        "$95 a week in child care.",
        "The board voted 5-2 on Tuesday night to bring back Friday classes.",
    )
    found = index.answer(Query("whos Jenna Ortix"))
    assert found is not None and "Jenna Ortiz" in found.quoted[0].text
    assert index.answer(Query("who is Jenna Morales?")) is None  # a name the article lacks is still declined


def test_a_common_word_the_article_has_elsewhere_does_not_decline_the_answer(models: Models):
    """ "Where did the van come from?": the article has "come" in another paragraph, which says
    nothing about whether this sentence answers; only words that name something count there."""
    index = _index(
        models,
        "Police released images of the van and say it was stolen from a landscaping company in Springfield.",
        "Officers expect more witnesses to come forward once the reward is announced.",
        "A baker saw the van at 3:50 a.m. The van had no plates, and the van's driver wore a cap.",
    )
    found = index.answer(Query("Where did the van come from?"))
    assert found is not None and "landscaping company" in found.quoted[0].text


def test_a_title_or_an_initial_does_not_end_a_sentence():
    """ "Dr. Anil Mehta" was quoted from "Anil Mehta": the stop after a title, an initial or a common
    abbreviation is not a sentence's end."""
    text = "The center is run by Dr. Anil Mehta of MSU. He said J. R. Smith and St. Anselm agreed. It was 4 a.m."
    assert sentences(text) == [
        "The center is run by Dr. Anil Mehta of MSU.",
        "He said J. R. Smith and St. Anselm agreed.",
        "It was 4 a.m.",
    ]


def test_who_is_the_role_finds_the_name_beside_it(models: Models):
    """ "Who is the director?": the sentence that names someone as the director ("museum director
    Lorraine Whitcomb"), not one that mentions the museum beside other names (the third development
    set's museum theft, where a senator's sentence came first)."""
    article = parse_article_file(EVAL_DIR / "articles" / "hallbrook-museum-heist.txt")
    index = PassageIndex(passages_of(article), models)
    for question in ("Who is the director of the Hallbrook?", "who's the museum director"):
        found = index.answer(Query(question))
        assert found is not None and "Lorraine Whitcomb" in found.ranked[0].sentence.text, question


def test_a_why_question_is_answered_by_a_reason_given_without_because(models: Models):
    """ "Why couldn't they just flip over to the spare server?": the article's reason has no word
    that marks one ("it had been copying the main database in real time"); the second development
    set's hospital outage declined it, though the sentence ranked first."""
    article = parse_article_file(EVAL_DIR / "articles" / "st-anselm-outage.txt")
    index = PassageIndex(passages_of(article), models)
    found = index.answer(Query("Why couldn't they just flip over to the spare server?"))
    assert found is not None and any("copying the main database" in s.text for s in found.quoted)


def test_how_long_asks_for_a_length_of_time_not_for_the_word_long():
    # "long" frames the question: a sentence saying "long weekend" does not answer it, and the
    # answer ("eleven minutes") has no "long" in it for the gate to miss
    index = PassageIndex(
        [
            Passage("p1", "paragraph", "So much for the long weekend. The museum reopens on Tuesday with new guards."),
            Passage(
                "p2",
                "paragraph",
                "Two men walked through a service door at the museum, spent eleven minutes inside, and walked out.",
            ),
            Passage(
                "p3",
                "paragraph",
                "The thieves knew exactly where they were going and what they wanted from the museum.",
            ),
        ]
    )
    found = index.answer(Query("how long were the thieves inside the museum?"))
    assert found is not None and "eleven minutes" in found.quoted[0].text


def test_who_is_the_role_is_answered_by_the_sentence_that_names_someone_as_it(models: Models):
    """A sentence that mentions the sheriff beside some other capitalised word (a town) does not
    say who the sheriff is; the one that names "Sheriff Glenn Harwood" does (fifth development set)."""
    index = _index(
        models,
        "Two men escaped from the county jail late Sunday by climbing through a ceiling panel, "
        "Sheriff Glenn Harwood said Monday. The men crawled about 60 feet over the cells.",
        "Investigators believe one of them may try to reach Dayton, where he has relatives, and the sheriff "
        "asked anyone who sees him not to approach him but to call 911.",
        "Starting pay for a detention officer is $17.85 an hour, and the sheriff's office has relied on overtime.",
    )
    found = index.answer(Query("Who is the sheriff?"))
    assert found is not None and "Sheriff Glenn Harwood" in found.ranked[0].sentence.text


def test_a_role_the_article_mentions_but_never_names_is_not_answered(models: Models):
    """ "What's the mill manager's name?" of an article that mentions the manager beside the mayor's
    name: no sentence says who the manager is, and quoting the mayor's would answer wrongly (fifth
    development set). The union's president, named, is answered."""
    index = _index(
        models,
        "Mayor Sheila Nyberg said she learned of the closing from a phone call from the mill manager on Monday.",
        "Captain Mira Holloway, the union's president, said the vote to close was a betrayal of the town.",
        "The mill employs 340 people and has run since 1912.",
    )
    assert index.answer(Query("what's the mill manager's name?")) is None
    found = index.answer(Query("who is the union president?"))
    assert found is not None and "Mira Holloway" in found.ranked[0].sentence.text


def test_how_old_a_person_is_is_not_answered_with_their_years_of_service(models: Models):
    """ "How old is Randy Kowalczyk?" of an article that gives his years in the mill and another
    man's age: it does not say (fifth development set); "how old is Gene Haugen?" it does."""
    index = _index(
        models,
        '"My grandfather worked in that mill, and I\'ve been in there 26 years," said Randy Kowalczyk, a machine '
        "tender on the No. 3 paper machine.",
        "But Gene Haugen, 71, who worked 38 years in the mill's powerhouse, said retirees depend on a stipend.",
        "The mill employs 340 people and has run since 1912.",
    )
    assert index.answer(Query("How old is Randy Kowalczyk?")) is None
    found = index.answer(Query("how old is Gene Haugen?"))
    assert found is not None and "Haugen, 71" in found.ranked[0].sentence.text


def test_who_is_the_role_is_answered_by_the_sentence_naming_someone_amid_talk_of_the_role(models: Models):
    """ "Who is the county commissioner?" is answered by the sentence that names someone as one, not by
    the sentences that only talk about the county commission (ranked above it by every ranker)."""
    index = _index(
        models,
        "The county commission will meet Tuesday, and the county commissioner's budget for the jail is on it.",
        "The county commissioner's office said the county commission would review the county jail's staffing.",
        "A county commissioner must approve the county's overtime, the county commission's clerk said.",
        "The county commission's public safety committee oversees the county jail and the county roads.",
        "Beth Alvarado, a county commissioner since 2019, asked for an outside review of the escape.",
    )
    found = index.answer(Query("who is the county commissioner?"))
    assert found is not None and "Beth Alvarado" in found.ranked[0].sentence.text
