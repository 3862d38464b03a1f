package cn.kejiao.insight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.RegionCodes;

/** The drill-down filter of a kind of one region, whose served and serving region are the same. */
final class OneRegion {

	private OneRegion() {
	}

	/**
	 * The regions a row of one region must lie in to match both filters: either filter alone when the other is empty
	 * (any region), else the narrower of each pair that nests; null when nothing can match.
	 */
	static @Nullable Collection<String> regions(Collection<String> served, Collection<String> serving) {
		if (served.isEmpty()) {
			return serving;
		}
		if (serving.isEmpty()) {
			return served;
		}
		List<String> both = new ArrayList<>();
		for (String a : served) {
			for (String b : serving) {
				if (RegionCodes.isWithin(a, b)) {
					both.add(a);
				}
				else if (RegionCodes.isWithin(b, a)) {
					both.add(b);
				}
			}
		}
		return both.isEmpty() ? null : both;
	}
}
