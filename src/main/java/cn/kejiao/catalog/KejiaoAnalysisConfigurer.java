package cn.kejiao.catalog;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The index's only analyzer, the same for both backends: text arrives already normalised and segmented
 * by ChineseText, so the index splits on whitespace and lower-cases. Elasticsearch and OpenSearch need no
 * Chinese plugin and give the same results as the embedded Lucene index.
 */
public class KejiaoAnalysisConfigurer implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(CatalogEntry.TOKENS).custom().tokenizer("whitespace").tokenFilter("lowercase");
	}

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.analyzer(CatalogEntry.TOKENS).custom().tokenizer("whitespace").tokenFilters("lowercase");
	}
}
