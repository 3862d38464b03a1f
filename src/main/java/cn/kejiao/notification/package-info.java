/**
 * What the platform tells its users about every step that waits on someone — a request to quote, a quote to
 * accept, an order to deliver or confirm, a voucher application or a dispute to decide, a registration to verify,
 * a review panel to score, a demand's matches — in the application (read or unread, counted in the navigation)
 * and by e-mail. It listens to the other modules' events; {@link cn.kejiao.notification.Notifications} is the
 * module's facade.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
@org.jspecify.annotations.NullMarked
package cn.kejiao.notification;
