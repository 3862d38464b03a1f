package cn.kejiao.cooperation;

import org.jspecify.annotations.Nullable;

/**
 * What a portfolio is narrowed to: a region within the reader's (default: the reader's own), a stage, an industry
 * chain (exact), words of the title or number, only projects with overdue milestones.
 */
public record ProjectQuery(@Nullable String region, @Nullable ProjectStage stage, @Nullable String chain,
		@Nullable String text, boolean overdueOnly) {

	public static final ProjectQuery ALL = new ProjectQuery(null, null, null, null, false);
}
