package cn.kejiao.challenge;

/**
 * A conflict of interest of an expert with a challenge: {@code kind} SAME_ORGANISATION or RELATED_ORGANISATION
 * (with the applicant's {@code organisation}), or DECLARED (the expert's own words in {@code detail}).
 */
public record ExpertConflict(String kind, String organisation, String detail) {
}
