"""Two texts are the same update however they are typed."""

from __future__ import annotations

from bot.text_key import text_key


def test_text_key_folds_case_quotes_spacing_and_punctuation():
    assert text_key("“We’re  talking,” he said!") == text_key('"we\'re talking" HE SAID')
    assert text_key("one thing") != text_key("another thing")
