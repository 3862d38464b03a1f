package cn.kejiao.catalog;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The index's only analyzer: text arrives already normalised and segmented by ChineseText, so the index
 * splits on whitespace and lower-cases. (The Elasticsearch backend defines the same analyzer.)
 */
public class KejiaoAnalysisConfigurer implements LuceneAnalysisConfigurer {

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(CatalogEntry.TOKENS).custom().tokenizer("whitespace").tokenFilter("lowercase");
	}
}
