-- What the platform tells its users: in the application (read or not) and by e-mail when a mail server is
-- configured. A notice with a key is sent at most once: the key names what it is about (a demand and an
-- entry, say), so that the same pair is never announced twice.
create schema if not exists notification;

create table notification.notice (
    id          uuid          primary key,
    user_id     uuid          not null,
    kind        text          not null,
    title       text          not null,
    body        text          not null,
    link        text          not null default '',
    created_at  timestamptz   not null,
    read_at     timestamptz,
    emailed     boolean       not null default false
);
create index notice_user_idx on notification.notice (user_id, created_at desc);

create table notification.sent_key (
    key      text          primary key,
    sent_at  timestamptz   not null
);
