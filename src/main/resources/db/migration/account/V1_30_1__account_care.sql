-- Account care: links to choose a new password sent by e-mail, and the user agreement and privacy policy each
-- user accepted when registering.

-- Only a SHA-256 of the link's token is kept: a copy of this table lets nobody reset a password. A link works
-- once (used_at) and until expires_at.
create table account.password_reset (
    token_hash  varchar(64) primary key,
    user_id     uuid        not null references account.user_account (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz
);
create index password_reset_user_idx on account.password_reset (user_id);

-- Which version of which document a user accepted, when, and from which address.
create table account.consent (
    user_id         uuid        not null references account.user_account (id) on delete cascade,
    document        text        not null check (document in ('TERMS', 'PRIVACY')),
    version         text        not null,
    accepted_at     timestamptz not null,
    client_address  text,
    primary key (user_id, document, version)
);
