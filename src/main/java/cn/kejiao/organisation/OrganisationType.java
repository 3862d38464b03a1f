package cn.kejiao.organisation;

/** The kinds of organisation the platform knows. Government bodies are created by the platform admin. */
public enum OrganisationType {
	ENTERPRISE, UNIVERSITY, RESEARCH_INSTITUTE, TESTING_AGENCY, ENGINEERING_CENTRE, INCUBATOR, TECH_TRANSFER_AGENCY,
	GOVERNMENT;

	/** Organisations that offer instruments, services and achievements to others. */
	public boolean isProvider() {
		return this != ENTERPRISE && this != GOVERNMENT;
	}
}
