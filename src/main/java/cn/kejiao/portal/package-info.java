/**
 * The web shell: the visitors' home page with the platform's figures, and the workbench of each role — what waits
 * for it, counted through the other modules' facades and leading to where the work is done, its voucher money and
 * its latest notices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
@org.jspecify.annotations.NullMarked
package cn.kejiao.portal;
