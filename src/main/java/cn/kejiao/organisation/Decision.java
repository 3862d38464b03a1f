package cn.kejiao.organisation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A region admin's decision on a registration. */
public record Decision(@NotNull Verdict verdict, @Size(max = 500) String reason, @Min(0) @Max(30) Integer noticeDays) {

	public enum Verdict {
		APPROVE, REJECT
	}
}
