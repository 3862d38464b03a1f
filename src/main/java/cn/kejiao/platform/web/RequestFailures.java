package cn.kejiao.platform.web;

import java.sql.SQLException;
import java.util.Optional;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import cn.kejiao.platform.KejiaoException;

/**
 * The one rule for which failures are the client's doing, and with which status and code they are answered: the
 * API's handler, the pages' handler and the error controller all ask here, so a malformed request is a 4xx with
 * its own code wherever it is noticed — in a filter, while binding, or only when PostgreSQL refuses a value.
 */
final class RequestFailures {

	private static final int MAX_DEPTH = 12;

	private RequestFailures() {
	}

	/**
	 * What the client did wrong, if the failure or one of its causes says so. The most telling cause wins: a file
	 * name Tomcat refused inside a multipart failure is an invalid character, not a malformed body.
	 */
	static Optional<KejiaoException> of(Throwable failure) {
		for (Throwable cause : chain(failure)) {
			KejiaoException specific = switch (cause) {
				case KejiaoException known -> known;
				case InvalidFileNameException e -> KejiaoException.invalid("request.invalid-character", "filename");
				case MaxUploadSizeExceededException e -> tooLarge();
				case SizeException e -> tooLarge();
				case SQLException e when isDataException(e) -> KejiaoException
					.invalid(isUnstorableText(e) ? "request.invalid-character" : "request.invalid-value", "");
				default -> null;
			};
			if (specific != null) {
				return Optional.of(specific);
			}
		}
		for (Throwable cause : chain(failure)) {
			KejiaoException generic = switch (cause) {
				case InvalidParameterException e -> e.getErrorCode() == HttpStatus.PAYLOAD_TOO_LARGE.value() ? tooLarge()
						: KejiaoException.invalid("request.malformed-parameters");
				case RequestRejectedException e -> KejiaoException.invalid("request.malformed-parameters");
				case MultipartException e -> KejiaoException.invalid("request.malformed-multipart");
				case TypeMismatchException e -> KejiaoException.invalid("request.invalid-parameter",
						e.getPropertyName() == null ? "" : e.getPropertyName());
				default -> null;
			};
			if (generic != null) {
				return Optional.of(generic);
			}
		}
		return Optional.empty();
	}

	private static java.util.List<Throwable> chain(Throwable failure) {
		java.util.List<Throwable> chain = new java.util.ArrayList<>();
		for (Throwable cause = failure; cause != null && chain.size() < MAX_DEPTH; cause = cause.getCause()) {
			chain.add(cause);
		}
		return chain;
	}

	private static KejiaoException tooLarge() {
		return new KejiaoException(HttpStatus.PAYLOAD_TOO_LARGE, "request.too-large");
	}

	/** SQLSTATE class 22, "data exception": a value the column or the function cannot take (too long, out of range, …). */
	private static boolean isDataException(SQLException e) {
		return e.getSQLState() != null && e.getSQLState().startsWith("22");
	}

	/** U+0000 or a byte sequence the database's encoding refuses (the driver refuses zero bytes itself). */
	private static boolean isUnstorableText(SQLException e) {
		String message = String.valueOf(e.getMessage());
		return "22021".equals(e.getSQLState()) || "22P05".equals(e.getSQLState()) || message.contains("Zero bytes")
				|| message.contains("0x00");
	}
}
