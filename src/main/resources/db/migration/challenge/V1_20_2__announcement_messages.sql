-- An announcement is shown in the reader's language: kept as the message key of the bundles
-- (challenge.announcement.<message>) and its arguments. text keeps the Chinese wording, and is what the
-- announcements made before this migration show.
alter table challenge.announcement add column message text;
alter table challenge.announcement add column message_args text[] not null default '{}';
