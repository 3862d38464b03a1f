/**
 * What the platform tells its users — a strong match for their entry, a challenge's extended deadline — in
 * the application and by e-mail. {@link cn.kejiao.notification.Notifications} is the module's facade.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
@org.jspecify.annotations.NullMarked
package cn.kejiao.notification;
