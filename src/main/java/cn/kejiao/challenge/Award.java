package cn.kejiao.challenge;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One awarded application and its amount in yuan. */
public record Award(@Nullable UUID applicationId, @Nullable Object amount) {
}
