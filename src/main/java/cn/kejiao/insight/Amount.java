package cn.kejiao.insight;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Money;

/** How many, and how much money where the kind has money (null otherwise). */
public record Amount(long count, @Nullable Money value) {

	public static final Amount NONE = new Amount(0, null);

	static Amount of(InsightKind kind, long count, long valueFen) {
		return new Amount(count, kind.money() ? new Money(valueFen) : null);
	}
}
