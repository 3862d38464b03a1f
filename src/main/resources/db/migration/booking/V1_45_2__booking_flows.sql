-- Outside use by the day it ended (BookingFlows): the live figures of agreements and the statistics read the used
-- and billed bookings of a period without scanning the others.
create index reservation_used_end_idx on booking.reservation (actual_end)
    include (booker_region, owner_region, fee) where state in ('USED', 'BILLED') and external;
