-- A discussion whose thread was deleted in Discord (a moderator removed the thread or the forum post,
-- or the bot met 404 Unknown Channel for it): the post is 'abandoned' (nothing is there any more, so
-- it is nobody's latest discussion, takes no updates and may be posted again) and stamped here, so
-- /article list and /article post can say that the earlier discussion was deleted.
ALTER TABLE article_posts ADD COLUMN removed_at TEXT;
