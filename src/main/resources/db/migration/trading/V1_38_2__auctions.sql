-- Live patent auctions (English, ascending). An organiser (platform or region admin) runs a session of lots;
-- verified organisations register for a lot and the organiser records their deposits; bids on one lot are
-- serialised by the lot's row lock, so there is exactly one leading bid whatever the number of nodes.
create table trading.auction_session (
    id                      uuid primary key,
    title                   text        not null,
    region_code             text        not null,      -- the organiser's region ('000000' for the platform)
    organiser_id            uuid        not null,
    place                   text        not null default '',
    online_url              text        not null default '',
    description             text        not null default '',
    buyer_commission_bp     int         not null default 500 check (buyer_commission_bp between 0 and 5000),
    seller_commission_bp    int         not null default 300 check (seller_commission_bp between 0 and 5000),
    published_at            timestamptz,
    created_at              timestamptz not null
);

create table trading.lot (
    id                  uuid primary key,
    session_id          uuid        not null references trading.auction_session (id),
    lot_no              int         not null,
    title               text        not null,
    description         text        not null default '',
    listing_id          uuid,
    achievement_id      uuid,
    patent_numbers      text        not null default '',
    seller_org_id       uuid        not null,
    seller_region       text        not null,
    starting_fen        bigint      not null check (starting_fen > 0),
    increment_fen       bigint      not null check (increment_fen > 0),
    reserve_fen         bigint      check (reserve_fen > 0),
    deposit_fen         bigint      not null default 0 check (deposit_fen >= 0),
    starts_at           timestamptz not null,
    scheduled_close     timestamptz not null,
    closes_at           timestamptz not null,          -- moved later by bids in the last minutes
    extend_window_s     int         not null check (extend_window_s >= 0),
    extend_by_s         int         not null check (extend_by_s >= 0),
    state               text        not null default 'OPEN' check (state in ('OPEN', 'SOLD', 'UNSOLD', 'WITHDRAWN')),
    leading_fen         bigint,
    leader_org_id       uuid,
    leader_max_fen      bigint,                         -- the leader's proxy maximum: never shown before close
    leader_no           int,                            -- the leader's pseudonym number on this lot
    step_count          int         not null default 0,
    bid_count           int         not null default 0,
    hammer_fen          bigint,
    buyer_commission_fen  bigint,
    seller_commission_fen bigint,
    closed_at           timestamptz,
    created_at          timestamptz not null,
    unique (session_id, lot_no),
    check (closes_at > starts_at),
    check ((leading_fen is null) = (leader_org_id is null))
);
create index lot_open_closing on trading.lot (closes_at) where state = 'OPEN';
create index lot_session on trading.lot (session_id, lot_no);

create table trading.registration (
    lot_id              uuid        not null references trading.lot (id),
    org_id              uuid        not null,
    user_id             uuid        not null,
    pseudonym_no        int         not null,           -- 1 → 竞买人 A, 2 → B, ...
    deposit_fen         bigint,
    deposit_reference   text        not null default '',
    deposit_recorded_by uuid,
    deposit_recorded_at timestamptz,
    registered_at       timestamptz not null,
    primary key (lot_id, org_id),
    unique (lot_id, pseudonym_no)
);
create index registration_org on trading.registration (org_id);

-- What bidders submitted, in the order PostgreSQL serialised them: a bid of an amount or a proxy maximum.
create table trading.bid (
    lot_id      uuid        not null references trading.lot (id),
    seq         int         not null,
    org_id      uuid        not null,
    user_id     uuid        not null,
    kind        text        not null check (kind in ('AMOUNT', 'MAX')),
    amount_fen  bigint      not null check (amount_fen > 0),
    placed_at   timestamptz not null,
    primary key (lot_id, seq)
);
create index bid_org on trading.bid (org_id, placed_at desc);

-- The price history the lot page shows: each step a new leading amount, strictly increasing, placed by a
-- bidder or by the platform for a bidder's proxy maximum.
create table trading.price_step (
    lot_id      uuid        not null references trading.lot (id),
    seq         int         not null,
    org_id      uuid        not null,
    amount_fen  bigint      not null,
    auto        boolean     not null,
    bid_seq     int         not null,
    at          timestamptz not null,
    primary key (lot_id, seq)
);

-- Bids and price steps are never changed or removed.
create function trading.immutable() returns trigger language plpgsql as $$
begin
    raise exception 'trading.% rows are immutable', tg_table_name;
end $$;
create trigger bid_immutable before update or delete on trading.bid
    for each row execute function trading.immutable();
create trigger price_step_immutable before update or delete on trading.price_step
    for each row execute function trading.immutable();

-- Each price step is higher than the one before it.
create function trading.price_step_rises() returns trigger language plpgsql as $$
begin
    if exists (select 1 from trading.price_step p
               where p.lot_id = new.lot_id and p.seq = new.seq - 1 and p.amount_fen >= new.amount_fen) then
        raise exception 'price step % of lot % does not rise', new.seq, new.lot_id;
    end if;
    return new;
end $$;
create trigger price_step_rises before insert on trading.price_step
    for each row execute function trading.price_step_rises();
