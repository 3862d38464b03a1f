package cn.kejiao.cooperation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.DocumentTypes;
import cn.kejiao.platform.KejiaoException;

/**
 * The files of agreements, kept in the database as a challenge's documents are: the agreement's text (PDF or Word,
 * at most {@link #MAX_FILE_MB} MB) and up to {@link #MAX_REPORT_FILES} files of the kinds in {@link DocumentTypes}
 * on a progress report.
 */
public final class AgreementFiles {

	public static final int MAX_REPORT_FILES = 3;

	public static final int MAX_FILE_MB = 10;

	/** A file as handed in: its name, as the person's computer called it, and its bytes. */
	public record Upload(String name, byte[] content) {
	}

	/** A file to download: its name, the type it is served as, its bytes. */
	public record Download(String name, String contentType, byte[] content) {
	}

	private AgreementFiles() {
	}

	/** The agreement's text: PDF or Word only. */
	static void checkText(Upload text) {
		String type = contentType(text.name());
		if (type == null || !(type.equals("application/pdf") || type.contains("msword") || type.contains("wordprocessingml"))) {
			throw KejiaoException.invalid("agreement.text-type", text.name());
		}
		checkSize(text);
	}

	/** A report's files: at most three, of the accepted kinds, each at most ten MB. */
	static void checkReport(List<Upload> files) {
		if (files.size() > MAX_REPORT_FILES) {
			throw KejiaoException.invalid("agreement.files-too-many", MAX_REPORT_FILES);
		}
		for (Upload file : files) {
			if (contentType(file.name()) == null) {
				throw KejiaoException.invalid("agreement.file-type", file.name());
			}
			checkSize(file);
		}
	}

	private static void checkSize(Upload file) {
		if (file.content().length > MAX_FILE_MB * 1024 * 1024) {
			throw KejiaoException.invalid("agreement.file-too-large", file.name(), MAX_FILE_MB);
		}
	}

	static @Nullable String contentType(String name) {
		return DocumentTypes.of(name);
	}
}
