package cn.kejiao.challenge;

import org.jspecify.annotations.Nullable;

/** A measurable technical target: the indicator and the value to reach (e.g. 氧化铝回收率, ≥ 80%). */
public record Target(@Nullable String indicator, @Nullable String target) {
}
