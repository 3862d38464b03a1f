-- Bulk imports of catalog entries from Excel or CSV, run in the background; the page and the API follow
-- their progress and read the row errors here.
create table catalog.import_job (
    id             uuid        primary key,
    owner_org_id   uuid        not null,
    type           text        not null,
    mode           text        not null check (mode in ('VALID_ROWS', 'ALL_OR_NOTHING')),
    file_name      text        not null,
    state          text        not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'REJECTED', 'FAILED')),
    rows_total     int         not null default 0,
    rows_done      int         not null default 0,
    rows_imported  int         not null default 0,
    failure_code   text,
    failure_args   text,
    errors         jsonb       not null default '[]',
    created_by     text        not null,
    created_at     timestamptz not null,
    finished_at    timestamptz,
    version        bigint      not null default 0
);
create index import_job_owner_idx on catalog.import_job (owner_org_id, created_at desc);
