-- Users, their roles, failed-login lockout and API tokens.
create schema if not exists account;

create table account.user_account (
    id               uuid        primary key,
    username         text        not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    password_hash    text        not null,
    display_name     text        not null,
    email            text        not null,
    phone            text        not null default '',
    organisation_id  uuid,
    region_code      varchar(6)     not null,
    enabled          boolean     not null default true,
    failed_logins    int         not null default 0,
    locked_until     timestamptz,
    last_login_at    timestamptz,
    created_at       timestamptz not null,
    version          bigint      not null default 0
);
create index user_account_organisation_idx on account.user_account (organisation_id);

create table account.user_role (
    user_id uuid not null references account.user_account (id) on delete cascade,
    role    text not null check (role in ('ENTERPRISE', 'PROVIDER', 'EXPERT', 'REGION_ADMIN', 'PLATFORM_ADMIN')),
    primary key (user_id, role)
);

-- Only a SHA-256 of a token is stored: a copy of this table gives nobody access.
create table account.api_token (
    token_hash  varchar(64)    primary key,
    user_id     uuid        not null references account.user_account (id) on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index api_token_user_idx on account.api_token (user_id);
