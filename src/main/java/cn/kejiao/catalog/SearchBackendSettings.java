package cn.kejiao.catalog;

import java.util.Map;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * "The index follows every change at once" on either backend: the embedded Lucene index sees a commit as
 * soon as it is written, while an Elasticsearch or OpenSearch cluster shows it only after a refresh, so with
 * a cluster each transaction waits for that refresh (unless a strategy is configured explicitly).
 */
@Component
class SearchBackendSettings implements HibernatePropertiesCustomizer {

	static final String BACKEND_TYPE = "hibernate.search.backend.type";

	static final String STRATEGY = "hibernate.search.indexing.plan.synchronization.strategy";

	@Override
	public void customize(Map<String, Object> properties) {
		if ("elasticsearch".equals(String.valueOf(properties.get(BACKEND_TYPE))) && !properties.containsKey(STRATEGY)) {
			properties.put(STRATEGY, "read-sync");
		}
	}
}
