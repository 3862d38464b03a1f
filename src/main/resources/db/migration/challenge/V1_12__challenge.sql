-- 揭榜挂帅 challenges: a publisher (region admin or enterprise) states a problem with measurable targets and a
-- bounty; eligible teams apply before the (extensible) deadline; an expert panel scores the applications
-- against a rubric, blind to one another and never an application of its own organisation; the award is
-- published for a notice period (公示) before it is final; milestones record deliverables, acceptance and
-- payments. Amounts in fen.
create schema if not exists challenge;

create table challenge.challenge (
    id                  uuid          primary key,
    number              text          not null unique,
    title               text          not null check (length(title) between 4 and 200),
    problem             text          not null check (length(problem) between 10 and 10000),
    targets             jsonb         not null default '[]',
    bounty              bigint        not null check (bounty > 0),
    eligible_regions    text[]        not null default '{}',
    eligible_zones      text[]        not null default '{}',
    eligible_org_types  text[]        not null default '{}',
    deadline            timestamptz   not null,
    notice_days         int           not null default 7 check (notice_days between 0 and 60),
    state               text          not null check (state in ('DRAFT', 'OPEN', 'REVIEW', 'NOTICE', 'CLOSED')),
    publisher_org_id    uuid,
    publisher_name      text          not null,
    region_code         varchar(6)    not null,
    posted_by           text          not null,
    created_at          timestamptz   not null,
    opened_at           timestamptz,
    decided_at          timestamptz,
    notice_ends_at      timestamptz,
    decision            text          not null default ''
);
create index challenge_region_idx on challenge.challenge (region_code varchar_pattern_ops);
create sequence challenge.challenge_number;

create table challenge.announcement (
    id            bigint        generated always as identity primary key,
    challenge_id  uuid          not null references challenge.challenge (id),
    text          text          not null,
    at            timestamptz   not null
);
create index announcement_challenge_idx on challenge.announcement (challenge_id);

create table challenge.application (
    id                uuid          primary key,
    challenge_id      uuid          not null references challenge.challenge (id),
    applicant_org_id  uuid          not null,
    applicant_name    text          not null,
    applicant_region  varchar(6)    not null,
    team              text          not null,
    proposal          text          not null check (length(proposal) between 10 and 20000),
    attachment_name   text,
    attachment        bytea,
    submitted_by      text          not null,
    submitted_at      timestamptz   not null,
    awarded_amount    bigint        check (awarded_amount > 0),
    unique (challenge_id, applicant_org_id)
);

create table challenge.panellist (
    challenge_id     uuid        not null references challenge.challenge (id),
    user_id          uuid        not null,
    username         text        not null,
    display_name     text        not null,
    organisation_id  uuid,
    primary key (challenge_id, user_id)
);

-- one panellist's scores of one application: per rubric criterion 0–100, and the weighted total
create table challenge.review (
    application_id  uuid          not null references challenge.application (id),
    challenge_id    uuid          not null references challenge.challenge (id),
    user_id         uuid          not null,
    scores          jsonb         not null,
    total           numeric(5,2)  not null check (total between 0 and 100),
    comment         text          not null default '',
    at              timestamptz   not null,
    primary key (application_id, user_id)
);

create table challenge.milestone (
    id              uuid          primary key,
    challenge_id    uuid          not null references challenge.challenge (id),
    application_id  uuid          not null references challenge.application (id),
    title           text          not null,
    due_on          date          not null,
    payment         bigint        not null check (payment >= 0),
    state           text          not null check (state in ('PLANNED', 'DELIVERED', 'ACCEPTED')),
    deliverable     text          not null default '',
    delivered_at    timestamptz,
    accepted_at     timestamptz,
    paid_at         timestamptz,
    payment_reference text        not null default ''
);
create index milestone_application_idx on challenge.milestone (application_id);
