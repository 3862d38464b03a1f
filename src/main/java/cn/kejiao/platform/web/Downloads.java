package cn.kejiao.platform.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file for the browser to save rather than show: exports, statements, reports, attachments. */
public final class Downloads {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	public static final MediaType PDF = MediaType.APPLICATION_PDF;

	private Downloads() {
	}

	/** The content as an attachment named {@code name} (Chinese names included, encoded as RFC 6266 asks). */
	public static ResponseEntity<byte[]> file(String name, MediaType type, byte[] content) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(type)
			.body(content);
	}
}
