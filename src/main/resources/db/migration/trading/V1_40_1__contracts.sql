-- Technology contracts (技术合同): the deal a won lot, an accepted offer, a challenge award, a demand's match or two
-- parties by hand end in. The parties' names and regions are copied at the time the contract is drafted, because
-- a contract's statistics belong to where the parties were when it was made, not where they moved later.
-- A contract comes from one origin at most once (origin_key unique): events may be delivered twice.
create table trading.contract (
    id                  uuid primary key,
    number              text not null unique,
    title               text not null,
    type                text not null check (type in ('DEVELOPMENT', 'TRANSFER', 'LICENCE', 'CONSULTING', 'SERVICE')),
    seller_org_id       uuid not null,
    seller_name         text not null,
    seller_region       text not null,
    buyer_org_id        uuid not null,
    buyer_name          text not null,
    buyer_region        text not null,
    value_fen           bigint not null check (value_fen > 0),
    broker_user_id      uuid,
    broker_name         text,
    commission_fen      bigint not null default 0 check (commission_fen >= 0),
    state               text not null check (state in ('DRAFT', 'SIGNED', 'REGISTERED', 'IN_PERFORMANCE', 'COMPLETED', 'TERMINATED')),
    seller_signed_by    text,
    seller_signed_at    timestamptz,
    buyer_signed_by     text,
    buyer_signed_at     timestamptz,
    signed_at           timestamptz,
    registration_number text unique,
    registered_by       text,
    registered_at       timestamptz,
    -- the month of registration in China time, which the statistics count by
    registered_month    date,
    started_at          timestamptz,
    completed_at        timestamptz,
    terminated_at       timestamptz,
    termination_reason  text,
    origin_kind         text not null check (origin_kind in ('MANUAL', 'LOT', 'OFFER', 'CHALLENGE', 'DEMAND_MATCH')),
    origin_id           uuid,
    origin_key          text unique,
    created_by          text not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check (seller_org_id <> buyer_org_id),
    check (commission_fen = 0 or broker_user_id is not null)
);

create index contract_seller on trading.contract (seller_org_id, created_at desc);
create index contract_buyer on trading.contract (buyer_org_id, created_at desc);
create index contract_seller_region on trading.contract (seller_region text_pattern_ops, state, signed_at);
create index contract_buyer_region on trading.contract (buyer_region text_pattern_ops);

-- Contract value per region pair and month (ContractFigures.flows): an index-only scan over the registered contracts.
create index contract_flows on trading.contract (registered_month, seller_region, buyer_region) include (value_fen)
    where state in ('REGISTERED', 'IN_PERFORMANCE', 'COMPLETED');

-- The payment schedule: instalments that sum to the contract's value (checked in PaymentSchedule).
create table trading.contract_instalment (
    contract_id uuid not null references trading.contract (id) on delete cascade,
    seq         int not null,
    due_on      date not null,
    amount_fen  bigint not null check (amount_fen > 0),
    paid_at     timestamptz,
    primary key (contract_id, seq)
);

-- Registration numbers (登记号) count per region and year: region code + year + six digits. The row lock of
-- "insert ... on conflict do update" hands out each number once, whichever node asks.
create table trading.contract_registration_sequence (
    region_code text not null,
    year        int not null,
    last        int not null,
    primary key (region_code, year)
);

create sequence trading.contract_number_seq;

-- Technology brokers (技术经纪人): experts of the pool whose qualification a region admin recorded.
create table trading.broker (
    user_id        uuid primary key,
    display_name   text not null,
    region_code    text not null,
    certificate    text not null,
    registered_by  text not null,
    registered_at  timestamptz not null
);
