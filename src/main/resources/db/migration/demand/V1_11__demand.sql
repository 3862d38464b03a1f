-- Technology demands (技术需求) posted by enterprises, or by a region admin for a local industry chain, and
-- what people said about the entries suggested for them. Amounts in fen.
create schema if not exists demand;

create table demand.demand (
    id              uuid          primary key,
    number          text          not null unique,
    title           text          not null check (length(title) between 4 and 200),
    description     text          not null check (length(description) between 10 and 5000),
    field           text          not null default '',
    keywords        text[]        not null default '{}',
    budget          bigint        check (budget > 0),
    deadline        date,
    modes           text[]        not null default '{}',
    visibility      text          not null check (visibility in ('PUBLIC', 'ZONE', 'REGION')),
    zone_code       text,
    hide_name       boolean       not null default false,
    state           text          not null check (state in ('DRAFT', 'OPEN', 'IN_TALKS', 'SOLVED', 'CLOSED')),
    owner_org_id    uuid,
    owner_org_name  text          not null,
    region_code     varchar(6)    not null check (region_code ~ '^[1-9][0-9]{5}$'),
    industry_chain  text          not null default '',
    posted_by       text          not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    opened_at       timestamptz,
    check (visibility <> 'ZONE' or zone_code is not null)
);
create index demand_region_idx on demand.demand (region_code varchar_pattern_ops);
create index demand_owner_idx on demand.demand (owner_org_id);
create index demand_state_idx on demand.demand (state);
create sequence demand.demand_number;

-- a person's verdict on one suggestion for one demand; the latest verdict counts
create table demand.feedback (
    demand_id   uuid        not null references demand.demand (id),
    entry_id    uuid        not null,
    entry_type  text        not null,
    useful      boolean     not null,
    reason      text        check (reason in ('TOO_EARLY', 'BENEFIT_UNCLEAR', 'PRICE', 'REGION', 'OTHER')),
    note        text        not null default '',
    by_user     text        not null,
    at          timestamptz not null,
    primary key (demand_id, entry_id, by_user),
    check (useful or reason is not null)
);
create index feedback_entry_idx on demand.feedback (entry_id);
