package cn.kejiao.cooperation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.kejiao.audit.AuditLog;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;

/**
 * A project's milestones: planned by the managing admins or the lead organisation, their deliverables handed in by
 * the lead organisation's members, and accepted (验收) or rejected with remarks by an admin of the funding region;
 * the lead organisation is told of the decision ({@link ProjectMilestoneDecided}). Which step is allowed when is
 * {@link MilestoneState}'s; the project's row is locked while a milestone changes.
 */
@Service
public class ProjectMilestones {

	/** A milestone to plan. */
	public record NewMilestone(@Nullable String title, @Nullable String deliverables, @Nullable LocalDate dueOn) {
	}

	private final Projects projects;
	private final ProjectRows rows;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ProjectMilestones(Projects projects, ProjectRows rows, JdbcClient jdbc, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.projects = projects;
		this.rows = rows;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Plans a milestone: the managing admins or the lead's members, while the project runs. */
	@Transactional
	public ProjectView.MilestoneView add(UUID projectId, NewMilestone form) {
		Actor actor = Actors.require();
		ProjectView project = projects.lockedForLeadOrManager(projectId, actor);
		if (!project.stage().isOpen()) {
			throw KejiaoException.conflict("project.closed");
		}
		String title = ProjectInput.text(form.title(), 1, 200, "project.milestone-title-required");
		if (form.dueOn() == null) {
			throw KejiaoException.invalid("project.milestone-due-required");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into cooperation.project_milestone (id, project_id, title, deliverables, due_on, state, created_at)
				values (:id, :p, :title, :deliverables, :due, 'PLANNED', :at)""")
			.param("id", id).param("p", projectId).param("title", title)
			.param("deliverables", ProjectInput.text(form.deliverables(), 0, 4000, "project.deliverables-too-long"))
			.param("due", form.dueOn()).param("at", Timestamp.from(clock.instant())).update();
		audit.record("project.milestone-added", "project", projectId.toString(), project.number() + " " + title,
				project.regionCode(), null, Map.of("milestone", title, "dueOn", form.dueOn().toString()));
		return milestone(projectId, id);
	}

	/** The lead organisation's member hands in the deliverables, with a note of what was delivered. */
	@Transactional
	public ProjectView.MilestoneView deliver(UUID projectId, UUID milestoneId, @Nullable String note) {
		Actor actor = Actors.require();
		rows.lock(projectId);
		ProjectView project = projects.readable(projectId, actor);
		ProjectView.MilestoneView milestone = find(project, milestoneId);
		if (!project.isLedBy(actor)) {
			throw KejiaoException.forbidden("project.lead-only");
		}
		milestone.state().checkDeliver();
		String text = ProjectInput.text(note, 1, 4000, "project.delivery-note-required");
		jdbc.sql("""
				update cooperation.project_milestone set state = 'DELIVERED', delivery_note = :note, delivered_by = :by,
				    delivered_at = :at where id = :id""")
			.param("note", text).param("by", actor.displayName()).param("at", Timestamp.from(clock.instant()))
			.param("id", milestoneId).update();
		audit.record("project.milestone-delivered", "project", projectId.toString(),
				project.number() + " " + milestone.title(), project.regionCode(), Map.of("state", milestone.state().name()),
				Map.of("state", "DELIVERED", "note", text));
		return milestone(projectId, milestoneId);
	}

	/**
	 * An admin managing the project accepts (验收) or rejects the delivered milestone; a rejection needs remarks
	 * ({@code project.remarks-required}).
	 */
	@Transactional
	public ProjectView.MilestoneView decide(UUID projectId, UUID milestoneId, boolean accept, @Nullable String remarks) {
		Actor actor = Actors.require();
		rows.lock(projectId);
		ProjectView project = projects.readable(projectId, actor);
		ProjectView.MilestoneView milestone = find(project, milestoneId);
		if (!project.isManagedBy(actor)) {
			throw KejiaoException.forbidden("project.manager-only");
		}
		milestone.state().checkDecide();
		String text = ProjectInput.text(remarks, 0, 2000, "project.remarks-too-long");
		if (!accept && text.isEmpty()) {
			throw KejiaoException.invalid("project.remarks-required");
		}
		MilestoneState state = accept ? MilestoneState.ACCEPTED : MilestoneState.REJECTED;
		jdbc.sql("""
				update cooperation.project_milestone set state = :state, decided_by = :by, decided_at = :at, remarks = :r
				where id = :id""")
			.param("state", state.name()).param("by", actor.displayName()).param("at", Timestamp.from(clock.instant()))
			.param("r", text).param("id", milestoneId).update();
		audit.record(accept ? "project.milestone-accepted" : "project.milestone-rejected", "project",
				projectId.toString(), project.number() + " " + milestone.title(), project.regionCode(),
				Map.of("state", milestone.state().name()), Map.of("state", state.name(), "remarks", text));
		events.publishEvent(new ProjectMilestoneDecided(projectId, project.number(), project.title(), milestoneId,
				milestone.title(), accept, text, project.lead().organisationId()));
		return milestone(projectId, milestoneId);
	}

	private static ProjectView.MilestoneView find(ProjectView project, UUID milestoneId) {
		return project.milestones().stream().filter(m -> m.id().equals(milestoneId)).findFirst()
			.orElseThrow(() -> KejiaoException.notFound("project.milestone-not-found", milestoneId));
	}

	private ProjectView.MilestoneView milestone(UUID projectId, UUID milestoneId) {
		return find(projects.load(projectId), milestoneId);
	}
}
