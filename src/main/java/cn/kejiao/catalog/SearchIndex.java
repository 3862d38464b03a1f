package cn.kejiao.catalog;

import java.util.concurrent.atomic.AtomicReference;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * Keeps the search index consistent with the database. Every committed change is indexed at once by
 * Hibernate Search; at start-up, an index that does not hold exactly the database's entries (a new data
 * folder, a restored backup, a crash between commit and index write) is rebuilt before the application
 * reports itself healthy. The platform admin can also rebuild it on demand.
 */
@Component
@Order(-100)
class SearchIndex implements ApplicationRunner, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	private final EntityManagerFactory entityManagerFactory;
	private final EntityManager entityManager;
	private final TransactionTemplate transactions;
	private final AtomicReference<IndexProgress> progress = new AtomicReference<>(new IndexProgress("STARTING", 0, 0));

	SearchIndex(EntityManagerFactory entityManagerFactory, EntityManager entityManager, TransactionTemplate transactions) {
		this.entityManagerFactory = entityManagerFactory;
		this.entityManager = entityManager;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		long inDatabase = transactions.execute(status -> entityManager
			.createQuery("select count(e) from CatalogEntry e", Long.class).getSingleResult());
		long inIndex = transactions.execute(status -> Search.session(entityManager).search(CatalogEntry.class)
			.where(f -> f.matchAll()).fetchTotalHitCount());
		Integer built = transactions.execute(status -> ((Number) entityManager
			.createNativeQuery("select mapping_version from catalog.index_state where id = 1").getSingleResult()).intValue());
		if (built == null || built != CatalogEntry.MAPPING_VERSION) {
			log.info("Search index was built with mapping {}, now {}: rebuilding", built, CatalogEntry.MAPPING_VERSION);
			rebuild();
		}
		else if (inDatabase != inIndex) {
			log.info("Search index holds {} entries, database {}: rebuilding", inIndex, inDatabase);
			rebuild();
		}
		else {
			progress.set(new IndexProgress("READY", inIndex, inIndex));
		}
	}

	/** Rebuilds the whole index from the database; platform admin only when called by a person. */
	public IndexProgress rebuildNow() throws InterruptedException {
		Actors.current().filter(actor -> !actor.isPlatformAdmin()).ifPresent(actor -> {
			throw KejiaoException.forbidden("auth.forbidden");
		});
		rebuild();
		return progress.get();
	}

	/**
	 * Merges the index into as few segments as it can (a built index is read far more than it is written):
	 * for an index rebuilt before merging was part of the rebuild. Platform admin only when called by a person.
	 */
	public void mergeSegments() {
		Actors.current().filter(actor -> !actor.isPlatformAdmin()).ifPresent(actor -> {
			throw KejiaoException.forbidden("auth.forbidden");
		});
		long started = System.nanoTime();
		Search.mapping(entityManagerFactory).scope(CatalogEntry.class).workspace().mergeSegments();
		log.info("Search index merged in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	public IndexProgress progress() {
		return progress.get();
	}

	private void rebuild() throws InterruptedException {
		long started = System.nanoTime();
		MassIndexer indexer = Search.mapping(entityManagerFactory).scope(CatalogEntry.class).massIndexer()
			// drop and recreate rather than delete by query: faster, and needs no reindex module on a cluster
			.dropAndCreateSchemaOnStart(true)
			.purgeAllOnStart(false)
			.typesToIndexInParallel(1)
			.threadsToLoadObjects(2)
			.batchSizeToLoadObjects(500)
			// one segment at the end: every query then looks each word up once, not once per segment
			.mergeSegmentsOnFinish(true)
			.monitor(new org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor() {
				@Override
				public void documentsAdded(long increment) {
					progress.updateAndGet(p -> new IndexProgress("INDEXING", p.done() + increment, p.total()));
				}

				@Override
				public void documentsBuilt(long increment) {
				}

				@Override
				public void entitiesLoaded(long increment) {
				}

				@Override
				public void addToTotalCount(long increment) {
					progress.updateAndGet(p -> new IndexProgress("INDEXING", p.done(), p.total() + increment));
				}

				@Override
				public void indexingCompleted() {
				}
			});
		progress.set(new IndexProgress("INDEXING", 0, 0));
		indexer.startAndWait();
		transactions.executeWithoutResult(status -> entityManager
			.createNativeQuery("update catalog.index_state set mapping_version = ?1, built_at = now() where id = 1")
			.setParameter(1, CatalogEntry.MAPPING_VERSION).executeUpdate());
		IndexProgress done = progress.updateAndGet(p -> new IndexProgress("READY", p.done(), p.total()));
		log.info("Search index rebuilt: {} entries in {} ms", done.done(), (System.nanoTime() - started) / 1_000_000);
	}

	@Override
	public Health health() {
		IndexProgress current = progress.get();
		Health.Builder health = "READY".equals(current.state()) ? Health.up() : Health.outOfService();
		return health.withDetail("state", current.state()).withDetail("done", current.done())
			.withDetail("total", current.total()).build();
	}
}
