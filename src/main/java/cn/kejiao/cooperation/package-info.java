/**
 * Cooperation between regions as the authorities carry it out: agreements (合作协议, 框架协议, 会商纪要) with their
 * areas, tasks and live figures measured on the platform; funded S&T projects (科技计划项目) with milestones,
 * outcomes and the landing (落地) of their achievements; S&T commissioners (科技特派员) and their service logs;
 * forums, roadshows and matchmaking events with registration, waiting lists, check-in and the follow-ups they
 * produced.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cooperation")
@org.jspecify.annotations.NullMarked
package cn.kejiao.cooperation;
