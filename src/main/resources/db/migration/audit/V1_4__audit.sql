-- The audit log: every state change, append-only. The trigger refuses updates and deletes for every
-- database user, so not even a bug in the application can rewrite history.
create schema if not exists audit;

create table audit.audit_entry (
    id                bigint      generated always as identity primary key,
    occurred_at       timestamptz not null,
    actor_username    text        not null,
    actor_org_id      uuid,
    actor_org_name    text,
    action            text        not null,
    subject_type      text        not null,
    subject_id        text        not null,
    subject_name      text        not null default '',
    region_code       varchar(6),
    before_state      jsonb,
    after_state       jsonb,
    client_address    text
);
create index audit_entry_time_idx on audit.audit_entry (occurred_at desc);
create index audit_entry_region_idx on audit.audit_entry (region_code varchar_pattern_ops);
create index audit_entry_subject_idx on audit.audit_entry (subject_type, subject_id);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are append-only' using errcode = '42501';
end;
$$;

create trigger audit_entry_append_only
    before update or delete or truncate on audit.audit_entry
    for each statement execute function audit.refuse_change();
