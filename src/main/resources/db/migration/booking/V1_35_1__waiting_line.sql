-- The waiting list of an instrument is worked on by one transaction at a time, whichever node runs it: each step
-- (an offer made, withdrawn, taken or lapsed) first locks the instrument's line row. The scheduled sweep claims
-- lines with FOR UPDATE SKIP LOCKED, so nodes running it at once share the lines instead of queueing on them;
-- swept_by is the sweep that saw the line last, so that one sweep visits each line once.
create table booking.waiting_line (
    instrument_id  uuid primary key,
    swept_by       uuid
);

-- What the waiting list shows without asking the catalog for each entry.
alter table booking.waiting add column instrument_title text not null default '';
alter table booking.waiting add column display_name text not null default '';
create index waiting_user_idx on booking.waiting (user_id, created_at);

-- The scheduled jobs look for approved bookings by their start: not come to (no-show), starting tomorrow (reminder).
create index reservation_approved_idx on booking.reservation (lower(period)) where state = 'APPROVED';
