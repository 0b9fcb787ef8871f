package cn.anjian.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An issued 通报 as it is kept: its number, title, intro, issuer and date, and the units it names with their issues. */
record Notice(long id, String number, String title, String intro, String issuer, LocalDate issuedOn, List<Item> items) {

	record Header(long id, String number, String title, String intro, String issuer, LocalDate issuedOn) {
	}

	/** One named unit and its issue, with the place and department as they were named when the notice was issued. */
	record Item(String unitName, String regionName, String departmentName, String issue, Instant triggeredAt, Instant createdAt) {
	}

	static final List<String> HEADERS = List.of("序号", "被通报单位", "属地", "责任部门", "通报事项", "预警起始日期");
}
