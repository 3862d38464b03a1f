package cn.kejiao.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.kejiao.platform.text.ChineseText;

/** The words a match's reason names as shared by the demand and the entry. */
class SharedWordsTests {

	@Test
	void keywordsFirstLongestFirstAndNoWordInsideOneAlreadyNamed() {
		String entry = ChineseText.normalise("场发射扫描电子显微镜，用于铝合金断口与氧化铝陶瓷的形貌分析");
		var keywords = new LinkedHashSet<>(ChineseText.tokens("氧化铝"));
		var demand = new LinkedHashSet<>(ChineseText.tokens("需要电子显微镜观察铝合金显微组织，检测氧化铝夹杂"));
		List<String> shared = Matching.sharedWords(entry, keywords, demand);
		assertThat(shared.getFirst()).isEqualTo("氧化铝");
		assertThat(shared).contains("铝合金").doesNotContain("显微", "氧化", "合金");
		assertThat(shared).allMatch(word -> entry.contains(word));
		assertThat(shared).doesNotContain("需要", "夹杂", "组织");
	}
}
