-- Failed sign-ins are counted per typed username and client address together, not per account: a stranger's
-- guesses from one address lock only that address out of that name, never the user signing in from elsewhere
-- (admin included), and a name nobody has is counted and answered exactly as one that exists, so answers do
-- not tell which names exist. The counts live here rather than in an application node's memory, so every node
-- sharing the database counts the same attempts.
create table account.login_failure (
    username        text        not null,
    source          text        not null,
    failures        int         not null,
    locked_until    timestamptz,
    last_failure_at timestamptz not null,
    primary key (username, source)
);
create index login_failure_last_failure_idx on account.login_failure (last_failure_at);

-- the account-wide count and lock they replace
alter table account.user_account drop column failed_logins, drop column locked_until;
