-- The expert pool and panel invitations. Experts are the accounts with the EXPERT role; each may keep a
-- profile here — title, discipline, keywords, and the organisations it works for part-time or collaborates with
-- (affiliations, by name), which make an application of such an organisation a conflict of interest as its own
-- organisation's is. A publisher invites experts to a challenge's panel with a date the review is due; an
-- expert accepts (and then joins challenge.panellist, so only accepted experts score) or declines with a reason,
-- declaring a conflict of interest if that is why.
create table challenge.expert_profile (
    user_id       uuid          primary key,
    title         text          not null default '' check (length(title) <= 100),
    discipline    text          not null default '' check (length(discipline) <= 200),
    keywords      text          not null default '' check (length(keywords) <= 500),
    affiliations  text[]        not null default '{}',
    updated_at    timestamptz   not null
);

create table challenge.invitation (
    challenge_id     uuid          not null references challenge.challenge (id),
    user_id          uuid          not null,
    username         text          not null,
    display_name     text          not null,
    organisation_id  uuid,
    state            text          not null check (state in ('INVITED', 'ACCEPTED', 'DECLINED')),
    review_due       timestamptz   not null,
    conflict         boolean       not null default false,
    reason           text          not null default '' check (length(reason) <= 500),
    invited_by       text          not null,
    invited_at       timestamptz   not null,
    answered_at      timestamptz,
    primary key (challenge_id, user_id)
);
create index invitation_user_idx on challenge.invitation (user_id);
