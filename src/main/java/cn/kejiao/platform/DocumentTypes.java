package cn.kejiao.platform;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of document people attach (calls for proposals, inquiry messages, …), by the extension of the file's
 * name, with the type each is served as: office documents, PDF, text, pictures and zip archives; nothing that
 * runs.
 */
public final class DocumentTypes {

	private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("pdf", "application/pdf"),
			Map.entry("doc", "application/msword"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xls", "application/vnd.ms-excel"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("ppt", "application/vnd.ms-powerpoint"),
			Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("jpg", "image/jpeg"),
			Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"), Map.entry("zip", "application/zip"));

	private DocumentTypes() {
	}

	/** The type a file of this name is served as, or null when it is not a kind of document accepted. */
	public static @Nullable String of(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return TYPES.get(dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
	}
}
