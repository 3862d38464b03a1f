-- The holds still open, with when they lapse, in a table of their own: the lapse job finds them by time,
-- while an order's row no longer has an index on a column its steps change. Accept, deliver and confirm then
-- update the order in place on its page (a heap-only update, no new index entries), which the free space
-- left on each page (fillfactor) makes room for.
create table voucher.open_hold (
    order_id   uuid        primary key references voucher.service_order (id),
    expires_at timestamptz not null
);
create index open_hold_expiry_idx on voucher.open_hold (expires_at);

insert into voucher.open_hold (order_id, expires_at)
select id, hold_expires_at from voucher.service_order where state = 'ACCEPTED' and hold_expires_at is not null;

drop index voucher.order_hold_expiry_idx;
alter table voucher.service_order set (fillfactor = 70);
