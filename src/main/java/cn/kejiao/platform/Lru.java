package cn.kejiao.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bounded memories: a map that keeps the most recently used entries, shared safely between threads. */
public final class Lru {

	private Lru() {
	}

	/** A map of at most {@code most} entries; the least recently read or written one goes first. */
	public static <K, V> Map<K, V> map(int most) {
		return Collections.synchronizedMap(new LinkedHashMap<>(Math.min(most, 1024), 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > most;
			}
		});
	}
}
