package cn.kejiao.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.kejiao.support.Http;
import cn.kejiao.support.KejiaoIntegrationTest;
import cn.kejiao.support.VoucherScenario;

/** A scheme's figures are its region's business: an admin of another region reads them neither listed nor by id. */
@KejiaoIntegrationTest
class SchemeReadersTests {

	@LocalServerPort
	int port;

	@Test
	void anAdminOfAnotherRegionCannotReadAYunnanSchemeByIdNorFindItInTheList() {
		String scheme = VoucherScenario.on(port).scheme("hu-dian");

		Http chongqing = Http.as(port, "cq-admin");
		var byId = chongqing.get("/api/v1/voucher-schemes/" + scheme);
		assertThat(byId.status()).isEqualTo(403);
		assertThat(byId.code()).isEqualTo("auth.region-forbidden");
		assertThat(byId.body()).doesNotContain("available").doesNotContain("granted");
		assertThat(chongqing.get("/api/v1/voucher-schemes").json().findValuesAsString("id")).doesNotContain(scheme);

		// its own region's admins, the platform admin and the enterprises choosing where to apply still read it
		assertThat(Http.as(port, "ws-admin").get("/api/v1/voucher-schemes/" + scheme).status()).isEqualTo(403);
		assertThat(Http.as(port, "yn-admin").get("/api/v1/voucher-schemes/" + scheme).json().get("available").asString())
			.isEqualTo("1000000.00");
		assertThat(Http.as(port, "admin").get("/api/v1/voucher-schemes/" + scheme).status()).isEqualTo(200);
		assertThat(Http.as(port, "ent-ws").get("/api/v1/voucher-schemes/" + scheme).status()).isEqualTo(200);
	}
}
