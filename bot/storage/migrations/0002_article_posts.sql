-- One row per article posted into a channel. Written before each Discord call and updated after
-- it, so a crash or an error midway leaves a record that the next attempt completes.
CREATE TABLE article_posts (
    id                  INTEGER PRIMARY KEY,
    guild_id            INTEGER NOT NULL,
    channel_id          INTEGER NOT NULL,
    article_slug        TEXT    NOT NULL,
    article_title       TEXT    NOT NULL,
    exit_question       TEXT,
    vote_mode           TEXT    NOT NULL CHECK (vote_mode IN ('poll', 'answers', 'none')),
    duration_hours      INTEGER NOT NULL CHECK (duration_hours BETWEEN 1 AND 768),
    status              TEXT    NOT NULL DEFAULT 'pending'
                                CHECK (status IN ('pending', 'posted', 'closed', 'abandoned')),
    thread_id           INTEGER,
    starter_message_id  INTEGER,
    question_message_id INTEGER,
    posted_by           INTEGER NOT NULL,
    created_at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    posted_at           TEXT,
    closes_at           TEXT,
    closed_at           TEXT,
    results_message_id  INTEGER,
    last_error          TEXT
);
CREATE INDEX article_posts_by_article ON article_posts (guild_id, article_slug, channel_id);
CREATE INDEX article_posts_by_thread ON article_posts (thread_id);
CREATE UNIQUE INDEX article_posts_by_question ON article_posts (question_message_id)
    WHERE question_message_id IS NOT NULL;
CREATE INDEX article_posts_open ON article_posts (status, closes_at);

-- Messages of a post: part 1 is the article's first message, 2.. its continuations.
CREATE TABLE article_post_parts (
    post_id    INTEGER NOT NULL REFERENCES article_posts (id) ON DELETE CASCADE,
    part       INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (post_id, part)
) WITHOUT ROWID;

-- Poll mode: the answers, with their vote counts kept in step with poll_votes in the same
-- transaction, so a tally is a primary-key read instead of a GROUP BY.
CREATE TABLE poll_options (
    post_id   INTEGER NOT NULL REFERENCES article_posts (id) ON DELETE CASCADE,
    answer_id INTEGER NOT NULL,
    text      TEXT    NOT NULL,
    votes     INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
    PRIMARY KEY (post_id, answer_id)
) WITHOUT ROWID;

CREATE TABLE poll_votes (
    post_id   INTEGER NOT NULL,
    answer_id INTEGER NOT NULL,
    user_id   INTEGER NOT NULL,
    PRIMARY KEY (post_id, answer_id, user_id),
    FOREIGN KEY (post_id, answer_id) REFERENCES poll_options (post_id, answer_id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Answer mode: members' suggested answers and their upvotes.
CREATE TABLE exit_answers (
    id         INTEGER PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES article_posts (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    message_id INTEGER,
    votes      INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX exit_answers_top ON exit_answers (post_id, votes DESC, id);

CREATE TABLE exit_answer_votes (
    answer_id INTEGER NOT NULL REFERENCES exit_answers (id) ON DELETE CASCADE,
    user_id   INTEGER NOT NULL,
    PRIMARY KEY (answer_id, user_id)
) WITHOUT ROWID;
