package cn.kejiao.platform;

import java.time.ZoneId;

/** The platform's time zone: dates are shown, due and counted in China's time, whatever the server's zone. */
public final class ChinaTime {

	/** Asia/Shanghai. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private ChinaTime() {
	}
}
