package cn.kejiao.cooperation;

import java.util.List;

/**
 * Who serves where, per county (or the region itself where a commission names no county): map-ready, one row per
 * region code with its name, the commissioners there, how many commissions are active, the log entries and the
 * people trained.
 */
public record CommissionMap(String regionCode, String regionName, List<Place> places) {

	public record Place(String regionCode, String regionName, List<Commissioner> commissioners, long active, long logs,
			long peopleTrained) {
	}

	public record Commissioner(java.util.UUID commissionId, String expertName, String servedName, boolean active) {
	}
}
