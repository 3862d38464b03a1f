package cn.kejiao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class WrittenAmountTests {

	@Test
	void readsWhatPeopleWrite() {
		assertThat(WrittenAmount.fen("3600", "reward")).isEqualTo(360_000);
		assertThat(WrittenAmount.fen("3,600", "reward")).isEqualTo(360_000);
		assertThat(WrittenAmount.fen("¥3,600.50", "reward")).isEqualTo(360_050);
		assertThat(WrittenAmount.fen("200万", "reward")).isEqualTo(200_000_000);
		assertThat(WrittenAmount.fen("300万元", "reward")).isEqualTo(300_000_000);
		assertThat(WrittenAmount.fen("1.5亿", "reward")).isEqualTo(15_000_000_000L);
		assertThat(WrittenAmount.fen("３，６００", "reward")).isEqualTo(360_000);
		assertThat(WrittenAmount.fen(" 12.5 万 ", "reward")).isEqualTo(12_500_000);
	}

	@Test
	void refusesWhatIsNotAnAmountAndSaysHowToWriteIt() {
		for (String bad : new String[] { "", "abc", "3,60", "-5", "1.234", "1万亿", "2e5", "10000000000000" }) {
			assertThatThrownBy(() -> WrittenAmount.fen(bad, "reward")).as(bad)
				.isInstanceOfSatisfying(KejiaoException.class, e -> assertThat(e.code()).isEqualTo("money.written"));
		}
	}

	@Test
	void largeAmountsAreSpokenTheReadersWay() {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		assertThat(WrittenAmount.spoken(150_000_000, zh)).isEqualTo("150万元");
		assertThat(WrittenAmount.spoken(15_000_000_000L, zh)).isEqualTo("1.5亿元");
		assertThat(WrittenAmount.spoken(150_000, zh)).isEqualTo("¥1,500.00");
		assertThat(WrittenAmount.spoken(150_000_000, Locale.ENGLISH)).isEqualTo("¥1.5 million");
		assertThat(WrittenAmount.spoken(221_000_000, Locale.ENGLISH)).isEqualTo("¥2.21 million");
		assertThat(WrittenAmount.spoken(123_456_789, Locale.SIMPLIFIED_CHINESE)).isEqualTo("¥1,234,567.89");
		assertThat(WrittenAmount.display(150_000_000)).isEqualTo("¥1,500,000.00");
	}

	@Property
	void whatIsShownReadsBackToTheSameAmount(@ForAll @LongRange(min = 0, max = 100_000_000_000_000L) long fen) {
		assertThat(WrittenAmount.fen(WrittenAmount.display(fen), "amount")).isEqualTo(fen);
		String spoken = WrittenAmount.spoken(fen, Locale.SIMPLIFIED_CHINESE);
		assertThat(WrittenAmount.fen(spoken, "amount")).isEqualTo(fen);
	}
}
