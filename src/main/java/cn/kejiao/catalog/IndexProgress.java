package cn.kejiao.catalog;

/** Progress of the search index's current or last rebuild: STARTING, INDEXING or READY, entries done of total. */
public record IndexProgress(String state, long done, long total) {
}
