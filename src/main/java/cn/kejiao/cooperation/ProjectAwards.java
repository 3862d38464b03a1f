package cn.kejiao.cooperation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.challenge.ChallengeAwarded;
import cn.kejiao.challenge.Challenges;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.RegionCodes;

/**
 * Challenge awards that may become funded projects ("create from award"): each awarded organisation of a challenge
 * is remembered with its amount and the challenge's region when the award is announced; the admins of that region
 * see the awards without a project yet and create one prefilled (title, lead, funder and amount), which names the
 * challenge it arose from.
 */
@Service
public class ProjectAwards {

	/** An award that has no project yet. */
	public record Award(UUID challengeId, String title, UUID organisationId, String organisationName, Money amount,
			String regionCode) {
	}

	private final JdbcClient jdbc;
	private final Challenges challenges;
	private final Organisations organisations;
	private final Clock clock;

	ProjectAwards(JdbcClient jdbc, Challenges challenges, Organisations organisations, Clock clock) {
		this.jdbc = jdbc;
		this.challenges = challenges;
		this.organisations = organisations;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ChallengeAwarded event) {
		String region = challenges.get(event.challengeId(), null).regionCode();
		for (ChallengeAwarded.Winner winner : event.winners()) {
			jdbc.sql("""
					insert into cooperation.project_award (challenge_id, org_id, title, amount_fen, region_code, awarded_at)
					values (:c, :o, :t, :a, :r, :at) on conflict do nothing""")
				.param("c", event.challengeId()).param("o", winner.organisationId()).param("t", event.title())
				.param("a", winner.amount().fen()).param("r", region).param("at", Timestamp.from(clock.instant()))
				.update();
		}
	}

	/** The awards of the admin's region and below that no project names yet, newest first. */
	@Transactional(readOnly = true)
	public List<Award> open(Actor actor) {
		if (!actor.isRegionAdmin() && !actor.isPlatformAdmin()) {
			return List.of();
		}
		return jdbc.sql("""
				select a.challenge_id, a.title, a.org_id, a.amount_fen, a.region_code from cooperation.project_award a
				where (cast(:region as text) is null or a.region_code like :region)
				  and not exists (select 1 from cooperation.project p where p.challenge_id = a.challenge_id and p.lead_org_id = a.org_id)
				order by a.awarded_at desc limit 50""")
			.param("region", actor.isPlatformAdmin() ? null : RegionCodes.likePattern(actor.regionCode()))
			.query((rs, n) -> {
				UUID org = rs.getObject(3, UUID.class);
				return new Award(rs.getObject(1, UUID.class), rs.getString(2), org,
						organisations.find(org).map(OrganisationView::name).orElse(""), new Money(rs.getLong(4)),
						rs.getString(5));
			}).list();
	}
}
