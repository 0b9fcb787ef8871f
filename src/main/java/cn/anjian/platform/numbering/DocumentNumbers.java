package cn.anjian.platform.numbering;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Numbers official documents (整改通知书, 督办单, 通报, 季度通报 …) 1, 2, 3 … per kind, issuing region and year, with no
 * gap and no repeat however many nodes issue at once: the counter row is incremented in the caller's transaction, so
 * a second issuer waits for the first to commit, and an issue that rolls back gives its number back.
 */
@Component
public class DocumentNumbers {

	private final JdbcClient jdbc;

	DocumentNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number; call it inside the transaction that stores the document. */
	public int next(String kind, long regionId, int year) {
		return jdbc.sql("""
				INSERT INTO document_number (kind, region_id, year, last_no) VALUES (:kind, :regionId, :year, 1)
				ON CONFLICT (kind, region_id, year) DO UPDATE SET last_no = document_number.last_no + 1
				RETURNING last_no
				""")
			.param("kind", kind).param("regionId", regionId).param("year", year)
			.query(Integer.class).single();
	}

	/** The number as an official document writes it: {@code 济安办通〔2026〕3号}. */
	public static String format(String prefix, int year, int number) {
		return prefix + "〔" + year + "〕" + number + "号";
	}
}
