package cn.kejiao.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Role;

/** Who reads which region's full figures: the platform admin all, a region admin its region and below, nobody else. */
class InsightAccessTests {

	final InsightAccess access = new InsightAccess();

	@Test
	void aRegionAdminReadsItsRegionAndBelowAndNothingElse() {
		Actor yunnan = actor("530000", Role.REGION_ADMIN);
		assertThat(access.governs(yunnan, "530000")).isTrue();
		assertThat(access.governs(yunnan, "532600")).isTrue();
		assertThat(access.governs(yunnan, "532628")).isTrue();
		assertThat(access.governs(yunnan, "310000")).isFalse();
		assertThat(access.governs(yunnan, InsightFigures.NATION)).isFalse();
		Actor wenshan = actor("532600", Role.REGION_ADMIN);
		assertThat(access.governs(wenshan, "530000")).as("the province above").isFalse();
		assertThat(access.governs(wenshan, "532500")).as("a neighbouring prefecture").isFalse();
		assertThatThrownBy(() -> access.requireGoverns(wenshan, "530000")).isInstanceOf(KejiaoException.class)
			.hasFieldOrPropertyWithValue("code", "insight.scope");
		assertThat(access.home(wenshan)).isEqualTo("532600");
	}

	@Test
	void thePlatformAdminReadsEverythingAndOthersNothing() {
		Actor admin = actor("310000", Role.PLATFORM_ADMIN);
		assertThat(access.governs(admin, InsightFigures.NATION)).isTrue();
		assertThat(access.governs(admin, "650000")).isTrue();
		assertThat(access.home(admin)).isEqualTo(InsightFigures.NATION);
		assertThat(access.governs(actor("532600", Role.ENTERPRISE), "532600")).isFalse();
		assertThat(access.governs(null, "532600")).isFalse();
		assertThat(access.home(null)).isEqualTo(InsightFigures.NATION);
	}

	@Test
	void onlyMoneyTheAuthoritiesPublishIsPublic() {
		assertThat(InsightAccess.publicValue(InsightKind.CONTRACTS)).isTrue();
		assertThat(InsightAccess.publicValue(InsightKind.ORDERS)).isFalse();
		assertThat(InsightAccess.publicValue(InsightKind.VOUCHER_SPENDING)).isFalse();
		assertThat(InsightAccess.publicValue(InsightKind.BOOKINGS)).isFalse();
	}

	private static Actor actor(String region, Role role) {
		return new Actor(UUID.randomUUID(), "someone", "某人", UUID.randomUUID(), "某单位", region, Set.of(role));
	}
}
