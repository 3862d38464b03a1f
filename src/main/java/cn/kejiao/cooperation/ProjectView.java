package cn.kejiao.cooperation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Money;

/**
 * A funded project (科技计划项目) whole: who funds it with how much, who leads it and with whom, the industry chain
 * it serves, its period and stage, its milestones, outcomes and landings.
 *
 * @param regionCode the region that manages the project (its first funder)
 * @param funding the sum of the funders' amounts
 */
public record ProjectView(UUID id, String number, String title, String regionCode, @Nullable UUID agreementId,
		@Nullable UUID challengeId, Party lead, List<Party> partners, List<Funder> funders, Money funding,
		String industryChain, String summary, LocalDate startsOn, LocalDate endsOn, ProjectStage stage,
		String stageRemarks, List<MilestoneView> milestones, List<OutcomeView> outcomes, List<LandingView> landings,
		String createdBy, Instant createdAt) {

	/** An organisation taking part, with its name and region as they were when it was added. */
	public record Party(UUID organisationId, String name, String regionCode) {
	}

	/** A funding region and its amount. */
	public record Funder(String regionCode, Money amount) {
	}

	/** A milestone with its deliverables and acceptance; {@code overdue} when due and still not delivered. */
	public record MilestoneView(UUID id, String title, String deliverables, LocalDate dueOn, MilestoneState state,
			String deliveryNote, @Nullable String deliveredBy, @Nullable Instant deliveredAt, @Nullable String decidedBy,
			@Nullable Instant decidedAt, String remarks, boolean overdue, @Nullable Instant flaggedAt) {
	}

	/** An outcome; which of the links and figures are set depends on the kind. */
	public record OutcomeView(UUID id, OutcomeKind kind, String title, @Nullable UUID catalogEntryId,
			@Nullable UUID contractId, @Nullable Money amount, @Nullable Integer quantity, String recordedBy,
			Instant recordedAt) {
	}

	/** Where and how the project's achievement landed (落地). */
	public record LandingView(UUID id, UUID enterpriseId, String enterprise, String regionCode, LandingMode mode,
			String incubator, LocalDate landedOn, String note, String recordedBy, Instant recordedAt) {
	}

	/**
	 * Whether the actor manages the project: an admin governing the managing region or one of the funders' regions,
	 * or the platform admin. They accept milestones, record landings and move the stage.
	 */
	public boolean isManagedBy(Actor actor) {
		return actor.governs(regionCode) || funders.stream().anyMatch(f -> actor.governs(f.regionCode()));
	}

	/** Whether the actor is a member of the lead organisation, which delivers milestones and records outcomes. */
	public boolean isLedBy(Actor actor) {
		return lead.organisationId().equals(actor.organisationId());
	}

	/** Those who manage it, the lead's members and the partners' members read the project; for others it is 404. */
	public boolean isReadableBy(Actor actor) {
		return isManagedBy(actor) || isLedBy(actor)
				|| partners.stream().anyMatch(p -> p.organisationId().equals(actor.organisationId()));
	}

	public long overdueMilestones() {
		return milestones.stream().filter(MilestoneView::overdue).count();
	}
}
