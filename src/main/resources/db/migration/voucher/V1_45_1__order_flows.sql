-- Orders by the day they were confirmed (OrderFlows), read per period by the live figures of agreements and the
-- statistics. A BRIN index: orders are confirmed roughly in the order they were placed, so each block range holds
-- a narrow span of days; and, being a summarising index, it leaves the steps' in-place (heap-only) updates of an
-- order's row as they are, which a B-tree on a column the confirmation sets would not.
create index order_confirmed_brin on voucher.service_order using brin (confirmed_at) with (autosummarize = on);
