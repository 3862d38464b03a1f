package cn.kejiao.catalog;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A bulk import running in the background: its progress and its row errors. */
@Entity
@Table(schema = "catalog", name = "import_job")
class ImportJob {

	enum State {
		QUEUED, RUNNING, DONE, REJECTED, FAILED
	}

	@Id
	private UUID id;

	@Column(name = "owner_org_id")
	private UUID ownerOrgId;

	@Enumerated(EnumType.STRING)
	private EntryType type;

	private String mode;

	@Column(name = "file_name")
	private String fileName;

	@Enumerated(EnumType.STRING)
	private State state;

	@Column(name = "rows_total")
	private int rowsTotal;

	@Column(name = "rows_done")
	private int rowsDone;

	@Column(name = "rows_imported")
	private int rowsImported;

	@Column(name = "failure_code")
	private String failureCode;

	@Column(name = "failure_args")
	private String failureArgs;

	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private String errors;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "finished_at")
	private Instant finishedAt;

	@Version
	private long version;

	protected ImportJob() {
	}

	ImportJob(UUID id, UUID ownerOrgId, EntryType type, String mode, String fileName, String createdBy, Instant now) {
		this.id = id;
		this.ownerOrgId = ownerOrgId;
		this.type = type;
		this.mode = mode;
		this.fileName = fileName;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.state = State.QUEUED;
		this.errors = "[]";
	}

	void start(int rowsTotal) {
		this.state = State.RUNNING;
		this.rowsTotal = rowsTotal;
	}

	void progress(int rowsDone, int rowsImported) {
		this.rowsDone = rowsDone;
		this.rowsImported = rowsImported;
	}

	void finish(State state, String errorsJson, Instant now) {
		this.state = state;
		this.errors = errorsJson;
		this.finishedAt = now;
	}

	void fail(String code, String args, Instant now) {
		this.state = State.FAILED;
		this.failureCode = code;
		this.failureArgs = args;
		this.finishedAt = now;
	}

	UUID id() {
		return id;
	}

	UUID ownerOrgId() {
		return ownerOrgId;
	}

	State state() {
		return state;
	}

	ImportStatus view(java.util.List<ImportStatus.RowProblem> problems, String failureMessage) {
		return new ImportStatus(id, type, mode, fileName, state.name(), rowsTotal, rowsDone, rowsImported, failureCode,
				failureMessage, problems, createdAt, finishedAt);
	}

	String errors() {
		return errors;
	}

	String failureCode() {
		return failureCode;
	}

	String failureArgs() {
		return failureArgs;
	}
}
