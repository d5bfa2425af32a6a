from __future__ import annotations

import datetime as dt

from bot.enforcement.edits import ScreenedEdits

AT = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def test_an_edit_is_screened_once_and_a_later_edit_again():
    edits = ScreenedEdits()
    assert edits.first_time(1, AT)
    assert not edits.first_time(1, AT)  # the same edit again (a link preview arrived)
    assert edits.first_time(1, AT + dt.timedelta(seconds=1))  # edited once more
    assert edits.first_time(2, AT)


def test_it_remembers_a_bounded_number_of_edits():
    edits = ScreenedEdits(size=2)
    assert edits.first_time(1, AT) and edits.first_time(2, AT) and edits.first_time(3, AT)
    assert edits.first_time(1, AT)  # the oldest was forgotten: memory stays bounded
    assert not edits.first_time(3, AT)
