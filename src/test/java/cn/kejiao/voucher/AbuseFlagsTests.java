package cn.kejiao.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.kejiao.voucher.AbuseFlags.Band;
import cn.kejiao.voucher.AbuseFlags.Party;

/** The signs of voucher abuse, without Spring or a database. */
class AbuseFlagsTests {

	static final Party ENTERPRISE = new Party("91310114MA1GT", "021-1111", "a@example.cn");

	@Test
	void partiesSharingACreditCodePhoneOrEmailAreRelated() {
		assertThat(AbuseFlags.onRequest(ENTERPRISE, new Party("91310114ma1gt", "", ""))).containsExactly("RELATED_PARTIES");
		assertThat(AbuseFlags.onRequest(ENTERPRISE, new Party("X", "021-1111", ""))).containsExactly("RELATED_PARTIES");
		assertThat(AbuseFlags.onRequest(ENTERPRISE, new Party("X", "", "A@EXAMPLE.CN"))).containsExactly("RELATED_PARTIES");
		assertThat(AbuseFlags.onRequest(ENTERPRISE, new Party("X", "021-2222", "b@example.cn"))).isEmpty();
	}

	@Test
	void blankContactsMakeNoPartiesRelated() {
		assertThat(AbuseFlags.onRequest(new Party("A", "", ""), new Party("B", "", ""))).isEmpty();
	}

	@Test
	void aQuoteAboveTheListPriceIsFlaggedOnce() {
		List<String> flags = AbuseFlags.onQuote(List.of(), 10_000L, 10_001L, band -> 0);
		assertThat(flags).containsExactly("ABOVE_LIST_PRICE");
		assertThat(AbuseFlags.onQuote(flags, 10_000L, 20_000L, band -> 0)).containsExactly("ABOVE_LIST_PRICE");
		assertThat(AbuseFlags.onQuote(List.of(), 10_000L, 10_000L, band -> 0)).isEmpty();
		assertThat(AbuseFlags.onQuote(List.of(), null, 10_000L, band -> 0)).isEmpty();
	}

	@Test
	void aThirdQuoteWithinFivePercentBelowAThresholdIsASplitOrder() {
		assertThat(AbuseFlags.onQuote(List.of(), null, 980_000L, band -> 2)).containsExactly("SPLIT_ORDERS");
		assertThat(AbuseFlags.onQuote(List.of(), null, 980_000L, band -> 1)).isEmpty();
	}

	@Test
	void theBandIsAskedOnlyForAQuoteInIt() {
		assertThat(AbuseFlags.onQuote(List.of(), null, 940_000L, band -> 5)).isEmpty();
		assertThat(AbuseFlags.onQuote(List.of(), null, 1_000_000L, band -> 5)).isEmpty();
		assertThat(AbuseFlags.onQuote(List.of(), null, 4_750_000L, band -> band.equals(new Band(4_750_000L, 5_000_000L)) ? 2 : 0))
			.containsExactly("SPLIT_ORDERS");
	}
}
