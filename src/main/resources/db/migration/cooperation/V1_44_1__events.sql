-- Forums, roadshows and matchmaking sessions: the event, its organising regions and agenda, the people registered
-- (admitted or waiting), the demands and achievements presented and the follow-ups that came of it.
create table cooperation.event (
    id uuid primary key,
    kind text not null check (kind in ('FORUM', 'ROADSHOW', 'MATCHMAKING')),
    title text not null,
    summary text not null default '',
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    place text not null default '',
    online_link text,
    capacity integer not null check (capacity > 0),
    registration_opens_at timestamptz,
    registration_closes_at timestamptz,
    state text not null check (state in ('DRAFT', 'OPEN', 'CLOSED', 'HELD', 'CANCELLED')),
    created_by text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (ends_at > starts_at)
);
create index event_starts on cooperation.event (starts_at);

create table cooperation.event_organiser (
    event_id uuid not null references cooperation.event (id) on delete cascade,
    region_code text not null,
    position integer not null,
    primary key (event_id, region_code)
);
create index event_organiser_region on cooperation.event_organiser (region_code);

create table cooperation.event_agenda_item (
    event_id uuid not null references cooperation.event (id) on delete cascade,
    position integer not null,
    at_time text not null,
    title text not null,
    speaker text not null default '',
    primary key (event_id, position)
);

-- The order in which registrations obtained the event's row lock: taken while the lock is held.
create sequence cooperation.event_arrival;

create table cooperation.event_registration (
    id uuid primary key,
    event_id uuid not null references cooperation.event (id),
    user_id uuid,
    username text,
    person_name text not null,
    organisation text not null default '',
    contact text not null default '',
    note text not null default '',
    arrival bigint not null,
    state text not null check (state in ('ADMITTED', 'WAITING', 'CANCELLED', 'WALK_IN')),
    registered_at timestamptz not null,
    admitted_at timestamptz,
    cancelled_at timestamptz,
    checked_in_at timestamptz,
    checked_in_by text,
    check ((user_id is null) = (state = 'WALK_IN'))
);
-- one live registration per person and event
create unique index event_registration_person on cooperation.event_registration (event_id, user_id)
    where state in ('ADMITTED', 'WAITING');
create index event_registration_event on cooperation.event_registration (event_id, state, arrival);

create table cooperation.event_item (
    id uuid primary key,
    event_id uuid not null references cooperation.event (id),
    kind text not null check (kind in ('DEMAND', 'ACHIEVEMENT')),
    ref_id uuid not null,
    title text not null,
    owner_name text not null,
    region_code text not null default '',
    note text not null default '',
    added_by text not null,
    added_at timestamptz not null,
    unique (event_id, kind, ref_id)
);

create table cooperation.event_follow_up (
    id uuid primary key,
    event_id uuid not null references cooperation.event (id),
    kind text not null check (kind in ('MATCH', 'ORDER', 'CONTRACT', 'PROJECT')),
    ref_id uuid not null,
    other_id uuid,
    title text not null,
    parties text not null default '',
    value_fen bigint,
    note text not null default '',
    recorded_by text not null,
    recorded_at timestamptz not null
);
create unique index event_follow_up_once on cooperation.event_follow_up
    (event_id, kind, ref_id, coalesce(other_id, '00000000-0000-0000-0000-000000000000'));
