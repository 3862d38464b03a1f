-- The states a challenge row can hold are the ones a step writes: DRAFT (created), OPEN (opened), REVIEW
-- (panel formed), NOTICE (award published). CLOSED was allowed here but never written: applications close
-- by the deadline, and an OPEN challenge past it is still OPEN to its readers. AWARDED is not stored either:
-- a NOTICE challenge is final once notice_ends_at has passed, which needs no job to run at that moment.
-- ChallengeState in Java names the same four plus the derived AWARDED (docs/decisions/0007-challenge-states.md).
alter table challenge.challenge drop constraint challenge_state_check;
alter table challenge.challenge add constraint challenge_state_check
    check (state in ('DRAFT', 'OPEN', 'REVIEW', 'NOTICE'));
