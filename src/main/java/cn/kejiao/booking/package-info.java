/**
 * Instrument booking: each instrument's booking rules kept by its owner (open hours in China time on working days,
 * holidays and 调休 included, slots, durations, horizon, approval, training, cancellation deadline, mode), its
 * calendar of free and taken time, reservations that never overlap (a PostgreSQL exclusion constraint decides),
 * their life from request to billing, the waiting list, the fees paid through the voucher module's service orders,
 * and the sharing figures the national evaluation of large-instrument sharing asks for. The facades:
 * {@link cn.kejiao.booking.BookingRules}, {@link cn.kejiao.booking.Bookings},
 * {@link cn.kejiao.booking.Availability}, {@link cn.kejiao.booking.WorkingCalendar} and
 * {@link cn.kejiao.booking.SharingFigures}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Instrument booking")
@org.jspecify.annotations.NullMarked
package cn.kejiao.booking;
