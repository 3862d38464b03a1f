package cn.kejiao.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** What the platform accepts as text, parameter names and decimals from any request. */
class RequestInputTests {

	@Test
	void textWithANulOrAnUnpairedSurrogateCannotBeStored() {
		assertThat(RequestInput.isStorable("科交 Kejiao 😀\t\n")).isTrue();
		assertThat(RequestInput.isStorable("a\u0000b")).isFalse();
		assertThat(RequestInput.isStorable("a\ud800")).isFalse();
		assertThat(RequestInput.isStorable("\udc00a")).isFalse();
		assertThat(RequestInput.isStorable("\ud800\ud800\udc00")).isFalse();
	}

	@Test
	void aParameterNameIsNeitherEmptyNorHoldsControlCharacters() {
		assertThat(RequestInput.isParameterName("priceMax")).isTrue();
		assertThat(RequestInput.isParameterName("")).isFalse();
		assertThat(RequestInput.isParameterName("a\u0001b")).isFalse();
		assertThat(RequestInput.isParameterName("a\u0085b")).isFalse();
	}

	@Test
	void aDecimalHasAtMostFifteenDigitsBeforeThePointAndTenAfter() {
		assertThat(RequestInput.isReasonable(new BigDecimal("999999999999999.9999999999"))).isTrue();
		assertThat(RequestInput.isReasonable(new BigDecimal("-1e14"))).isTrue();
		assertThat(RequestInput.isReasonable(new BigDecimal("1e15"))).isFalse();
		assertThat(RequestInput.isReasonable(new BigDecimal("1e30"))).isFalse();
		assertThat(RequestInput.isReasonable(new BigDecimal("1e999999999"))).isFalse();
		assertThat(RequestInput.isReasonable(new BigDecimal("1e-11"))).isFalse();
	}
}
