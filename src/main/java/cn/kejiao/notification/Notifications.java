package cn.kejiao.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
	private final NamedParameterJdbcTemplate named;
	private final Accounts accounts;
	private final ObjectProvider<JavaMailSender> mail;
	private final Clock clock;
	private final MessageSource messages;
	private final String from;
	private final String baseUrl;

	Notifications(JdbcClient jdbc, NamedParameterJdbcTemplate named, Accounts accounts, ObjectProvider<JavaMailSender> mail, Clock clock, MessageSource messages,
			@Value("${kejiao.mail.from:noreply@kejiao.local}") String from,
			@Value("${kejiao.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.named = named;
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
		return tellAll(List.of(notice)) == 1;
	}

	/**
	 * Tells several notices in a few statements whatever their number: the once-keys claimed in one, the users of
	 * each organisation looked up once, the notices written in one batch.
	 * @return how many notices were sent now (the others were sent before under their once-key)
	 */
	@Transactional
	public int tellAll(List<Notice> notices) {
		Timestamp at = Timestamp.from(clock.instant());
		String[] keys = notices.stream().map(Notice::onceKey).filter(Objects::nonNull).distinct().toArray(String[]::new);
		Set<String> claimed = keys.length == 0 ? Set.of() : new HashSet<>(jdbc.sql("""
				insert into notification.sent_key (key, sent_at) select key, :at from unnest(:keys) as key
				on conflict do nothing returning key""").param("keys", keys).param("at", at).query(String.class).list());
		Map<UUID, List<UserView>> users = new HashMap<>();
		List<MapSqlParameterSource> rows = new ArrayList<>();
		int sent = 0;
		for (Notice notice : notices) {
			if (notice.onceKey() != null && !claimed.remove(notice.onceKey())) {
				continue;
			}
			sent++;
			String[] args = notice.args().toArray(String[]::new);
			String title = text(notice.message(), "title", args, Locale.SIMPLIFIED_CHINESE);
			String body = text(notice.message(), "body", args, Locale.SIMPLIFIED_CHINESE);
			for (UserView user : recipients(notice, users)) {
				rows.add(new MapSqlParameterSource().addValue("id", UUID.randomUUID()).addValue("user", user.id())
					.addValue("kind", notice.kind()).addValue("title", title).addValue("body", body)
					.addValue("link", notice.link()).addValue("at", at).addValue("emailed", email(user, notice, title, body))
					.addValue("message", notice.message()).addValue("args", args));
			}
		}
		if (!rows.isEmpty()) {
			named.batchUpdate("""
					insert into notification.notice (id, user_id, kind, title, body, link, created_at, emailed, message, message_args)
					values (:id, :user, :kind, :title, :body, :link, :at, :emailed, :message, :args)""",
					rows.toArray(MapSqlParameterSource[]::new));
		}
		return sent;
	}

	/** The users a notice is for: one user by name, or the enabled users of the organisation (looked up once). */
	private List<UserView> recipients(Notice notice, Map<UUID, List<UserView>> users) {
		UUID organisation = notice.organisationId();
		if (organisation != null) {
			return users.computeIfAbsent(organisation, accounts::usersOf);
		}
		return accounts.find(Objects.requireNonNull(notice.username())).filter(UserView::enabled).stream().toList();
	}

	/** Whether the user was e-mailed; a mail server that fails leaves the notice in the application alone. */
	private boolean email(UserView user, Notice notice, String title, String body) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null || user.email() == null || user.email().isBlank()) {
			return false;
		}
		try {
			SimpleMailMessage email = new SimpleMailMessage();
			email.setFrom(from);
			email.setTo(user.email());
			email.setSubject("【科交】" + title);
			email.setText(body + "\n\n" + baseUrl + notice.link());
			sender.send(email);
			return true;
		}
		catch (MailException ex) {
			log.warn("Could not e-mail {} about {}: {}", user.username(), notice.kind(), ex.getMessage());
			return false;
		}
	}

	private String text(String message, String part, Object[] args, Locale locale) {
		return messages.getMessage("notice." + message + "." + part, args, locale);
	}

	/** The signed-in user's notices, newest first, in the reader's language. */
	@Transactional(readOnly = true)
	public List<NoticeView> mine() {
		return recent(200);
	}

	/** The signed-in user's latest notices, newest first, in the reader's language. */
	@Transactional(readOnly = true)
	public List<NoticeView> recent(int limit) {
		Actor actor = Actors.require();
		Locale locale = LocaleContextHolder.getLocale();
		return jdbc.sql("""
				select id, kind, title, body, link, created_at, read_at, message, message_args from notification.notice
				where user_id = :user order by created_at desc, id limit :limit""")
			.param("user", actor.userId()).param("limit", Math.max(1, Math.min(limit, 200)))
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

	/** Marks every unread notice of the signed-in user read; how many were unread. */
	@Transactional
	public int markAllRead() {
		Actor actor = Actors.require();
		return jdbc.sql("update notification.notice set read_at = :at where user_id = :user and read_at is null")
			.param("at", Timestamp.from(clock.instant())).param("user", actor.userId()).update();
	}

	/** Marks the notice read and gives the page it is about, for the reader who follows it. */
	@Transactional
	public String open(UUID id) {
		markRead(id);
		return jdbc.sql("select link from notification.notice where id = :id").param("id", id).query(String.class).single();
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
