package cn.kejiao.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The user agreement (/terms) and privacy policy (/privacy) a user accepted, with their versions: a new version
 * of a document is a new row, so what each person agreed to stays known.
 */
@Component
class Consents {

	/** The versions of the documents as published on /terms and /privacy; change with the text. */
	static final String TERMS_VERSION = "2026-12";
	static final String PRIVACY_VERSION = "2026-12";

	private final JdbcClient jdbc;

	Consents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void recordBoth(UUID userId, Instant at, @Nullable String clientAddress) {
		record(userId, "TERMS", TERMS_VERSION, at, clientAddress);
		record(userId, "PRIVACY", PRIVACY_VERSION, at, clientAddress);
	}

	private void record(UUID userId, String document, String version, Instant at, @Nullable String clientAddress) {
		jdbc.sql("""
				insert into account.consent (user_id, document, version, accepted_at, client_address)
				values (:user, :document, :version, :at, :address) on conflict do nothing""")
			.param("user", userId).param("document", document).param("version", version)
			.param("at", Timestamp.from(at)).param("address", clientAddress).update();
	}
}
