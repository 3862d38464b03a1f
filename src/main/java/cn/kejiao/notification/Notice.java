package cn.kejiao.notification;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What to tell the users of an organisation, or one user alone. The words are not here but in the message
 * bundles, under {@code notice.<message>.title} and {@code notice.<message>.body}, filled with {@code args}
 * ({0}, {1}, …), so each reader sees the notice in their own language.
 *
 * @param organisationId whose users are told; null when the notice is for {@code username} alone
 * @param username when given, only this user is told (an expert put on a panel, whose organisation must not
 * learn of it)
 * @param kind a short category ("order", "challenge", "match", …) for filtering
 * @param message the bundle key's middle part
 * @param args the values the wording names, already written as the reader should see them
 * @param link the page of the application the notice is about
 * @param onceKey when given, the notice is sent at most once, ever, under this key
 */
public record Notice(@Nullable UUID organisationId, @Nullable String username, String kind, String message,
		List<String> args, String link, @Nullable String onceKey) {

	public Notice {
		if ((organisationId == null) == (username == null)) {
			throw new IllegalArgumentException("a notice goes to an organisation or to one user");
		}
		args = List.copyOf(args);
	}

	/** A notice to every user of the organisation. */
	public Notice(UUID organisationId, String kind, String message, List<String> args, String link,
			@Nullable String onceKey) {
		this(organisationId, null, kind, message, args, link, onceKey);
	}

	/** A notice to one user alone. */
	public static Notice toUser(String username, String kind, String message, List<String> args, String link,
			@Nullable String onceKey) {
		return new Notice(null, username, kind, message, args, link, onceKey);
	}
}
