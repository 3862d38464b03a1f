package cn.kejiao.catalog;

import java.time.Duration;

import cn.kejiao.support.Eventually;
import cn.kejiao.support.Http;
import tools.jackson.databind.JsonNode;

/** The catalog tests' one way to wait for a background import: its status once it is neither queued nor running. */
final class ImportJobs {

	private ImportJobs() {
	}

	static JsonNode finished(Http owner, String id, Duration limit) {
		return Eventually.await(limit, () -> {
			JsonNode status = owner.get("/api/v1/catalog/imports/" + id).json();
			return status.get("state").asString().matches("QUEUED|RUNNING") ? null : status;
		});
	}
}
