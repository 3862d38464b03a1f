package cn.kejiao.cooperation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.catalog.Catalog;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.Money;
import cn.kejiao.trading.Contracts;

/**
 * What a project produced, recorded by its lead organisation or its managing admins: patents, achievements in the
 * catalog (the entry must exist and be visible to the one who links it), technology contracts (likewise), products,
 * revenue and jobs; and its landing (落地), recorded by the managing admins: which enterprise in which region took
 * the achievement up, and how (licence, new company, incubated at an incubator).
 */
@Service
public class ProjectOutcomes {

	/** An outcome as typed: the fields its kind needs. */
	public record NewOutcome(@Nullable OutcomeKind kind, @Nullable String title, @Nullable UUID catalogEntryId,
			@Nullable UUID contractId, @Nullable Money amount, @Nullable Integer quantity) {
	}

	/** A landing as typed. */
	public record NewLanding(@Nullable UUID enterpriseId, @Nullable LandingMode mode, @Nullable String incubator,
			@Nullable LocalDate landedOn, @Nullable String note) {
	}

	private final Projects projects;
	private final ProjectRows rows;
	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final Contracts contracts;
	private final Organisations organisations;
	private final AuditLog audit;
	private final Clock clock;

	ProjectOutcomes(Projects projects, ProjectRows rows, JdbcClient jdbc, Catalog catalog, Contracts contracts,
			Organisations organisations, AuditLog audit, Clock clock) {
		this.projects = projects;
		this.rows = rows;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.contracts = contracts;
		this.organisations = organisations;
		this.audit = audit;
		this.clock = clock;
	}

	/** Records an outcome; the lead's members or the managing admins. */
	@Transactional
	public ProjectView.OutcomeView add(UUID projectId, NewOutcome form) {
		Actor actor = Actors.require();
		ProjectView project = projects.lockedForLeadOrManager(projectId, actor);
		if (form.kind() == null) {
			throw KejiaoException.invalid("project.outcome-kind-required");
		}
		String title = form.title() == null ? "" : form.title().strip();
		UUID entry = null;
		UUID contract = null;
		switch (form.kind()) {
			case ACHIEVEMENT -> {
				if (form.catalogEntryId() == null) {
					throw KejiaoException.invalid("project.outcome-entry-required");
				}
				try {
					var found = catalog.get(form.catalogEntryId(), actor);
					entry = found.id();
					title = title.isEmpty() ? found.title() : title;
				}
				catch (KejiaoException missing) {
					throw KejiaoException.invalid("project.outcome-entry-unknown", form.catalogEntryId());
				}
			}
			case CONTRACT -> {
				if (form.contractId() == null) {
					throw KejiaoException.invalid("project.outcome-contract-required");
				}
				try {
					var found = contracts.get(form.contractId());
					contract = found.id();
					title = title.isEmpty() ? found.number() + " " + found.title() : title;
				}
				catch (KejiaoException missing) {
					throw KejiaoException.invalid("project.outcome-contract-unknown", form.contractId());
				}
			}
			case REVENUE -> {
				if (form.amount() == null) {
					throw KejiaoException.invalid("project.outcome-amount-required");
				}
			}
			case JOBS -> {
				if (form.quantity() == null || form.quantity() < 0) {
					throw KejiaoException.invalid("project.outcome-quantity-required");
				}
			}
			default -> {
			}
		}
		title = ProjectInput.text(title, 1, 300, "project.outcome-title-required");
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cooperation.project_outcome (id, project_id, kind, title, catalog_entry_id, contract_id,
				    amount_fen, quantity, recorded_by, recorded_at)
				values (:id, :p, :kind, :title, :entry, :contract, :amount, :quantity, :by, :at)""")
			.param("id", id).param("p", projectId).param("kind", form.kind().name()).param("title", title)
			.param("entry", entry).param("contract", contract)
			.param("amount", form.kind() == OutcomeKind.REVENUE && form.amount() != null ? form.amount().fen() : null)
			.param("quantity", form.kind() == OutcomeKind.JOBS ? form.quantity() : null)
			.param("by", actor.displayName()).param("at", Timestamp.from(clock.instant())).update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", form.kind().name());
		after.put("title", title);
		audit.record("project.outcome-added", "project", projectId.toString(), project.number() + " " + project.title(),
				project.regionCode(), null, after);
		return projects.load(projectId).outcomes().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * Records where and how the project's achievement landed: an admin managing the project
	 * ({@code project.manager-only}); the enterprise a verified organisation (not a government body).
	 */
	@Transactional
	public ProjectView.LandingView land(UUID projectId, NewLanding form) {
		Actor actor = Actors.require();
		rows.lock(projectId);
		ProjectView project = projects.readable(projectId, actor);
		if (!project.isManagedBy(actor)) {
			throw KejiaoException.forbidden("project.manager-only");
		}
		if (form.enterpriseId() == null) {
			throw KejiaoException.invalid("project.landing-enterprise-required");
		}
		OrganisationView enterprise = organisations.find(form.enterpriseId()).filter(OrganisationView::isVerified)
			.filter(o -> o.type() != OrganisationType.GOVERNMENT)
			.orElseThrow(() -> KejiaoException.invalid("project.organisation-unknown", form.enterpriseId()));
		if (form.mode() == null) {
			throw KejiaoException.invalid("project.landing-mode-required");
		}
		String incubator = ProjectInput.text(form.incubator(), 0, 200, "project.incubator-too-long");
		if (form.mode() == LandingMode.INCUBATED && incubator.isEmpty()) {
			throw KejiaoException.invalid("project.incubator-required");
		}
		if (form.landedOn() == null) {
			throw KejiaoException.invalid("project.landing-date-required");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cooperation.project_landing (id, project_id, enterprise_id, enterprise, region_code, mode,
				    incubator, landed_on, note, recorded_by, recorded_at)
				values (:id, :p, :e, :name, :region, :mode, :incubator, :on, :note, :by, :at)""")
			.param("id", id).param("p", projectId).param("e", enterprise.id()).param("name", enterprise.name())
			.param("region", enterprise.regionCode()).param("mode", form.mode().name())
			.param("incubator", form.mode() == LandingMode.INCUBATED ? incubator : "").param("on", form.landedOn())
			.param("note", ProjectInput.text(form.note(), 0, 2000, "project.note-too-long"))
			.param("by", actor.displayName()).param("at", Timestamp.from(clock.instant())).update();
		audit.record("project.landed", "project", projectId.toString(), project.number() + " " + project.title(),
				project.regionCode(), null, Map.of("enterprise", enterprise.name(), "mode", form.mode().name(),
						"regionCode", enterprise.regionCode()));
		return projects.load(projectId).landings().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
	}

	/** The outcomes of a readable project. */
	@Transactional(readOnly = true)
	public List<ProjectView.OutcomeView> of(UUID projectId) {
		return projects.get(projectId).outcomes();
	}
}
