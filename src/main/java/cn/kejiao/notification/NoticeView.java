package cn.kejiao.notification;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One notice to one user. */
public record NoticeView(UUID id, String kind, String title, String body, String link, Instant createdAt,
		@Nullable Instant readAt) {
}
