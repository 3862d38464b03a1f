-- The monthly and yearly reports of a region, kept with their files: the workbook and the PDF are stored here as
-- bytes (a few hundred kilobytes each), so every node serves any report and a backup of the database holds them.
-- A scheduled report is claimed once per (region, period) across nodes by the partial unique index below: the
-- node whose INSERT ... ON CONFLICT DO NOTHING returns a row writes it in the same transaction, the others wait
-- for that transaction and then do nothing. A failed attempt is kept as FAILED and does not block the next one.
-- Reports asked for by a person are never claimed: each request writes a new report.
create table insight.report (
    id uuid primary key,
    region text not null,
    period_kind text not null check (period_kind in ('MONTH', 'YEAR')),
    period_start date not null,
    period_end date not null,
    generated_at timestamptz not null,
    scheduled boolean not null,
    generated_by text,
    state text not null check (state in ('READY', 'FAILED')),
    xlsx bytea,
    pdf bytea
);
create unique index report_scheduled_once on insight.report (region, period_kind, period_start)
    where scheduled and state = 'READY';
create index report_region on insight.report (region, generated_at desc);
create index report_generated on insight.report (generated_at desc);
