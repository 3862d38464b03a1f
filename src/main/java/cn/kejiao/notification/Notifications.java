package cn.kejiao.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;

/**
 * Tells the users of an organisation something: a notice in the application for each, and an e-mail to
 * each when a mail server is configured ({@code spring.mail.host}). A notice with a key is sent at most once,
 * ever; a failed e-mail is logged and the in-app notice stays.
 * <p>
 * Other modules do not call this: they publish what happened as events, and the listeners of this module
 * ({@code *Notices}) decide who is told and with which words. The words live in the message bundles; a notice
 * is shown in the reader's language and e-mailed in Chinese.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final ObjectProvider<JavaMailSender> mail;
	private final Clock clock;
	private final MessageSource messages;
	private final String from;
	private final String baseUrl;

	Notifications(JdbcClient jdbc, Accounts accounts, ObjectProvider<JavaMailSender> mail, Clock clock, MessageSource messages,
			@Value("${kejiao.mail.from:noreply@kejiao.local}") String from,
			@Value("${kejiao.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.mail = mail;
		this.clock = clock;
		this.messages = messages;
		this.from = from;
		this.baseUrl = baseUrl;
	}

	/**
	 * Tells every user of the organisation; with a once-key, only if nothing was sent under that key before.
	 * @return whether it was sent now
	 */
	@Transactional
	public boolean tell(Notice notice) {
		String[] args = notice.args().toArray(String[]::new);
		String title = text(notice.message(), "title", args, Locale.SIMPLIFIED_CHINESE);
		String body = text(notice.message(), "body", args, Locale.SIMPLIFIED_CHINESE);
		return send(notice.organisationId(), notice.kind(), title, body, notice.link(), notice.onceKey(), notice.message(), args);
	}

	/**
	 * Tells every user of the organisation in words given here, in Chinese only.
	 * @deprecated publish an event and word it in a {@code *Notices} listener with {@link #tell(Notice)}
	 */
	@Deprecated(forRemoval = true)
	@Transactional
	public boolean tell(UUID organisationId, String kind, String title, String body, String link, @Nullable String key) {
		return send(organisationId, kind, title, body, link, key, null, new String[0]);
	}

	private boolean send(UUID organisationId, String kind, String title, String body, String link, @Nullable String key,
			@Nullable String message, String[] args) {
		if (key != null) {
			int claimed = jdbc.sql("insert into notification.sent_key (key, sent_at) values (:key, :at) on conflict do nothing")
				.param("key", key).param("at", Timestamp.from(clock.instant())).update();
			if (claimed == 0) {
				return false;
			}
		}
		JavaMailSender sender = mail.getIfAvailable();
		for (UserView user : accounts.usersOf(organisationId)) {
			boolean emailed = false;
			if (sender != null && user.email() != null && !user.email().isBlank()) {
				try {
					SimpleMailMessage email = new SimpleMailMessage();
					email.setFrom(from);
					email.setTo(user.email());
					email.setSubject("【科交】" + title);
					email.setText(body + "\n\n" + baseUrl + link);
					sender.send(email);
					emailed = true;
				}
				catch (MailException ex) {
					log.warn("Could not e-mail {} about {}: {}", user.username(), kind, ex.getMessage());
				}
			}
			jdbc.sql("""
					insert into notification.notice (id, user_id, kind, title, body, link, created_at, emailed, message, message_args)
					values (:id, :user, :kind, :title, :body, :link, :at, :emailed, :message, :args)""")
				.param("id", UUID.randomUUID()).param("user", user.id()).param("kind", kind).param("title", title)
				.param("body", body).param("link", link).param("at", Timestamp.from(clock.instant())).param("emailed", emailed)
				.param("message", message).param("args", args)
				.update();
		}
		return true;
	}

	private String text(String message, String part, Object[] args, Locale locale) {
		return messages.getMessage("notice." + message + "." + part, args, locale);
	}

	/** The signed-in user's notices, newest first, in the reader's language. */
	@Transactional(readOnly = true)
	public List<NoticeView> mine() {
		Actor actor = Actors.require();
		Locale locale = LocaleContextHolder.getLocale();
		return jdbc.sql("""
				select id, kind, title, body, link, created_at, read_at, message, message_args from notification.notice
				where user_id = :user order by created_at desc limit 200""")
			.param("user", actor.userId())
			.query((rs, n) -> {
				String message = rs.getString(8);
				String title = rs.getString(3);
				String body = rs.getString(4);
				if (message != null) {
					Object[] args = (Object[]) rs.getArray(9).getArray();
					title = messages.getMessage("notice." + message + ".title", args, title, locale);
					body = messages.getMessage("notice." + message + ".body", args, body, locale);
				}
				return new NoticeView(rs.getObject(1, UUID.class), rs.getString(2), title, body, rs.getString(5),
						rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
			})
			.list();
	}

	@Transactional(readOnly = true)
	public long unread() {
		Actor actor = Actors.require();
		return jdbc.sql("select count(*) from notification.notice where user_id = :user and read_at is null")
			.param("user", actor.userId()).query(Long.class).single();
	}

	@Transactional
	public void markRead(UUID id) {
		Actor actor = Actors.require();
		int updated = jdbc.sql("update notification.notice set read_at = coalesce(read_at, :at) where id = :id and user_id = :user")
			.param("at", Timestamp.from(clock.instant())).param("id", id).param("user", actor.userId()).update();
		if (updated == 0) {
			throw KejiaoException.notFound("notification.not-found", id);
		}
	}
}
