-- Members who asked to be forgotten (/privacy delete, `data forget`): the thread digest does not copy
-- again the messages they wrote before they asked, when someone replies to one of them later. The
-- member is named by a keyed hash of their id (HMAC-SHA256 with a random key kept in bot_meta),
-- never by the id: enough to recognise their old messages, and no list of who asked.
CREATE TABLE digest_optouts (
    member_key        TEXT    PRIMARY KEY,
    before_message_id INTEGER NOT NULL  -- a snowflake of the moment they asked: older messages are theirs to keep out
);
