package cn.anjian.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Ordering a hazard's rectification issues a numbered 整改通知书, downloadable as a PDF within the hazard's scope. */
@AnjianTest
class RectificationNoticeTest {

	/** 2035-01-01 01:00 in Shanghai, still 2034 in UTC: the notice's year is Beijing's. */
	static final Instant T0 = Instant.parse("2034-12-31T17:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	ApiClient office;
	ApiClient business;
	long entity;

	@BeforeEach
	void setUp() {
		((SimulatedClock) clock).freeze(T0);
		office = ApiClient.signedIn(port, "lixia_office");
		business = ApiClient.signedIn(port, "lixia_biz");
		entity = business.get("/api/auth/me").expect(200).body().get("scope").get("entityId").asLong();
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void orderingRectificationNumbersTheNoticeSequentiallyPerDistrictAndBeijingYear() {
		long first = report();
		assertThat(office.get("/api/hazards/" + first).expect(200).body().get("hazard").get("noticeNumber").isNull()).isTrue();
		String a = order(first);
		String b = order(report());
		assertThat(a).matches("历下责改〔2035〕\\d+号");
		assertThat(sequence(b)).isEqualTo(sequence(a) + 1);
	}

	@Test
	void theNoticePdfCarriesItsNumberTheEntityAndTheDeadline() throws IOException {
		long hazard = report();
		String number = order(hazard);
		byte[] pdf = business.get("/api/hazards/" + hazard + "/rectification-notice.pdf").expect(200).bytes();
		assertThat(new String(pdf, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
		String text = textOfFirstPage(pdf);
		String entityName = office.get("/api/entities/" + entity).expect(200).body().get("name").asString();
		assertThat(text).contains("整改通知书").contains("责令限期整改指令书").contains(number).contains(entityName)
			.contains("消防通道堵塞").contains("2035年1月16日前整改完毕").contains("历下区安全生产委员会办公室").contains("2035年1月1日");
	}

	@Test
	void noNoticeBeforeTheOrderAndNoneForAnotherDistrict() {
		long hazard = report();
		assertThat(office.get("/api/hazards/" + hazard + "/rectification-notice.pdf").expect(404).code()).isEqualTo("NOT_FOUND");
		order(hazard);
		assertThat(ApiClient.signedIn(port, "shizhong_office").get("/api/hazards/" + hazard + "/rectification-notice.pdf")
			.expect(404).code()).isEqualTo("NOT_FOUND");
	}

	private long report() {
		return office.post("/api/hazards", """
				{"entityId":%d,"description":"消防通道堵塞","level":"GENERAL","reinspectionRequired":true,
				 "legalBasis":"《中华人民共和国消防法》第二十八条"}
				""".formatted(entity)).expect(200).body().get("id").asLong();
	}

	private String order(long hazard) {
		return office.post("/api/hazards/" + hazard + "/actions/order-rectification",
				"{\"deadline\":\"%s\"}".formatted(T0.plus(Duration.ofDays(15)))).expect(200).body().get("noticeNumber").asString();
	}

	private static int sequence(String number) {
		return Integer.parseInt(number.substring(number.indexOf('〕') + 1, number.length() - 1));
	}

	/** The strings shown on page 1 (UniGB-UCS2-H is UTF-16BE; OpenPDF's extractor cannot map the CJK font back). */
	private static String textOfFirstPage(byte[] pdf) throws IOException {
		StringBuilder text = new StringBuilder();
		PRTokeniser tokens = new PRTokeniser(new PdfReader(pdf).getPageContent(1));
		while (tokens.nextToken()) {
			if (tokens.getTokenType() == PRTokeniser.TK_STRING) {
				text.append(new String(tokens.getStringValue().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_16BE));
			}
		}
		return text.toString();
	}
}
