package cn.kejiao.challenge;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.DocumentTypes;
import cn.kejiao.platform.KejiaoException;

/**
 * The documents of a challenge's call (the full call, drawings, data sheets), kept in the database with it.
 * A publisher attaches up to {@link #MAX_FILES} files of the kinds in {@link DocumentTypes}, each at most
 * {@link #MAX_FILE_MB} MB; whoever may see the challenge downloads them.
 */
@Service
public class ChallengeFiles {

	public static final int MAX_FILES = 5;

	public static final int MAX_FILE_MB = 10;

	/** A file as handed in: its name, as the person's computer called it, and its bytes. */
	public record Upload(String name, byte[] content) {
	}

	/** A file to download: its name, the type it is served as, its bytes. */
	public record Download(String name, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;
	private final ChallengeRows rows;
	private final Clock clock;

	ChallengeFiles(JdbcClient jdbc, ChallengeRows rows, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.clock = clock;
	}

	/**
	 * Refuses files a call may not carry: more than {@link #MAX_FILES}, a kind not in {@link DocumentTypes}
	 * ({@code challenge.file-type}, naming the file), one larger than {@link #MAX_FILE_MB} MB
	 * ({@code challenge.file-too-large}, naming it and its size).
	 */
	public static void check(List<Upload> files) {
		if (files.size() > MAX_FILES) {
			throw KejiaoException.invalid("challenge.files-too-many", MAX_FILES);
		}
		for (Upload file : files) {
			if (DocumentTypes.of(file.name()) == null) {
				throw KejiaoException.invalid("challenge.file-type", file.name());
			}
			if (file.content().length > MAX_FILE_MB * 1024 * 1024) {
				throw KejiaoException.invalid("challenge.file-too-large", file.name(),
						String.format(Locale.ROOT, "%.1f", file.content().length / 1024.0 / 1024.0), MAX_FILE_MB);
			}
		}
	}

	/** Stores the (checked) files with the challenge. */
	void store(UUID challengeId, List<Upload> files, Actor actor) {
		check(files);
		for (Upload file : files) {
			jdbc.sql("""
					insert into challenge.challenge_file (id, challenge_id, name, content_type, size, content, uploaded_by, uploaded_at)
					values (:id, :challenge, :name, :type, :size, :content, :by, :at)""")
				.param("id", UUID.randomUUID()).param("challenge", challengeId).param("name", file.name())
				.param("type", DocumentTypes.of(file.name())).param("size", file.content().length)
				.param("content", file.content()).param("by", actor.username()).param("at", Timestamp.from(clock.instant()))
				.update();
		}
	}

	/** A document of a call, for whoever may see the challenge; not found for anyone else. */
	@Transactional(readOnly = true)
	public Download download(UUID fileId, @Nullable Actor reader) {
		record Found(UUID challengeId, Download file) {
		}
		Found found = jdbc.sql("select challenge_id, name, content_type, content from challenge.challenge_file where id = :id")
			.param("id", fileId)
			.query((rs, n) -> new Found(rs.getObject(1, UUID.class), new Download(rs.getString(2), rs.getString(3), rs.getBytes(4))))
			.optional().orElseThrow(() -> KejiaoException.notFound("challenge.file-not-found", fileId));
		rows.find(found.challengeId()).filter(r -> r.isVisibleTo(reader))
			.orElseThrow(() -> KejiaoException.notFound("challenge.file-not-found", fileId));
		return found.file();
	}
}
