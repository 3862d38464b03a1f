package cn.kejiao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.kejiao.platform.text.ChineseText;

/** What the index and the matcher see of a Chinese text. */
class ChineseTextTests {

	@Test
	void traditionalAndSimplifiedGiveTheSameTokens() {
		assertThat(ChineseText.tokens("儀器設備")).isEqualTo(ChineseText.tokens("仪器设备")).isNotEmpty();
		assertThat(ChineseText.tokens("掃描電子顯微鏡")).isEqualTo(ChineseText.tokens("扫描电子显微镜"));
	}

	@Test
	void fullWidthAndCaseFold() {
		assertThat(ChineseText.tokens("ＸＲＤ 衍射仪")).isEqualTo(ChineseText.tokens("xrd 衍射仪")).contains("xrd");
	}

	@Test
	void longWordsAlsoYieldTheirBigramsSoPartsAreFound() {
		assertThat(ChineseText.tokens("低品位铝土矿生产氧化铝技术")).contains("铝土", "氧化", "化铝");
		assertThat(ChineseText.tokens("扫描电子显微镜")).contains("显微");
	}

	@Test
	void punctuationIsNotAToken() {
		assertThat(ChineseText.tokens("检测，认证。（CMA）")).doesNotContain("，", "。", "(", ")").contains("cma");
	}

	@Test
	void aTextMentionsChineseWordsAnywhereAndLatinWordsOnlyWhole() {
		String text = ChineseText.normalise("場發射掃描電子顯微鏡（SEM），用于半导体 semiconductor 失效分析");
		assertThat(ChineseText.mentions(text, "电子显微镜")).isTrue();
		assertThat(ChineseText.mentions(text, "sem")).isTrue();
		assertThat(ChineseText.mentions(text, "semi")).isFalse();
		assertThat(ChineseText.mentions(text, "透射")).isFalse();
	}

	@Test
	void rememberedTokensAreTheTokens() {
		String text = "一种低品位铝土矿生产氧化铝的拜耳法工艺，适用于高硅铝土矿，已完成中试";
		assertThat(ChineseText.rememberedTokens(text)).isEqualTo(ChineseText.tokens(text));
		assertThat(ChineseText.rememberedTokens(text)).isEqualTo(ChineseText.tokens(text));
	}
}
