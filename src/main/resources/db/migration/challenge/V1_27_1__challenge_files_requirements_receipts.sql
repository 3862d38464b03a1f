-- What a publisher states besides the problem: requirements on who may apply, in words (资格要求), and files
-- (the full call, drawings, data sheets) kept in the database with the challenge. Each application gets a receipt
-- number (回执编号) the applicant can quote; it never changes, also when the application is edited. An application
-- withdrawn before the deadline leaves the application table (so reviews, counts and panels never see it) and is
-- kept in withdrawn_application for its organisation's record.
alter table challenge.challenge add column requirements text not null default ''
    check (length(requirements) <= 2000);

create table challenge.challenge_file (
    id            uuid          primary key,
    challenge_id  uuid          not null references challenge.challenge (id),
    name          text          not null check (length(name) between 1 and 255),
    content_type  text          not null,
    size          int           not null check (size > 0),
    content       bytea         not null,
    uploaded_by   text          not null,
    uploaded_at   timestamptz   not null
);
create index challenge_file_challenge_idx on challenge.challenge_file (challenge_id);

create sequence challenge.receipt_number;
alter table challenge.application add column receipt text;
alter table challenge.application add column updated_at timestamptz;
update challenge.application
   set receipt = 'HZ' || to_char(submitted_at at time zone 'Asia/Shanghai', 'YYYY')
                 || lpad(nextval('challenge.receipt_number')::text, 6, '0');
alter table challenge.application alter column receipt set not null;
alter table challenge.application add constraint application_receipt_key unique (receipt);

create table challenge.withdrawn_application (
    id                uuid          primary key,
    challenge_id      uuid          not null references challenge.challenge (id),
    applicant_org_id  uuid          not null,
    receipt           text          not null unique,
    team              text          not null,
    proposal          text          not null,
    submitted_at      timestamptz   not null,
    withdrawn_at      timestamptz   not null,
    withdrawn_by      text          not null
);
create index withdrawn_application_org_idx on challenge.withdrawn_application (applicant_org_id);
