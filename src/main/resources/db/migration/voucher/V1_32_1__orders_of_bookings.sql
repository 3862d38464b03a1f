-- The service order through which the fee of an instrument booking is paid (its voucher part held at approval,
-- posted at billing, voided at cancellation). A booking has at most one order: the unique column makes opening
-- it twice (a retried approval, two nodes) find the first instead of holding twice. Null for the orders the
-- parties place and move themselves.
alter table voucher.service_order add column booking_id uuid unique;
