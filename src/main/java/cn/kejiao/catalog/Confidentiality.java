package cn.kejiao.catalog;

/**
 * PUBLIC: anyone sees everything. ZONE: listed only to users of regions that share a cooperation zone
 * with the entry's region. ON_REQUEST: listed to all, but the summary, details and price only to the
 * owner and the admins governing its region.
 */
public enum Confidentiality {
	PUBLIC, ZONE, ON_REQUEST
}
