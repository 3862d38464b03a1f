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
}
