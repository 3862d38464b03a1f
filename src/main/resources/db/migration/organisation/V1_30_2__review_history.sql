-- The steps of an organisation's verification, oldest first: registered, rejected with a reason, corrected and
-- submitted again, approved, notice ended. A rejected organisation can correct its details and submit them
-- again, so one rejection reason on the organisation no longer tells the whole story; the admin reviewing it
-- again sees every step.
create table organisation.review_step (
    id               bigint generated always as identity primary key,
    organisation_id  uuid        not null references organisation.organisation (id) on delete cascade,
    at               timestamptz not null,
    step             text        not null check (step in ('REGISTERED', 'REJECTED', 'RESUBMITTED', 'APPROVED', 'NOTICE_ENDED')),
    by_username      text,
    reason           text
);
create index review_step_organisation_idx on organisation.review_step (organisation_id, at);

-- what the organisations already went through
insert into organisation.review_step (organisation_id, at, step, by_username)
select id, registered_at, 'REGISTERED', null from organisation.organisation where reviewed_by is distinct from 'system' or status <> 'VERIFIED';
insert into organisation.review_step (organisation_id, at, step, by_username, reason)
select id, reviewed_at, case when status = 'REJECTED' then 'REJECTED' else 'APPROVED' end, reviewed_by, rejection_reason
from organisation.organisation where reviewed_at is not null;
