-- A private address per user for calendar apps (which cannot sign in): whoever holds the token reads that user's
-- bookings as an iCalendar feed. A new token replaces the old one, which then stops working.
create table booking.calendar_feed (
    user_id     uuid primary key,
    token       text        not null unique,
    created_at  timestamptz not null
);
