package cn.kejiao.organisation;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An organisation as other modules, pages and the API see it. */
public record OrganisationView(UUID id, String name, OrganisationType type, String regionCode, String creditCode,
		OrganisationStatus status, @Nullable String rejectionReason, @Nullable Instant noticeEndsAt, String contactName,
		String contactPhone, String contactEmail, String address, String introduction, Set<Qualification> qualifications,
		Instant registeredAt, @Nullable Instant reviewedAt, @Nullable String reviewedBy) {

	/** Verified organisations act on the platform; pending and rejected ones only see their own status. */
	public boolean isVerified() {
		return status == OrganisationStatus.VERIFIED;
	}
}
