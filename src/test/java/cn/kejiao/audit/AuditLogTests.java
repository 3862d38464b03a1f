package cn.kejiao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.Personas;

/** The audit log only grows: not even SQL can rewrite it. */
@KejiaoIntegrationTest
class AuditLogTests {

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Autowired
	Personas personas;

	@Test
	void entriesCannotBeChangedOrDeleted() {
		long before = jdbc.queryForObject("select count(*) from audit.audit_entry", Long.class);
		assertThat(before).isPositive();
		assertThatThrownBy(() -> jdbc.update("update audit.audit_entry set actor_username = 'nobody'"))
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from audit.audit_entry")).isInstanceOf(DataAccessException.class)
			.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.execute("truncate audit.audit_entry")).isInstanceOf(DataAccessException.class);
		assertThat(jdbc.queryForObject("select count(*) from audit.audit_entry", Long.class)).isGreaterThanOrEqualTo(before);
	}

	@Test
	void adminsSearchTheirRegionByTextAndAction() {
		var wenshan = Http.as(port, "ws-admin").get("/api/v1/audit?action=account.created&size=200").json();
		assertThat(wenshan.get("items").findValuesAsString("subjectName")).contains("ws-admin", "ent-ws")
			.doesNotContain("ent-jd", "yn-admin");
		var byText = Http.as(port, "admin").get("/api/v1/audit?q=ent-jd").json();
		assertThat(byText.get("items").findValuesAsString("subjectName")).contains("ent-jd");
		var future = Http.as(port, "admin").get("/api/v1/audit?from=2999-01-01").json();
		assertThat(future.get("total").asLong()).isZero();
	}

	@Test
	void theAuditPageListsEntriesForTheAdmin() {
		Http browser = personas.browser("jd-admin");
		var page = browser.get("/admin/audit?q=provider-jd&action=account.created");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("审计日志", "provider-jd", "account.created");
	}
}
