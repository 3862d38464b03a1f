-- A notice keeps the bundle key and the values of its wording, so that it is shown in the reader's language
-- (English readers no longer get Chinese). Title and body stay as written in Chinese when the notice was sent:
-- what the e-mail said, and the text of notices from before this change.
alter table notification.notice add column message text;
alter table notification.notice add column message_args text[] not null default '{}';
