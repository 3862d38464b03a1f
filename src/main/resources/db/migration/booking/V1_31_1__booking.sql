-- Instrument booking: each instrument's booking rules (kept by its owner), closures, training records,
-- reservations, samples sent in and the waiting list. Two live reservations of one instrument never overlap:
-- the exclusion constraint on (instrument, period) decides, whatever races in the application.
create extension if not exists btree_gist;
create schema if not exists booking;

-- Chinese public holidays (HOLIDAY) and make-up working days on weekends (WORKDAY, 调休), per year; loaded
-- from the shipped data file and extended by the platform admin for later years.
create table booking.calendar_day (
    day     date primary key,
    kind    text not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name    text not null default '',
    source  text not null default 'FILE' check (source in ('FILE', 'ADMIN'))
);

create table booking.rules (
    instrument_id      uuid primary key,
    owner_org_id       uuid        not null,
    open_from          time        not null,
    open_until         time        not null,          -- 00:00 means midnight at the end of the day
    open_days          int[]       not null,          -- ISO days of week, 1 = Monday
    working_days_only  boolean     not null,          -- follow China's working-day calendar (holidays, 调休)
    slot_minutes       int         not null check (slot_minutes between 5 and 1440),
    min_minutes        int         not null check (min_minutes > 0),
    max_minutes        int         not null check (max_minutes >= min_minutes),
    horizon_days       int         not null check (horizon_days between 1 and 366),
    approval           boolean     not null,
    training_required  boolean     not null,
    cancel_hours       int         not null check (cancel_hours >= 0),
    mode               text        not null check (mode in ('SELF', 'STAFF', 'SAMPLE')),
    updated_at         timestamptz not null,
    updated_by         text        not null,
    version            bigint      not null default 0
);

create table booking.closure (
    id             uuid primary key,
    instrument_id  uuid        not null,
    period         tstzrange   not null check (not isempty(period)),
    reason         text        not null,
    created_at     timestamptz not null,
    created_by     text        not null
);
create index closure_instrument_idx on booking.closure using gist (instrument_id, period);

create table booking.training (
    id             uuid primary key,
    instrument_id  uuid        not null,
    user_id        uuid        not null,
    username       text        not null,
    display_name   text        not null,
    trained_on     date        not null,
    expires_on     date        not null check (expires_on >= trained_on),
    trainer        text        not null default '',
    note           text        not null default '',
    revoked_at     timestamptz,
    created_at     timestamptz not null,
    created_by     text        not null
);
create index training_user_idx on booking.training (instrument_id, user_id);

create sequence booking.booking_number;

create table booking.reservation (
    id                uuid primary key,
    number            text        not null unique,
    instrument_id     uuid        not null,
    instrument_title  text        not null,
    owner_org_id      uuid        not null,
    owner_org_name    text        not null,
    owner_region      varchar(6)  not null,
    booker_user_id    uuid        not null,
    booker_username   text        not null,
    booker_name       text        not null,
    booker_org_id     uuid        not null,
    booker_org_name   text        not null,
    booker_region     varchar(6)  not null,
    external          boolean     not null,          -- the booker is another organisation than the owner
    period            tstzrange   not null check (not isempty(period) and lower(period) is not null and upper(period) is not null),
    state             text        not null check (state in ('REQUESTED', 'APPROVED', 'REJECTED', 'CHECKED_IN', 'USED',
                                                            'BILLED', 'CANCELLED', 'NO_SHOW')),
    mode              text        not null,
    purpose           text        not null default '',
    grant_id          uuid,
    series_id         uuid,                          -- the recurring request it belongs to
    unit              text        not null check (unit in ('HOUR', 'SAMPLE', 'RUN')),
    unit_price        bigint,                        -- fen per unit, by the booker's price group
    quantity          numeric(12,2),                 -- hours, samples or runs used
    fee               bigint,                        -- fen: unit price × quantity
    order_id          uuid,                          -- the service order the fee is paid through
    actual_start      timestamptz,
    actual_end        timestamptz,
    reason            text,                          -- why rejected or cancelled
    decided_by        text,
    checked_in_at     timestamptz,
    reminded_at       timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    constraint reservation_no_overlap exclude using gist (instrument_id with =, period with &&)
        where (state in ('REQUESTED', 'APPROVED', 'CHECKED_IN', 'USED', 'BILLED'))
);
create index reservation_booker_idx on booking.reservation (booker_user_id, lower(period));
create index reservation_owner_idx on booking.reservation (owner_org_id, state);
create index reservation_region_idx on booking.reservation (owner_region varchar_pattern_ops, lower(period));
create index reservation_series_idx on booking.reservation (series_id) where series_id is not null;

-- A sample sent in for a booking of mode SAMPLE: its tracking number, when the owner received it, when and how
-- it went back.
create table booking.sample (
    reservation_id   uuid primary key references booking.reservation (id),
    description      text        not null default '',
    count            int         not null default 1 check (count > 0),
    tracking_number  text        not null default '',
    sent_at          timestamptz,
    received_at      timestamptz,
    received_by      text,
    returned_at      timestamptz,
    return_tracking  text        not null default '',
    note             text        not null default ''
);

-- Who waits for a taken time: when it frees, the first in line is offered it until offer_expires_at, then the next.
create table booking.waiting (
    id                uuid primary key,
    instrument_id     uuid        not null,
    period            tstzrange   not null,
    user_id           uuid        not null,
    username          text        not null,
    org_id            uuid        not null,
    purpose           text        not null default '',
    state             text        not null check (state in ('WAITING', 'OFFERED', 'TAKEN', 'LAPSED', 'WITHDRAWN')),
    offered_at        timestamptz,
    offer_expires_at  timestamptz,
    reservation_id    uuid,
    created_at        timestamptz not null
);
create index waiting_instrument_idx on booking.waiting using gist (instrument_id, period) where state in ('WAITING', 'OFFERED');
create index waiting_offer_idx on booking.waiting (offer_expires_at) where state = 'OFFERED';
