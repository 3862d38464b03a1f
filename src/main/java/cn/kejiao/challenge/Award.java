package cn.kejiao.challenge;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Money;

/** One awarded application and its amount, above zero (in JSON a yuan string, as every amount). */
public record Award(@Nullable UUID applicationId, @Nullable Money amount) {
}
