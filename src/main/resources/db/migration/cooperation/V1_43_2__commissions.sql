-- S&T commissioners (科技特派员): an expert commissioned by a region to serve an enterprise (served_org_id), a
-- named village (served_name with its region code) or a county (served_region) for a period. served_region is
-- always a region code: the map-ready list groups by the county it lies in.
create table cooperation.commission (
    id              uuid primary key,
    expert_user_id  uuid not null,
    expert_name     text not null,
    expert_org      text not null default '',
    region_code     text not null,
    served_kind     text not null check (served_kind in ('ENTERPRISE', 'VILLAGE', 'COUNTY')),
    served_org_id   uuid,
    served_name     text not null,
    served_region   text not null,
    focus           text not null default '',
    starts_on       date not null,
    ends_on         date not null,
    created_by      text not null,
    created_at      timestamptz not null,
    check (ends_on >= starts_on),
    check ((served_kind = 'ENTERPRISE') = (served_org_id is not null))
);

create index commission_region on cooperation.commission (region_code text_pattern_ops);
create index commission_served_region on cooperation.commission (served_region text_pattern_ops);
create index commission_expert on cooperation.commission (expert_user_id);
create index commission_served_org on cooperation.commission (served_org_id);

-- The commissioner's service log: visits, problems solved, trainings held.
create table cooperation.commission_log (
    id              uuid primary key,
    commission_id   uuid not null references cooperation.commission (id) on delete cascade,
    served_on       date not null,
    kind            text not null check (kind in ('VISIT', 'PROBLEM_SOLVED', 'TRAINING')),
    description     text not null,
    people_trained  int not null default 0 check (people_trained >= 0),
    attachment_url  text not null default '',
    recorded_by     text not null,
    recorded_at     timestamptz not null
);

create index commission_log_commission on cooperation.commission_log (commission_id, served_on desc);

-- The served side rates a commission once (for its whole period): 1 to 5 with a comment.
create table cooperation.commission_rating (
    commission_id  uuid primary key references cooperation.commission (id) on delete cascade,
    stars          int not null check (stars between 1 and 5),
    comment        text not null default '',
    rated_by       text not null,
    rated_org_id   uuid,
    rated_at       timestamptz not null
);
