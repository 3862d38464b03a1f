-- Funded S&T projects (科技计划项目): funded by one region or jointly by several (each with its amount), optionally
-- under an agreement (agreement_id is kept without a foreign key: agreements are written by another part of the
-- module and a project may name one before it is entered), or arising from a challenge award. region_code is the
-- region that manages the project (its first funder): its admins and those above them create it, accept its
-- milestones and record its landing; the portfolio of a region counts the projects managed in it and below.
create table cooperation.project (
    id                  uuid primary key,
    number              text not null unique,
    title               text not null,
    region_code         text not null,
    agreement_id        uuid,
    challenge_id        uuid,
    lead_org_id         uuid not null,
    lead_name           text not null,
    lead_region         text not null,
    industry_chain      text not null default '',
    summary             text not null default '',
    starts_on           date not null,
    ends_on             date not null,
    stage               text not null check (stage in ('APPROVED', 'IN_PROGRESS', 'ACCEPTED', 'FAILED', 'TERMINATED')),
    stage_remarks       text not null default '',
    created_by          text not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check (ends_on >= starts_on)
);

create index project_region on cooperation.project (region_code text_pattern_ops, stage);
create index project_lead on cooperation.project (lead_org_id);
create unique index project_challenge on cooperation.project (challenge_id, lead_org_id) where challenge_id is not null;

-- Who pays how much: one row per funding region.
create table cooperation.project_funder (
    project_id   uuid not null references cooperation.project (id) on delete cascade,
    region_code  text not null,
    amount_fen   bigint not null check (amount_fen >= 0),
    primary key (project_id, region_code)
);

create index project_funder_region on cooperation.project_funder (region_code text_pattern_ops);

-- Partner organisations (across regions), their names and regions copied when added.
create table cooperation.project_partner (
    project_id   uuid not null references cooperation.project (id) on delete cascade,
    org_id       uuid not null,
    name         text not null,
    region_code  text not null,
    primary key (project_id, org_id)
);

create index project_partner_org on cooperation.project_partner (org_id);

-- Milestones with their deliverables and acceptance (验收). flagged_at is set once, by whichever node's sweep
-- claims the overdue milestone first (UPDATE ... WHERE flagged_at IS NULL RETURNING).
create table cooperation.project_milestone (
    id              uuid primary key,
    project_id      uuid not null references cooperation.project (id) on delete cascade,
    title           text not null,
    deliverables    text not null default '',
    due_on          date not null,
    state           text not null check (state in ('PLANNED', 'DELIVERED', 'ACCEPTED', 'REJECTED')),
    delivery_note   text not null default '',
    delivered_by    text,
    delivered_at    timestamptz,
    decided_by      text,
    decided_at      timestamptz,
    remarks         text not null default '',
    flagged_at      timestamptz,
    created_at      timestamptz not null
);

create index project_milestone_project on cooperation.project_milestone (project_id, due_on);
create index project_milestone_due on cooperation.project_milestone (due_on) where flagged_at is null and state in ('PLANNED', 'REJECTED');

-- Outcomes: patents, achievements in the catalog (by entry id), contracts (by id), products, revenue, jobs.
create table cooperation.project_outcome (
    id                uuid primary key,
    project_id        uuid not null references cooperation.project (id) on delete cascade,
    kind              text not null check (kind in ('PATENT', 'ACHIEVEMENT', 'CONTRACT', 'PRODUCT', 'REVENUE', 'JOBS')),
    title             text not null,
    catalog_entry_id  uuid,
    contract_id       uuid,
    amount_fen        bigint check (amount_fen >= 0),
    quantity          int check (quantity >= 0),
    recorded_by       text not null,
    recorded_at       timestamptz not null,
    check (kind <> 'ACHIEVEMENT' or catalog_entry_id is not null),
    check (kind <> 'CONTRACT' or contract_id is not null),
    check (kind <> 'REVENUE' or amount_fen is not null),
    check (kind <> 'JOBS' or quantity is not null)
);

create index project_outcome_project on cooperation.project_outcome (project_id, recorded_at);

-- Landing (落地): an enterprise in the target region took the project's achievement up, and how.
create table cooperation.project_landing (
    id             uuid primary key,
    project_id     uuid not null references cooperation.project (id) on delete cascade,
    enterprise_id  uuid not null,
    enterprise     text not null,
    region_code    text not null,
    mode           text not null check (mode in ('LICENCE', 'NEW_COMPANY', 'INCUBATED')),
    incubator      text not null default '',
    landed_on      date not null,
    note           text not null default '',
    recorded_by    text not null,
    recorded_at    timestamptz not null,
    check (mode <> 'INCUBATED' or incubator <> '')
);

create index project_landing_project on cooperation.project_landing (project_id);

create sequence cooperation.project_number_seq;
