package cn.kejiao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** An amount is written and read as a yuan string, and nothing else is taken for one. */
class MoneyTests {

	record Quote(Money amount) {
	}

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anAmountIsWrittenAsYuanWithTwoDecimals() {
		assertThat(json.writeValueAsString(new Quote(new Money(120050)))).isEqualTo("{\"amount\":\"1200.50\"}");
		assertThat(new Money(120050).display()).isEqualTo("¥1,200.50");
	}

	@Test
	void aYuanStringIsReadToTheFen() {
		assertThat(json.readValue("{\"amount\":\"1200.5\"}", Quote.class).amount()).isEqualTo(new Money(120050));
		assertThat(json.readValue("{\"amount\":\"0\"}", Quote.class).amount()).isEqualTo(Money.ZERO);
	}

	@Test
	void aNumberOrAThirdDecimalIsRefusedNamingTheField() {
		for (String body : new String[] { "{\"amount\":1200}", "{\"amount\":\"1200.505\"}", "{\"amount\":\"-1\"}",
				"{\"amount\":\"1,200\"}", "{\"amount\":true}" }) {
			assertThatThrownBy(() -> json.readValue(body, Quote.class)).as(body)
				.satisfies(thrown -> assertThat(rootKejiao(thrown)).isNotNull()
					.satisfies(ex -> assertThat(ex.code()).isEqualTo("money.format"))
					.satisfies(ex -> assertThat(ex.args()).contains("amount")));
		}
	}

	@Test
	void aNegativeAmountCannotBeMade() {
		assertThatThrownBy(() -> new Money(-1)).isInstanceOf(IllegalArgumentException.class);
		assertThat(new Money(500).minus(new Money(200))).isEqualTo(new Money(300));
		assertThatThrownBy(() -> new Money(200).minus(new Money(500))).isInstanceOf(IllegalArgumentException.class);
	}

	private static KejiaoException rootKejiao(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof KejiaoException known) {
				return known;
			}
		}
		return null;
	}
}
