package cn.kejiao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A hit's snippet: plain text around what matched, with where the matched terms are. */
class HitProjectionTests {

	@Test
	void theSnippetIsPlainTextAndTheHighlightsPointAtTheMatchedTerms() {
		HitProjection.Snippet snippet = HitProjection.snippet("以低品位铝土矿为原料<生产>氧化铝，氧化铝回收率高", List.of("氧化铝"));
		assertThat(snippet.text()).isEqualTo("以低品位铝土矿为原料<生产>氧化铝，氧化铝回收率高");
		assertThat(snippet.highlights()).extracting(h -> snippet.text().substring(h.start(), h.end()))
			.containsExactly("氧化铝", "氧化铝");
	}

	@Test
	void aLongSummaryIsCutAroundTheFirstMatchAndTheOffsetsCountTheEllipsis() {
		String summary = "甲".repeat(100) + "氧化铝" + "乙".repeat(300);
		HitProjection.Snippet snippet = HitProjection.snippet(summary, List.of("氧化铝"));
		assertThat(snippet.text()).startsWith("…").endsWith("…").hasSize(162);
		var only = snippet.highlights().getFirst();
		assertThat(snippet.text().substring(only.start(), only.end())).isEqualTo("氧化铝");
	}
}
