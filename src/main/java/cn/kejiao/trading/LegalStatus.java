package cn.kejiao.trading;

/** Where the listed patents stand: granted and in force (授权/有效), in substantive examination (实审), published (公开), filed (受理), or no patent (know-how). */
public enum LegalStatus {
	GRANTED, EXAMINATION, PUBLISHED, FILED, NOT_PATENTED
}
