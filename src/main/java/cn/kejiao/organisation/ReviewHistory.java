package cn.kejiao.organisation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The steps of each organisation's verification ({@code organisation.review_step}), appended as they happen. */
@Component
class ReviewHistory {

	private final JdbcClient jdbc;

	ReviewHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void append(UUID organisationId, ReviewStep.Step step, Instant at, @Nullable String by, @Nullable String reason) {
		jdbc.sql("""
				insert into organisation.review_step (organisation_id, at, step, by_username, reason)
				values (:id, :at, :step, :by, :reason)""")
			.param("id", organisationId).param("at", Timestamp.from(at)).param("step", step.name())
			.param("by", by).param("reason", reason).update();
	}

	List<ReviewStep> of(UUID organisationId) {
		return jdbc.sql("""
				select at, step, by_username, reason from organisation.review_step
				where organisation_id = :id order by at, id""")
			.param("id", organisationId)
			.query((rs, n) -> new ReviewStep(rs.getTimestamp(1).toInstant(), ReviewStep.Step.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4)))
			.list();
	}
}
