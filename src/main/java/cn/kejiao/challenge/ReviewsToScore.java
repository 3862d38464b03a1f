package cn.kejiao.challenge;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.platform.Actor;

/**
 * What an expert still has to score, for the workbench: per challenge under review on whose panel the expert
 * sits, the applications not yet scored by the expert (never those it has a conflict of interest with, by the
 * one rule of {@link ConflictsOfInterest}, so the count is what the expert finds in My reviews).
 */
@Service
public class ReviewsToScore {

	private final JdbcClient jdbc;

	ReviewsToScore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One challenge's applications the expert has yet to score. */
	public record Pending(UUID challengeId, String title, long applications) {
	}

	@Transactional(readOnly = true)
	public List<Pending> of(Actor expert) {
		return jdbc.sql("""
				select c.id, c.title, count(a.id)
				from challenge.panellist p
				join challenge.challenge c on c.id = p.challenge_id and c.state = 'REVIEW'
				join challenge.application a on a.challenge_id = c.id and %s
				where p.user_id = :user
				  and not exists (select 1 from challenge.review r where r.application_id = a.id and r.user_id = p.user_id)
				group by c.id, c.title, c.deadline order by c.deadline, c.id"""
				.formatted(ConflictsOfInterest.scorable("p.organisation_id", "p.user_id")))
			.param("user", expert.userId())
			.query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3))).list();
	}
}
