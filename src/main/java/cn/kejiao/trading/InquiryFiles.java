package cn.kejiao.trading;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.DocumentTypes;
import cn.kejiao.platform.KejiaoException;

/**
 * The files a message of a thread may carry (kept in the database with the message, as a challenge's documents
 * are): up to {@link #MAX_FILES} of the kinds in {@link DocumentTypes}, each at most {@link #MAX_FILE_MB} MB.
 */
public final class InquiryFiles {

	public static final int MAX_FILES = 3;

	public static final int MAX_FILE_MB = 10;

	/** A file as handed in: its name, as the person's computer called it, and its bytes. */
	public record Upload(String name, byte[] content) {
	}

	/** A file to download: its name, the type it is served as, its bytes. */
	public record Download(String name, String contentType, byte[] content) {
	}

	private InquiryFiles() {
	}

	/** Refuses more than {@link #MAX_FILES} files, a kind not in {@link DocumentTypes}, a file over {@link #MAX_FILE_MB} MB. */
	static void check(List<Upload> files) {
		if (files.size() > MAX_FILES) {
			throw KejiaoException.invalid("inquiry.files-too-many", MAX_FILES);
		}
		for (Upload file : files) {
			if (contentType(file.name()) == null) {
				throw KejiaoException.invalid("inquiry.file-type", file.name());
			}
			if (file.content().length > MAX_FILE_MB * 1024 * 1024) {
				throw KejiaoException.invalid("inquiry.file-too-large", file.name(), MAX_FILE_MB);
			}
		}
	}

	static @Nullable String contentType(String name) {
		return DocumentTypes.of(name);
	}
}
