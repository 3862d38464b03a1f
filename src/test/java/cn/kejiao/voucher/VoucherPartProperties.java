package cn.kejiao.voucher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicBoolean;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.WithNull;

import cn.kejiao.platform.KejiaoException;

/**
 * The voucher part of an accept, over any quote, subsidy ratio, grant balance and part asked for: what is held
 * is never more than what was asked, never more than the ratio of the quote and so never more than the quote;
 * asked for, it is exactly that; not asked for, it is no more than the grant holds. A refusal names its real
 * reason.
 */
class VoucherPartProperties {

	@Provide
	Arbitrary<BigDecimal> ratios() {
		// what a scheme allows: above 0, at most 1, at most three decimals
		return Arbitraries.integers().between(1, 1000).map(permille -> BigDecimal.valueOf(permille, 3));
	}

	@Property(tries = 2000)
	void theHeldPartIsNeverMoreThanAskedNorThanTheQuote(@ForAll @LongRange(min = 1, max = 100_000_000_000L) long quote,
			@ForAll("ratios") BigDecimal ratio, @ForAll @LongRange(min = 0, max = 100_000_000_000L) long balance,
			@ForAll @WithNull(0.3) @LongRange(min = 1, max = 100_000_000_000L) Long asked) {
		long most = VoucherPart.most(quote, ratio);
		AtomicBoolean balanceRead = new AtomicBoolean();
		long held;
		try {
			held = VoucherPart.held(quote, ratio, asked, () -> {
				balanceRead.set(true);
				return balance;
			});
		}
		catch (KejiaoException refused) {
			String expected = most == 0 ? "voucher.ratio-rounds-to-zero"
					: asked != null ? "voucher.above-ratio" : "voucher.grant-empty";
			assertThat(refused.code()).isEqualTo(expected);
			if (asked != null && most > 0) {
				assertThat(asked).isGreaterThan(most);
			}
			if (asked == null && most > 0) {
				assertThat(balance).isZero();
			}
			return;
		}
		assertThat(held).isPositive().isLessThanOrEqualTo(most).isLessThanOrEqualTo(quote);
		assertThat(BigDecimal.valueOf(held)).isLessThanOrEqualTo(BigDecimal.valueOf(quote).multiply(ratio));
		if (asked != null) {
			assertThat(held).isEqualTo(asked);
			assertThat(balanceRead).as("an asked part is the ledger's to cover").isFalse();
		}
		else {
			assertThat(held).isLessThanOrEqualTo(balance).isEqualTo(Math.min(most, balance));
		}
	}

	@Property(tries = 1000)
	void theSmallestQuoteNamedIsTheFirstThatLeavesAFen(@ForAll("ratios") BigDecimal ratio) {
		long smallest = VoucherPart.smallestQuote(ratio);
		assertThat(VoucherPart.most(smallest, ratio)).isPositive();
		assertThat(VoucherPart.most(smallest - 1, ratio)).isZero();
		if (smallest > 1) {
			assertThatThrownBy(() -> VoucherPart.held(smallest - 1, ratio, null, () -> 1_000_000))
				.isInstanceOfSatisfying(KejiaoException.class,
						ex -> assertThat(ex.code()).isEqualTo("voucher.ratio-rounds-to-zero"));
		}
	}
}
