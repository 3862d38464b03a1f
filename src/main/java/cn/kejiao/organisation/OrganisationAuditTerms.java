package cn.kejiao.organisation;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.kejiao.audit.AuditTerms;

/** Organisation ids recorded in the audit log, read as the organisations' names. */
@Component
class OrganisationAuditTerms implements AuditTerms {

	private final OrganisationRepository organisations;

	OrganisationAuditTerms(OrganisationRepository organisations) {
		this.organisations = organisations;
	}

	@Override
	public Optional<String> nameOf(String subjectType, String field, String value) {
		String lower = field.toLowerCase(java.util.Locale.ROOT);
		if (!(lower.endsWith("orgid") || lower.endsWith("organisationid") || lower.endsWith("providerid")
				|| lower.endsWith("enterpriseid")) || !value.matches("[0-9a-f-]{36}")) {
			return Optional.empty();
		}
		return organisations.findById(UUID.fromString(value)).map(Organisation::name);
	}
}
