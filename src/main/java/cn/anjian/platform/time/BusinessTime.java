package cn.anjian.platform.time;

import java.time.ZoneId;

/** Business dates (deadlines, reporting periods) are reckoned in China Standard Time; instants are stored as timestamptz. */
public final class BusinessTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private BusinessTime() {
	}
}
