package cn.kejiao.cooperation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A task of an agreement passed its due date while still open, flagged once: its owner organisation and the admins
 * of the agreement's parties are to be told.
 *
 * @param partyRegions the agreement's parties, by region code
 */
public record TaskOverdue(UUID agreementId, String agreementTitle, UUID taskId, String taskTitle, UUID ownerOrgId,
		String ownerOrgName, LocalDate dueOn, List<String> partyRegions) {

	public TaskOverdue {
		partyRegions = List.copyOf(partyRegions);
	}
}
