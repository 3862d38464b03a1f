/**
 * Insight into what the platform carried between regions: a read model of facts per day, region pair and kind
 * (orders, voucher money, bookings, matches, contracts, grants, projects, events…), kept current by the other
 * modules' domain events and rebuildable from their public facades, never from their tables; the figures,
 * monthly trends and flows a region's S&T authority reads on its dashboard, its monthly and yearly reports, and
 * the open statistics the public and other government portals may read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
@org.jspecify.annotations.NullMarked
package cn.kejiao.insight;
