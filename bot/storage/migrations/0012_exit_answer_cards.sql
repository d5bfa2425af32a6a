-- A suggested answer is found by its card message when a message is deleted (a moderator removing the
-- card removes the answer): every deleted message is looked up, so by an index.
CREATE INDEX exit_answers_by_card ON exit_answers (message_id);
