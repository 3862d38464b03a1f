-- When a task was done and a project accepted (验收通过): the day the statistics count them on.
alter table cooperation.agreement_task add column done_at timestamptz;
-- a task done: the first report saying done after the last one saying otherwise
update cooperation.agreement_task t set done_at = coalesce((
    select min(r.reported_at) from cooperation.agreement_task_report r
    where r.task_id = t.id and r.state = 'DONE'
      and r.reported_at > coalesce((select max(o.reported_at) from cooperation.agreement_task_report o
                                    where o.task_id = t.id and o.state <> 'DONE'), '-infinity')), t.updated_at)
where t.state = 'DONE';
create index agreement_task_done on cooperation.agreement_task (done_at) where done_at is not null;

alter table cooperation.project add column accepted_at timestamptz;
-- a final stage is never left: the last change of an accepted project is its acceptance
update cooperation.project set accepted_at = updated_at where stage = 'ACCEPTED';
