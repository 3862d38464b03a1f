/**
 * What every module stands on: the embedded PostgreSQL that runs when no database is configured, the
 * acting user ({@link cn.kejiao.platform.Actor}), business errors with stable codes
 * ({@link cn.kejiao.platform.KejiaoException}) turned into RFC 9457 problem details or readable pages,
 * and the locale (zh-CN first, English second).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package cn.kejiao.platform;
