/**
 * Technology demands (技术需求) and supply–demand matching: enterprises, or region admins for a local
 * industry chain, post what they need; {@link cn.kejiao.demand.Matching} ranks the catalog's achievements,
 * experts, services and instruments against it, says why each fits, takes people's verdicts on the
 * suggestions and uses them. {@link cn.kejiao.demand.DemandPosting} posts and changes demands;
 * {@link cn.kejiao.demand.Demands} reads them and holds the rule of who may see and manage one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Technology demands and matching")
@org.jspecify.annotations.NullMarked
package cn.kejiao.demand;
