-- Organisations: enterprises, universities, institutes, testing agencies, ... and their verification.
create schema if not exists organisation;

create table organisation.organisation (
    id                uuid        primary key,
    name              text        not null check (length(name) between 2 and 200),
    type              text        not null,
    region_code       varchar(6)     not null,
    credit_code       varchar(18)    not null unique,
    status            text        not null check (status in ('PENDING', 'IN_NOTICE', 'VERIFIED', 'REJECTED')),
    rejection_reason  text,
    notice_ends_at    timestamptz,
    contact_name      text        not null,
    contact_phone     text        not null,
    contact_email     text        not null,
    address           text        not null default '',
    introduction      text        not null default '',
    registered_at     timestamptz not null,
    reviewed_at       timestamptz,
    reviewed_by       text,
    version           bigint      not null default 0
);
create index organisation_region_idx on organisation.organisation (region_code varchar_pattern_ops);
create index organisation_status_idx on organisation.organisation (status);

create table organisation.organisation_qualification (
    organisation_id uuid not null references organisation.organisation (id) on delete cascade,
    qualification   text not null,
    primary key (organisation_id, qualification)
);
