/**
 * The web shell: the home page of each role, showing what that role can do and what waits for it (a
 * region admin's pending verifications, an organisation's own status).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
@org.jspecify.annotations.NullMarked
package cn.kejiao.portal;
