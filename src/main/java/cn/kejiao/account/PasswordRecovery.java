package cn.kejiao.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.KejiaoException;

/**
 * A forgotten password, recovered by e-mail: a link with a random token, valid for {@code reset-link-lifetime}
 * (30 minutes) and only once. The answer to a request is the same whether the address belongs to anyone or
 * not, so the page tells nobody which addresses have accounts.
 */
@Service
public class PasswordRecovery {

	private static final Logger log = LoggerFactory.getLogger(PasswordRecovery.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccountRepository users;
	private final ApiTokenRepository tokens;
	private final LoginFailures failures;
	private final PasswordEncoder passwords;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final ObjectProvider<JavaMailSender> mail;
	private final MessageSource messages;
	private final Clock clock;
	private final Duration lifetime;
	private final String from;
	private final String baseUrl;

	PasswordRecovery(UserAccountRepository users, ApiTokenRepository tokens, LoginFailures failures,
			PasswordEncoder passwords, JdbcClient jdbc, AuditLog audit, ObjectProvider<JavaMailSender> mail,
			MessageSource messages, Clock clock,
			@Value("${kejiao.security.reset-link-lifetime:PT30M}") Duration lifetime,
			@Value("${kejiao.mail.from:noreply@kejiao.local}") String from,
			@Value("${kejiao.base-url:http://localhost:8080}") String baseUrl) {
		this.users = users;
		this.tokens = tokens;
		this.failures = failures;
		this.passwords = passwords;
		this.jdbc = jdbc;
		this.audit = audit;
		this.mail = mail;
		this.messages = messages;
		this.clock = clock;
		this.lifetime = lifetime;
		this.from = from;
		this.baseUrl = baseUrl;
	}

	/**
	 * Sends a link to choose a new password to every enabled account with this e-mail address; nothing when
	 * there is none, with no difference the asker could see.
	 */
	@Transactional
	public void requestLink(String email, Locale locale) {
		String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (address.isEmpty() || !address.contains("@")) {
			throw KejiaoException.invalid("account.email-invalid");
		}
		Instant now = clock.instant();
		for (UserAccount user : users.findEnabledByEmail(address)) {
			String token = newToken();
			jdbc.sql("""
					insert into account.password_reset (token_hash, user_id, created_at, expires_at)
					values (:hash, :user, :now, :until)""")
				.param("hash", Accounts.sha256(token)).param("user", user.id())
				.param("now", Timestamp.from(now)).param("until", Timestamp.from(now.plus(lifetime))).update();
			audit.record("account.reset-link-sent", "user", user.id().toString(), user.username(), user.regionCode(),
					null, Map.of("expiresAt", now.plus(lifetime).toString()));
			send(user, token, locale);
		}
	}

	/** Whether the link's token is known, unused and unexpired: the page shows the form or says to ask again. */
	@Transactional(readOnly = true)
	public boolean isValid(String token) {
		return token != null && !token.isBlank() && jdbc.sql("""
				select count(*) from account.password_reset
				where token_hash = :hash and used_at is null and expires_at > :now""")
			.param("hash", Accounts.sha256(token)).param("now", Timestamp.from(clock.instant()))
			.query(Long.class).single() > 0;
	}

	/**
	 * Sets the new password with the link's token, which is used up at once (two tabs cannot both use it); the
	 * name's locks and the user's bearer tokens end with the old password.
	 * @return the username, to fill in on the sign-in page
	 */
	@Transactional
	public String reset(String token, String newPassword) {
		Instant now = clock.instant();
		Optional<UUID> userId = token == null || token.isBlank() ? Optional.empty() : jdbc.sql("""
				update account.password_reset set used_at = :now
				where token_hash = :hash and used_at is null and expires_at > :now
				returning user_id""")
			.param("hash", Accounts.sha256(token)).param("now", Timestamp.from(now))
			.query(UUID.class).optional();
		UserAccount user = userId.flatMap(users::findById).filter(UserAccount::enabled)
			.orElseThrow(() -> KejiaoException.invalid("account.reset-link-invalid"));
		PasswordPolicy.check(user.username(), newPassword);
		user.changePassword(passwords.encode(newPassword));
		users.save(user);
		// every other link sent to the user ends too
		jdbc.sql("update account.password_reset set used_at = :now where user_id = :user and used_at is null")
			.param("now", Timestamp.from(now)).param("user", user.id()).update();
		tokens.deleteByUser(user.id());
		failures.forget(user.username());
		audit.record("account.password-recovered", "user", user.id().toString(), user.username(), user.regionCode(),
				null, Map.of("tokensEnded", true));
		return user.username();
	}

	private void send(UserAccount user, String token, Locale locale) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			log.warn("No mail server: the password link for {} was not sent", user.username());
			return;
		}
		String link = baseUrl + "/password/reset?token=" + token;
		long minutes = lifetime.toMinutes();
		try {
			SimpleMailMessage email = new SimpleMailMessage();
			email.setFrom(from);
			email.setTo(user.email());
			email.setSubject(messages.getMessage("recovery.mail.subject", null, locale));
			email.setText(messages.getMessage("recovery.mail.body", new Object[] { user.displayName(), user.username(),
					link, minutes }, locale));
			sender.send(email);
		}
		catch (MailException ex) {
			log.warn("Could not e-mail the password link to {}: {}", user.username(), ex.getMessage());
		}
	}

	private static String newToken() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}
}
