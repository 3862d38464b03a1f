/**
 * Organisations — enterprises, universities, research institutes, testing agencies, engineering centres,
 * incubators, tech-transfer agencies and government bodies — with their unified social credit code
 * (GB 32100), qualifications and verification: self-registered organisations wait until the admin of
 * their region verifies them (optionally after a public-notice period) or rejects them with a reason.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
@org.jspecify.annotations.NullMarked
package cn.kejiao.organisation;
