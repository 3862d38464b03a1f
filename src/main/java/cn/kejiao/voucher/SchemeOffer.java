package cn.kejiao.voucher;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.KejiaoException;

/** A scheme as offered to an enterprise: {@code refusal} says why it may not apply to it today, null when it may. */
public record SchemeOffer(SchemeView scheme, @Nullable KejiaoException refusal) {

	public boolean open() {
		return refusal == null;
	}
}
