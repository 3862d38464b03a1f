package cn.kejiao.cooperation.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import cn.kejiao.cooperation.LandingMode;
import cn.kejiao.cooperation.OutcomeKind;
import cn.kejiao.cooperation.ProjectAwards;
import cn.kejiao.cooperation.ProjectMilestones;
import cn.kejiao.cooperation.ProjectOutcomes;
import cn.kejiao.cooperation.Projects;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.platform.WrittenAmount;

/**
 * The project pages' forms, kept as typed to show again when refused; amounts as people write them (3,600, 200万),
 * dates as the date pickers send them.
 */
final class ProjectPageForms {

	private ProjectPageForms() {
	}

	/** Up to {@value #FUNDERS} funders: the first is the managing region. */
	static final int FUNDERS = 3;

	record ProjectForm(@Nullable String number, @Nullable String title, @Nullable List<String> funderRegion,
			@Nullable List<String> funderAmount, @Nullable String lead, @Nullable List<String> partners,
			@Nullable String chain, @Nullable String summary, @Nullable String startsOn, @Nullable String endsOn,
			@Nullable String agreementId, @Nullable String challengeId) {

		static ProjectForm empty(String region) {
			return new ProjectForm("", "", List.of(region), List.of(), "", List.of(), "", "", "", "", "", "");
		}

		/**
		 * The form of a project under an agreement: funded jointly by its parties, the actor's own party (or the
		 * first) managing it.
		 */
		static ProjectForm underAgreement(cn.kejiao.cooperation.AgreementView agreement, cn.kejiao.platform.Actor actor) {
			List<String> funders = new java.util.ArrayList<>(agreement.partyRegions());
			funders.stream().filter(actor::governs).findFirst().ifPresent(own -> {
				funders.remove(own);
				funders.add(0, own);
			});
			List<String> kept = funders.subList(0, Math.min(FUNDERS, funders.size()));
			return new ProjectForm("", "", List.copyOf(kept), List.of(), "", List.of(), "", "", "", "",
					agreement.id().toString(), "");
		}

		/** The form prefilled from a challenge award: its title, the awarded organisation leading, its amount. */
		static ProjectForm fromAward(ProjectAwards.Award award, String region) {
			return new ProjectForm("", award.title(), List.of(region), List.of(award.amount().yuan()),
					award.organisationId().toString(), List.of(), "", "", "", "", "", award.challengeId().toString());
		}

		public String region(int i) {
			return at(funderRegion, i);
		}

		public String amount(int i) {
			return at(funderAmount, i);
		}

		public boolean partner(UUID id) {
			return partners != null && partners.contains(id.toString());
		}

		Projects.NewProject project() {
			List<Projects.Funding> funders = new ArrayList<>();
			for (int i = 0; i < FUNDERS; i++) {
				String region = region(i).strip();
				String amount = amount(i).strip();
				if (region.isEmpty() && amount.isEmpty()) {
					continue;
				}
				funders.add(new Projects.Funding(region, amount.isEmpty() ? null
						: new Money(WrittenAmount.fen(amount, "funderAmount"))));
			}
			List<UUID> partnerIds = new ArrayList<>();
			if (partners != null) {
				for (String partner : partners) {
					if (partner != null && !partner.isBlank()) {
						partnerIds.add(uuid(partner, "project.organisation-unknown"));
					}
				}
			}
			return new Projects.NewProject(number, title, funders,
					lead == null || lead.isBlank() ? null : uuid(lead, "project.lead-required"), partnerIds, chain, summary,
					date(startsOn, "project.period-required"), date(endsOn, "project.period-required"),
					agreementId == null || agreementId.isBlank() ? null : uuid(agreementId, "project.agreement-invalid"),
					challengeId == null || challengeId.isBlank() ? null : uuid(challengeId, "project.agreement-invalid"));
		}
	}

	record MilestoneForm(@Nullable String title, @Nullable String deliverables, @Nullable String dueOn) {

		static MilestoneForm empty() {
			return new MilestoneForm("", "", "");
		}

		ProjectMilestones.NewMilestone milestone() {
			return new ProjectMilestones.NewMilestone(title, deliverables, date(dueOn, "project.milestone-due-required"));
		}
	}

	record OutcomeForm(@Nullable String kind, @Nullable String title, @Nullable String catalogEntryId,
			@Nullable String contractId, @Nullable String amount, @Nullable String quantity) {

		static OutcomeForm empty() {
			return new OutcomeForm("PATENT", "", "", "", "", "");
		}

		ProjectOutcomes.NewOutcome outcome() {
			OutcomeKind k = kind == null || kind.isBlank() ? null : OutcomeKind.valueOf(kind);
			Integer n = null;
			if (quantity != null && !quantity.isBlank()) {
				try {
					n = Integer.valueOf(quantity.strip());
				}
				catch (NumberFormatException ex) {
					throw KejiaoException.invalid("project.outcome-quantity-required");
				}
			}
			return new ProjectOutcomes.NewOutcome(k, title,
					catalogEntryId == null || catalogEntryId.isBlank() ? null : uuid(catalogEntryId, "project.outcome-entry-unknown"),
					contractId == null || contractId.isBlank() ? null : uuid(contractId, "project.outcome-contract-unknown"),
					amount == null || amount.isBlank() ? null : new Money(WrittenAmount.fen(amount, "amount")), n);
		}
	}

	record LandingForm(@Nullable String enterprise, @Nullable String mode, @Nullable String incubator,
			@Nullable String landedOn, @Nullable String note) {

		static LandingForm empty() {
			return new LandingForm("", "LICENCE", "", "", "");
		}

		ProjectOutcomes.NewLanding landing() {
			return new ProjectOutcomes.NewLanding(
					enterprise == null || enterprise.isBlank() ? null : uuid(enterprise, "project.organisation-unknown"),
					mode == null || mode.isBlank() ? null : LandingMode.valueOf(mode), incubator,
					date(landedOn, "project.landing-date-required"), note);
		}
	}

	private static String at(@Nullable List<String> values, int i) {
		return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
	}

	static UUID uuid(String text, String code) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw KejiaoException.invalid(code, text);
		}
	}

	static @Nullable LocalDate date(@Nullable String text, String code) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw KejiaoException.invalid(code);
		}
	}
}
