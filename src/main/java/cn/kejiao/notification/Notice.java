package cn.kejiao.notification;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What to tell the users of an organisation. The words are not here but in the message bundles, under
 * {@code notice.<message>.title} and {@code notice.<message>.body}, filled with {@code args} ({0}, {1}, …), so
 * each reader sees the notice in their own language.
 *
 * @param organisationId whose users are told
 * @param kind a short category ("order", "challenge", "match", …) for filtering
 * @param message the bundle key's middle part
 * @param args the values the wording names, already written as the reader should see them
 * @param link the page of the application the notice is about
 * @param onceKey when given, the notice is sent at most once, ever, under this key
 */
public record Notice(UUID organisationId, String kind, String message, List<String> args, String link,
		@Nullable String onceKey) {

	public Notice {
		args = List.copyOf(args);
	}
}
