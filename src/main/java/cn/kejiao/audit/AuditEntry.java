package cn.kejiao.audit;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One recorded state change. Immutable: there is no method that could change it. */
@Entity
@Immutable
@Table(schema = "audit", name = "audit_entry")
class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	@Column(name = "actor_username")
	private String actorUsername;

	@Column(name = "actor_org_id")
	private UUID actorOrgId;

	@Column(name = "actor_org_name")
	private String actorOrgName;

	private String action;

	@Column(name = "subject_type")
	private String subjectType;

	@Column(name = "subject_id")
	private String subjectId;

	@Column(name = "subject_name")
	private String subjectName;

	@Column(name = "region_code")
	private String regionCode;

	@Column(name = "before_state", columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private String beforeState;

	@Column(name = "after_state", columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private String afterState;

	@Column(name = "client_address")
	private String clientAddress;

	protected AuditEntry() {
	}

	AuditEntry(Instant occurredAt, String actorUsername, UUID actorOrgId, String actorOrgName, String action,
			String subjectType, String subjectId, String subjectName, String regionCode, String beforeState,
			String afterState, String clientAddress) {
		this.occurredAt = occurredAt;
		this.actorUsername = actorUsername;
		this.actorOrgId = actorOrgId;
		this.actorOrgName = actorOrgName;
		this.action = action;
		this.subjectType = subjectType;
		this.subjectId = subjectId;
		this.subjectName = subjectName;
		this.regionCode = regionCode;
		this.beforeState = beforeState;
		this.afterState = afterState;
		this.clientAddress = clientAddress;
	}

	AuditRecord view() {
		return new AuditRecord(id, occurredAt, actorUsername, actorOrgId, actorOrgName, action, subjectType, subjectId,
				subjectName, regionCode, beforeState, afterState, clientAddress);
	}
}
