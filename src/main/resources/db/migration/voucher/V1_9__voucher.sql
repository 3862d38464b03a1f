-- Innovation vouchers (科技创新券): schemes run by a region, enterprises' applications and grants, and the
-- service orders vouchers pay part of. Money itself lives in the ledger; amounts here are in fen.
create schema if not exists voucher;

create table voucher.scheme (
    id                 uuid          primary key,
    region_code        varchar(6)    not null check (region_code ~ '^[1-9][0-9]{5}$'),
    name               text          not null check (length(name) between 2 and 200),
    description        text          not null default '',
    budget             bigint        not null check (budget > 0),
    subsidy_ratio      numeric(4,3)  not null check (subsidy_ratio > 0 and subsidy_ratio <= 1),
    cap_per_enterprise bigint        not null check (cap_per_enterprise > 0),
    service_kinds      text[]        not null default '{}',
    accepted_zone      text,
    qualifications     text[]        not null default '{}',
    opens_on           date          not null,
    closes_on          date          not null,
    valid_until        date          not null,
    created_at         timestamptz   not null,
    created_by         text          not null,
    version            bigint        not null default 0,
    check (opens_on <= closes_on and closes_on <= valid_until)
);
create index scheme_region_idx on voucher.scheme (region_code varchar_pattern_ops);

create table voucher.application (
    id                 uuid          primary key,
    scheme_id          uuid          not null references voucher.scheme (id),
    enterprise_org_id  uuid          not null,
    enterprise_name    text          not null,
    enterprise_region  varchar(6)    not null,
    amount             bigint        not null check (amount > 0),
    purpose            text          not null,
    state              text          not null check (state in ('PENDING', 'APPROVED', 'REJECTED')),
    approved_amount    bigint        check (approved_amount > 0),
    reason             text,
    applied_at         timestamptz   not null,
    decided_at         timestamptz,
    decided_by         text
);
create index application_scheme_idx on voucher.application (scheme_id, state);
create index application_enterprise_idx on voucher.application (enterprise_org_id);

-- what an approval granted; the scheme's rules as they were then travel with the grant, so that editing a
-- live scheme never changes what was granted
create table voucher.grant_ (
    id                 uuid          primary key,
    scheme_id          uuid          not null references voucher.scheme (id),
    application_id     uuid          not null unique references voucher.application (id),
    enterprise_org_id  uuid          not null,
    enterprise_name    text          not null,
    region_code        varchar(6)    not null,
    amount             bigint        not null check (amount > 0),
    grant_year         int           not null,
    subsidy_ratio      numeric(4,3)  not null,
    service_kinds      text[]        not null,
    accepted_zone      text,
    valid_until        date          not null,
    state              text          not null check (state in ('ACTIVE', 'LAPSED')),
    granted_at         timestamptz   not null,
    lapsed_at          timestamptz
);
create index grant_enterprise_idx on voucher.grant_ (enterprise_org_id);
create index grant_scheme_year_idx on voucher.grant_ (scheme_id, enterprise_org_id, grant_year);
create index grant_validity_idx on voucher.grant_ (valid_until) where state = 'ACTIVE';

create table voucher.service_order (
    id                 uuid          primary key,
    number             text          not null unique,
    enterprise_org_id  uuid          not null,
    enterprise_name    text          not null,
    enterprise_region  varchar(6)    not null,
    provider_org_id    uuid          not null,
    provider_name      text          not null,
    provider_region    varchar(6)    not null,
    service_id         uuid,
    service_title      text          not null,
    service_kind       text          not null default '',
    list_price         bigint,
    description        text          not null,
    state              text          not null check (state in ('REQUESTED', 'QUOTED', 'ACCEPTED', 'DELIVERED',
                                                               'CONFIRMED', 'CANCELLED', 'DISPUTED')),
    quote              bigint        check (quote > 0),
    grant_id           uuid          references voucher.grant_ (id),
    voucher_amount     bigint        not null default 0 check (voucher_amount >= 0),
    issuer_region      varchar(6),
    accept_key         text,
    report_name        text,
    report_content     bytea,
    report_note        text,
    cancel_reason      text,
    cancelled_by       text,
    dispute_reason     text,
    flags              text[]        not null default '{}',
    created_at         timestamptz   not null,
    quoted_at          timestamptz,
    accepted_at        timestamptz,
    hold_expires_at    timestamptz,
    delivered_at       timestamptz,
    confirmed_at       timestamptz,
    cancelled_at       timestamptz,
    updated_at         timestamptz   not null,
    check (voucher_amount = 0 or grant_id is not null),
    check (quote is null or voucher_amount <= quote)
);
create index order_enterprise_idx on voucher.service_order (enterprise_org_id, created_at desc);
create index order_provider_idx on voucher.service_order (provider_org_id, created_at desc);
create index order_region_idx on voucher.service_order (provider_region varchar_pattern_ops);
create index order_hold_expiry_idx on voucher.service_order (hold_expires_at) where state = 'ACCEPTED';
create sequence voucher.order_number;

-- a settlement run: per period, what each issuing region owes each provider (from posted voucher money)
create table voucher.settlement_run (
    id           uuid          primary key,
    period       text          not null unique check (period ~ '^[0-9]{4}-[0-9]{2}$'),
    started_at   timestamptz   not null,
    created_by   text          not null
);

create table voucher.settlement_line (
    run_id           uuid        not null references voucher.settlement_run (id),
    issuer_region    varchar(6)  not null,
    provider_org_id  uuid        not null,
    provider_name    text        not null,
    provider_region  varchar(6)  not null,
    amount           bigint      not null check (amount > 0),
    orders           int         not null,
    primary key (run_id, issuer_region, provider_org_id)
);
