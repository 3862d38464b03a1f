package cn.kejiao.platform;

import org.springframework.data.domain.PageRequest;

/**
 * The page of a listing a client asked for, checked once for every paged endpoint: {@code page} counts from 0,
 * {@code size} is at least 1 and is lowered to the listing's maximum when above it (the answer says which size
 * was used), and no listing is read beyond its first {@value #MAX_ROWS} rows — narrow the query to reach further.
 * Anything else is refused with {@code request.page-out-of-range} (400), so no page number, however large, reaches
 * an offset that overflows.
 *
 * @param page the page, from 0
 * @param size the rows per page
 */
public record Paging(int page, int size) {

	/** The deepest row any listing answers, as search engines do (Elasticsearch's default result window). */
	public static final int MAX_ROWS = 10_000;

	public Paging {
		if (page < 0 || size < 1 || (long) page * size + size > MAX_ROWS) {
			throw KejiaoException.invalid("request.page-out-of-range", MAX_ROWS);
		}
	}

	/** The page asked for, with its size lowered to {@code maxSize} when above it. */
	public static Paging of(int page, int size, int maxSize) {
		return new Paging(page, size < 1 ? size : Math.min(size, maxSize));
	}

	/** The first row of the page, from 0. */
	public int offset() {
		return page * size;
	}

	/** The page for a Spring Data repository. */
	public PageRequest pageRequest() {
		return PageRequest.of(page, size);
	}
}
