package cn.kejiao.demo;

import java.util.Map;

/**
 * Contacts of the demo organisations: a person's name and a phone number of the organisation's own city, one
 * each, so that the related-party check on orders (the same credit code, phone or e-mail on both sides) fires
 * only where the parties are related. One pair is, on purpose: 上海嘉定智能汽车科技有限公司 (serial 9) grew out
 * of 上海工业技术研究院 (serial 12) and still gives the institute's technology-transfer office as its contact, so
 * an order between the two is flagged for the admins.
 */
final class DemoContacts {

	/** Serials that give another organisation's phone: the enterprise and the institute it grew out of. */
	private static final Map<Integer, Integer> SHARES_PHONE_WITH = Map.of(9, 12);

	/** Area codes by the first four digits of the region code, else the first two. */
	private static final Map<String, String> AREA_CODES = Map.ofEntries(Map.entry("31", "021"), Map.entry("50", "023"),
			Map.entry("3201", "025"), Map.entry("3205", "0512"), Map.entry("3301", "0571"), Map.entry("3302", "0574"),
			Map.entry("3303", "0577"), Map.entry("3401", "0551"), Map.entry("5301", "0871"), Map.entry("5304", "0877"),
			Map.entry("5326", "0876"), Map.entry("32", "025"), Map.entry("33", "0571"), Map.entry("34", "0551"),
			Map.entry("53", "0871"));

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈";
	private static final String[] GIVEN = { "伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀兰",
			"霞", "平", "刚", "桂英", "建华", "志强", "晓东", "海燕", "丽华", "文博", "雨桐" };

	private DemoContacts() {
	}

	static String name(int serial) {
		return SURNAMES.charAt(serial * 7 % SURNAMES.length()) + GIVEN[serial * 11 % GIVEN.length];
	}

	/** A number of the region's city: the area code and a local number made of the serial. */
	static String phone(String region, int serial) {
		int own = SHARES_PHONE_WITH.getOrDefault(serial, serial);
		String regionOfNumber = own == serial ? region : "310114";
		String area = AREA_CODES.getOrDefault(regionOfNumber.substring(0, 4),
				AREA_CODES.getOrDefault(regionOfNumber.substring(0, 2), "010"));
		int digits = area.length() == 3 ? 8 : 7;
		long local = (digits == 8 ? 60_000_000L : 6_000_000L) + own * 1_237L;
		return area + "-" + local;
	}
}
