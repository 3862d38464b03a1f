package cn.kejiao.trading;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message of a thread, with the files attached to it. */
public record InquiryMessage(UUID id, InquirySide side, String authorName, String body, Instant postedAt,
		List<Attachment> attachments) {

	/** A file attached to a message: download it at the thread's attachment address. */
	public record Attachment(UUID id, String name, int size) {
	}
}
