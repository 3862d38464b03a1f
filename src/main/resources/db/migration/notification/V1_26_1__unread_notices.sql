-- Every page's navigation shows how many notices its reader has not read yet, so that count is asked on each
-- page a signed-in user opens: a partial index keeps it to the few unread rows of that user.
create index notice_unread_idx on notification.notice (user_id) where read_at is null;
