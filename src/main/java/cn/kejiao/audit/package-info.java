/**
 * The audit log: who changed what, when, for which organisation, from which address, with the state
 * before and after. Entries are only ever appended (a database trigger refuses updates and deletes);
 * admins search the entries of their own region.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
@org.jspecify.annotations.NullMarked
package cn.kejiao.audit;
