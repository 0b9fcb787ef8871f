package cn.anjian.inspection;

import cn.anjian.platform.numbering.DocumentNumbers;
import cn.anjian.platform.time.BusinessTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 整改通知书 (责令限期整改指令书) issued when a hazard's rectification is ordered: numbered per the hazard's
 * district and year (Beijing time), e.g. {@code 历下责改〔2026〕7号}, in the transaction of the order, so the number
 * has no gap and no repeat.
 */
@Component
class RectificationNotices {

	static final String KIND = "RECTIFICATION_NOTICE";

	private final JdbcClient jdbc;
	private final DocumentNumbers numbers;

	RectificationNotices(JdbcClient jdbc, DocumentNumbers numbers) {
		this.jdbc = jdbc;
		this.numbers = numbers;
	}

	/** Numbers the notice of the hazard and stores it with its issuer; returns the number. */
	String issue(long hazardId, String issuer, Instant now) {
		Map<String, Object> district = jdbc.sql("""
				SELECT a.id, a.name FROM hazard h JOIN region_closure c ON c.descendant_id = h.region_id
				JOIN region a ON a.id = c.ancestor_id WHERE h.id = :id
				ORDER BY (a.level = 'DISTRICT') DESC, c.depth DESC LIMIT 1
				""").param("id", hazardId).query().singleRow();
		int year = now.atZone(BusinessTime.ZONE).getYear();
		long region = ((Number) district.get("id")).longValue();
		String number = DocumentNumbers.format(CaseController.shortRegion((String) district.get("name")) + "责改", year,
				numbers.next(KIND, region, year));
		jdbc.sql("UPDATE hazard SET notice_number = :n, notice_issued_at = :at, notice_issuer = :issuer WHERE id = :id")
			.param("n", number).param("at", Timestamp.from(now)).param("issuer", issuer).param("id", hazardId).update();
		return number;
	}

	/** The issuing unit as the notice names it: the department, or the region's safety committee office. */
	String issuerOf(Long departmentId, long regionId) {
		if (departmentId != null) {
			return jdbc.sql("SELECT name FROM department WHERE id = :id").param("id", departmentId).query(String.class).single();
		}
		return jdbc.sql("""
				SELECT name || CASE WHEN level IN ('CITY', 'DISTRICT') THEN '安全生产委员会办公室' ELSE '' END FROM region WHERE id = :id
				""").param("id", regionId).query(String.class).single();
	}
}
