-- Agreements between regions (合作协议, 框架协议, 会商纪要): their parties, the signed text, the areas of cooperation
-- with the live figures each measures, the tasks under each area and their progress reports. Overdue tasks are
-- flagged once: overdue_flagged_at is claimed by an UPDATE ... WHERE overdue_flagged_at IS NULL, so several nodes
-- sweeping at once flag each task once.
create table cooperation.agreement (
    id           uuid primary key,
    kind         text        not null,
    title        text        not null,
    signed_on    date,
    signed_place text        not null default '',
    term_start   date,
    term_end     date,
    summary      text        not null default '',
    text_name    text,
    text_type    text,
    text_content bytea,
    created_by   text        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

-- a party is a region (and all below it), optionally with the organisation that signed for it
create table cooperation.agreement_party (
    agreement_id  uuid    not null references cooperation.agreement (id),
    seq           integer not null,
    region_code   text    not null,
    -- the region code's significant prefix, so that "a region within the party" is a LIKE in SQL
    region_prefix text    not null,
    signatory     text    not null default '',
    primary key (agreement_id, seq)
);
create index agreement_party_region on cooperation.agreement_party (region_prefix text_pattern_ops);

create table cooperation.agreement_area (
    id           uuid primary key,
    agreement_id uuid    not null references cooperation.agreement (id),
    seq          integer not null,
    template     text,
    name         text    not null,
    figures      text[]  not null default '{}'
);
create index agreement_area_agreement on cooperation.agreement_area (agreement_id, seq);

create table cooperation.agreement_task (
    id                 uuid primary key,
    agreement_id       uuid        not null references cooperation.agreement (id),
    area_id            uuid        not null references cooperation.agreement_area (id),
    title              text        not null,
    owner_org_id       uuid        not null,
    owner_org_name     text        not null,
    owner_region       text        not null,
    due_on             date        not null,
    state              text        not null,
    progress_percent   integer,
    progress_stage     text,
    overdue_flagged_at timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index agreement_task_agreement on cooperation.agreement_task (agreement_id, area_id);
create index agreement_task_owner on cooperation.agreement_task (owner_org_id);
create index agreement_task_overdue on cooperation.agreement_task (due_on)
    where overdue_flagged_at is null and state in ('PLANNED', 'IN_PROGRESS');

create table cooperation.agreement_task_report (
    id            uuid primary key,
    task_id       uuid        not null references cooperation.agreement_task (id),
    agreement_id  uuid        not null references cooperation.agreement (id),
    text          text        not null,
    percent       integer,
    stage         text,
    state         text        not null,
    reported_by   text        not null,
    reporter_name text        not null,
    reporter_org  text        not null default '',
    reported_at   timestamptz not null
);
create index agreement_task_report_task on cooperation.agreement_task_report (task_id, reported_at);

-- files attached to a progress report, kept in the database with it as a challenge's documents are
create table cooperation.agreement_task_file (
    id           uuid primary key,
    report_id    uuid    not null references cooperation.agreement_task_report (id),
    agreement_id uuid    not null references cooperation.agreement (id),
    name         text    not null,
    content_type text    not null,
    size         integer not null,
    content      bytea   not null
);
create index agreement_task_file_report on cooperation.agreement_task_file (report_id);
