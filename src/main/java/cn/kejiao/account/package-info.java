/**
 * Accounts and sign-in: users belong to an organisation and hold roles (enterprise, provider, expert,
 * region admin, platform admin); form login with sessions kept in PostgreSQL, lockout after repeated
 * failures, bearer tokens for scripts, and self-service registration of an organisation with its first
 * user.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and security")
@org.jspecify.annotations.NullMarked
package cn.kejiao.account;
