/**
 * Demo data: the regional authorities, providers and enterprises of the founding cooperation (嘉定,
 * 上海, 云南, 文山, 重庆) with one account per role, all with the password {@code kejiao-demo}. On by
 * default with the embedded database, off with an external one unless {@code kejiao.demo.enabled=true}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
@org.jspecify.annotations.NullMarked
package cn.kejiao.demo;
