package cn.kejiao.organisation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.kejiao.platform.KejiaoException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An organisation and its verification; the methods guard which transitions are allowed. */
@Entity
@Table(schema = "organisation", name = "organisation")
class Organisation {

	@Id
	private UUID id;

	private String name;

	@Enumerated(EnumType.STRING)
	private OrganisationType type;

	@Column(name = "region_code")
	private String regionCode;

	@Column(name = "credit_code")
	private String creditCode;

	@Enumerated(EnumType.STRING)
	private OrganisationStatus status;

	@Column(name = "rejection_reason")
	private String rejectionReason;

	@Column(name = "notice_ends_at")
	private Instant noticeEndsAt;

	@Column(name = "contact_name")
	private String contactName;

	@Column(name = "contact_phone")
	private String contactPhone;

	@Column(name = "contact_email")
	private String contactEmail;

	private String address;

	private String introduction;

	@Column(name = "registered_at")
	private Instant registeredAt;

	@Column(name = "reviewed_at")
	private Instant reviewedAt;

	@Column(name = "reviewed_by")
	private String reviewedBy;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(schema = "organisation", name = "organisation_qualification",
			joinColumns = @JoinColumn(name = "organisation_id"))
	@Column(name = "qualification")
	@Enumerated(EnumType.STRING)
	private Set<Qualification> qualifications = EnumSet.noneOf(Qualification.class);

	protected Organisation() {
	}

	Organisation(UUID id, RegistrationForm form, CreditCode creditCode, Instant now) {
		this.id = id;
		this.name = form.name().strip();
		this.type = form.type();
		this.regionCode = form.regionCode();
		this.creditCode = creditCode.value();
		this.contactName = form.contactName().strip();
		this.contactPhone = form.contactPhone().strip();
		this.contactEmail = form.contactEmail().strip();
		this.address = form.address() == null ? "" : form.address().strip();
		this.introduction = form.introduction() == null ? "" : form.introduction().strip();
		this.qualifications = form.qualifications() == null || form.qualifications().isEmpty()
				? EnumSet.noneOf(Qualification.class) : EnumSet.copyOf(form.qualifications());
		this.status = OrganisationStatus.PENDING;
		this.registeredAt = now;
	}

	/** Approves the registration; with a notice period it takes effect only when the period ends. */
	void verify(String reviewer, Duration noticePeriod, Instant now) {
		if (status != OrganisationStatus.PENDING) {
			throw KejiaoException.conflict("organisation.not-pending", status.name());
		}
		this.reviewedBy = reviewer;
		this.reviewedAt = now;
		this.rejectionReason = null;
		if (noticePeriod.isZero() || noticePeriod.isNegative()) {
			this.status = OrganisationStatus.VERIFIED;
			this.noticeEndsAt = null;
		}
		else {
			this.status = OrganisationStatus.IN_NOTICE;
			this.noticeEndsAt = now.plus(noticePeriod);
		}
	}

	/** Rejects a pending registration, or one under public notice after an objection. */
	void reject(String reviewer, String reason, Instant now) {
		if (status != OrganisationStatus.PENDING && status != OrganisationStatus.IN_NOTICE) {
			throw KejiaoException.conflict("organisation.not-pending", status.name());
		}
		if (reason == null || reason.isBlank()) {
			throw KejiaoException.invalid("organisation.reason-required");
		}
		this.status = OrganisationStatus.REJECTED;
		this.rejectionReason = reason.strip();
		this.reviewedBy = reviewer;
		this.reviewedAt = now;
		this.noticeEndsAt = null;
	}

	/**
	 * Takes corrected details from a rejected organisation and puts it back in its region's queue; the reason
	 * of the rejection stays in the review history.
	 */
	void resubmit(RegistrationForm form, CreditCode code) {
		if (status != OrganisationStatus.REJECTED) {
			throw KejiaoException.conflict("organisation.not-rejected", status.name());
		}
		this.name = form.name().strip();
		this.type = form.type();
		this.regionCode = form.regionCode();
		this.creditCode = code.value();
		this.contactName = form.contactName().strip();
		this.contactPhone = form.contactPhone().strip();
		this.contactEmail = form.contactEmail().strip();
		this.address = form.address() == null ? "" : form.address().strip();
		this.introduction = form.introduction() == null ? "" : form.introduction().strip();
		this.qualifications.clear();
		if (form.qualifications() != null) {
			this.qualifications.addAll(form.qualifications());
		}
		this.status = OrganisationStatus.PENDING;
		this.rejectionReason = null;
		this.reviewedBy = null;
		this.reviewedAt = null;
	}

	String creditCode() {
		return creditCode;
	}

	/** Ends the public notice when it is due; true when it took effect now. */
	boolean takeEffectIfDue(Instant now) {
		if (status == OrganisationStatus.IN_NOTICE && noticeEndsAt != null && !noticeEndsAt.isAfter(now)) {
			status = OrganisationStatus.VERIFIED;
			return true;
		}
		return false;
	}

	/** An organisation the platform admin creates (government bodies, imports) is verified at once. */
	void verifiedByPlatform(String reviewer, Instant now) {
		this.status = OrganisationStatus.VERIFIED;
		this.reviewedBy = reviewer;
		this.reviewedAt = now;
	}

	Map<String, Object> state() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", name);
		state.put("type", type.name());
		state.put("regionCode", regionCode);
		state.put("creditCode", creditCode);
		state.put("status", status.name());
		if (rejectionReason != null) {
			state.put("rejectionReason", rejectionReason);
		}
		if (noticeEndsAt != null) {
			state.put("noticeEndsAt", noticeEndsAt.toString());
		}
		state.put("qualifications", qualifications.stream().map(Enum::name).toList());
		return state;
	}

	OrganisationView view() {
		return new OrganisationView(id, name, type, regionCode, creditCode, status, rejectionReason, noticeEndsAt,
				contactName, contactPhone, contactEmail, address, introduction, Set.copyOf(qualifications), registeredAt,
				reviewedAt, reviewedBy);
	}

	UUID id() {
		return id;
	}

	String name() {
		return name;
	}

	String regionCode() {
		return regionCode;
	}

	OrganisationStatus status() {
		return status;
	}
}
