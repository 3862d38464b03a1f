package cn.kejiao.challenge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * What a publisher's step announces on its challenge (a later deadline, the published result). Kept as a
 * message key of the bundles ({@code challenge.announcement.<message>}) with its arguments, and shown in the
 * reader's language; the Chinese text is kept beside it, and is all that announcements made before the keys
 * have.
 */
@Component
class Announcements {

	/** One announcement as stored. */
	record Stored(String text, @Nullable String message, List<String> args) {
	}

	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final Clock clock;

	Announcements(JdbcClient jdbc, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
	}

	void announce(UUID challengeId, String message, String... args) {
		jdbc.sql("""
				insert into challenge.announcement (challenge_id, text, message, message_args, at)
				values (:c, :text, :message, :args, :at)""")
			.param("c", challengeId).param("text", text(new Stored("", message, List.of(args)), Locale.SIMPLIFIED_CHINESE))
			.param("message", message).param("args", args).param("at", Timestamp.from(clock.instant())).update();
	}

	/** The challenge's announcements, oldest first, in the reader's language. */
	List<String> of(UUID challengeId) {
		return inReadersLanguage(jdbc.sql("""
				select text, message, message_args from challenge.announcement where challenge_id = :c order by id""")
			.param("c", challengeId)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray())))
			.list());
	}

	List<String> inReadersLanguage(List<Stored> announcements) {
		Locale locale = LocaleContextHolder.getLocale();
		return announcements.stream().map(a -> text(a, locale)).toList();
	}

	private String text(Stored announcement, Locale locale) {
		if (announcement.message() == null) {
			return announcement.text();
		}
		String text = messages.getMessage("challenge.announcement." + announcement.message(),
				announcement.args().toArray(), announcement.text(), locale);
		return text == null ? announcement.text() : text;
	}

	/** The announcements of the JSON array the challenge query aggregates ({@code text}, {@code message}, {@code args}). */
	static List<Stored> parse(String json) {
		List<Stored> stored = new ArrayList<>();
		for (JsonNode node : ChallengeRows.JSON.readTree(json)) {
			List<String> args = new ArrayList<>();
			node.path("args").forEach(arg -> args.add(arg.asString("")));
			JsonNode message = node.path("message");
			stored.add(new Stored(node.path("text").asString(""), message.isString() ? message.asString() : null, args));
		}
		return stored;
	}
}
