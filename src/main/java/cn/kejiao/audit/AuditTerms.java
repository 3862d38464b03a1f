package cn.kejiao.audit;

import java.util.Optional;

/**
 * How a module names the values it records in the audit log, so an admin reads "上海市 嘉定区" or the
 * organisation's name instead of a region code or an id. Modules that record such values implement it as a
 * bean; the audit pages ask each in turn.
 */
public interface AuditTerms {

	/**
	 * The readable name of a recorded value, in the reader's language, when this module knows it.
	 * @param subjectType what the entry is about ("organisation", "user", ...)
	 * @param field the recorded field ("regionCode", "organisationId", ...)
	 * @param value the value as recorded (one element of a list)
	 */
	Optional<String> nameOf(String subjectType, String field, String value);
}
