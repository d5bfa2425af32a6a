"""Discord's documented limits, checked without a server."""

from __future__ import annotations

import pytest

from discord_emulator import limits
from discord_emulator.errors import DiscordError


def error_of(body: dict, **kwargs) -> DiscordError:
    with pytest.raises(DiscordError) as caught:
        limits.check_message(body, **kwargs)
    return caught.value


def test_content_limit_uses_discords_error_shape():
    limits.check_message({"content": "x" * 2000})
    error = error_of({"content": "x" * 2001})
    assert (error.status, error.code) == (400, 50035)
    assert error.body()["errors"]["content"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"embeds": [{"title": "t"}] * 11}, "embeds"),
        ({"embeds": [{"title": "x" * 257}]}, "embeds.0.title"),
        ({"embeds": [{"description": "x" * 4097}]}, "embeds.0.description"),
        ({"embeds": [{"description": "x" * 4000}, {"description": "x" * 2001}]}, "embeds"),
        ({"embeds": [{"fields": [{"name": "n", "value": "v"}] * 26}]}, "embeds.0.fields"),
        ({"embeds": [{"fields": [{"name": "n", "value": "v" * 1025}]}]}, "embeds.0.fields.0.value"),
        ({"embeds": [{"footer": {"text": "x" * 2049}}]}, "embeds.0.footer.text"),
        ({"content": "x", "nonce": "n" * 26}, "nonce"),
        ({"poll": {"question": {"text": "q" * 301}, "answers": [{"poll_media": {"text": "a"}}]}}, "poll.question.text"),
        ({"poll": {"question": {"text": "q"}, "answers": [{"poll_media": {"text": "a"}}] * 11}}, "poll.answers"),
        (
            {"poll": {"question": {"text": "q"}, "answers": [{"poll_media": {"text": "a" * 56}}]}},
            "poll.answers.0.poll_media.text",
        ),
        (
            {"poll": {"question": {"text": "q"}, "answers": [{"poll_media": {"text": "a"}}], "duration": 769}},
            "poll.duration",
        ),
        ({"content": "x", "allowed_mentions": {"parse": ["users"], "users": ["1"]}}, "allowed_mentions.users"),
        (
            {"components": [{"type": 1, "components": [{"type": 2, "style": 1, "label": "no id"}]}]},
            "components.0.components.0.custom_id",
        ),
        (
            {
                "components": [
                    {
                        "type": 1,
                        "components": [{"type": 2, "style": 5, "label": "l", "custom_id": "x", "url": "https://x"}],
                    }
                ]
            },
            "components.0.components.0.custom_id",
        ),
        (
            {
                "components": [
                    {
                        "type": 1,
                        "components": [
                            {"type": 2, "style": 1, "custom_id": "a"},
                            {"type": 2, "style": 1, "custom_id": "a"},
                        ],
                    }
                ]
            },
            "components.0.components.1.custom_id",
        ),
        (
            {
                "components": [
                    {
                        "type": 1,
                        "components": [
                            {"type": 3, "custom_id": "s", "options": []},
                            {"type": 2, "style": 1, "custom_id": "b"},
                        ],
                    }
                ]
            },
            "components.0.components",
        ),
    ],
)
def test_limit_violations_name_the_field(body: dict, path: str):
    node = error_of(body).body()["errors"]
    for part in path.split("."):
        node = node[part]
    assert node["_errors"]


def test_empty_message_is_refused():
    error = error_of({"content": ""})
    assert error.code == 50006
    limits.check_message({"content": ""}, editing=True)
