-- Challenge awards that may become funded projects: one row per awarded organisation, written when the challenge
-- module announces the award (ChallengeAwarded, delivered at least once: the key makes a repeat harmless). The
-- region is the challenge's, whose admins are offered to create the project from it.
create table cooperation.project_award (
    challenge_id  uuid not null,
    org_id        uuid not null,
    title         text not null,
    amount_fen    bigint not null check (amount_fen >= 0),
    region_code   text not null,
    awarded_at    timestamptz not null,
    primary key (challenge_id, org_id)
);

create index project_award_region on cooperation.project_award (region_code text_pattern_ops);
