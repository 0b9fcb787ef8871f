package cn.anjian.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The quarterly bulletin: drafted from the quarter's records, edited, issued under the year's next number, then frozen. */
@AnjianTest
class BulletinTest {

	static final Instant ISSUE_DAY = Instant.parse("2031-04-08T02:00:00Z");
	static final Pattern NUMBER = Pattern.compile("济安办通〔2031〕(\\d+)号");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ApiClient city;

	@BeforeEach
	void dataset() {
		((SimulatedClock) clock).freeze(ISSUE_DAY);
		StatsFixture.in(jdbc);
		city = ApiClient.signedIn(port, "city_office");
	}

	@AfterEach
	void realTime() {
		((SimulatedClock) clock).reset();
	}

	@Test
	void theDraftReportsTheQuartersAccidentsMajorHazardsAndEscalatedWarnings() {
		JsonNode draft = city.post("/api/bulletins", "{\"year\":2031,\"quarter\":1}").expect(200).body();
		assertThat(draft.get("title").asString()).isEqualTo("关于2031年第一季度全市安全生产工作情况的通报");
		assertThat(draft.get("state").asString()).isEqualTo("DRAFT");
		String text = draft.get("sections").toString();
		assertThat(section(draft, "accidents")).contains("统计测试区").contains("统计测试地点").contains("一般事故").contains("死亡1人");
		assertThat(section(draft, "majorHazards")).contains("统计测试一厂").contains("重大事故隐患");
		assertThat(section(draft, "warnings")).contains("统计测试区").contains("03月11日升级至市级通报");
		assertThat(section(draft, "hazards")).contains("统计测试区发现5项、销号3项、逾期2项");
		assertThat(text).contains("典型经验做法");
		byte[] pdf = city.get("/api/bulletins/" + draft.get("id").asLong() + "/pdf").expect(200).bytes();
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
	}

	@Test
	void issuedBulletinsAreNumberedOneAfterAnotherEvenWhenIssuedAtOnceAndCannotChange() {
		List<Long> drafts = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			drafts.add(city.post("/api/bulletins", "{\"year\":2031,\"quarter\":1}").expect(200).body().get("id").asLong());
		}
		long first = drafts.remove(0);
		JsonNode edited = city.get("/api/bulletins/" + first).expect(200).body();
		String sections = edited.get("sections").toString().replace("（请填写本季度值得推广的典型经验做法。）", "历下区推行“网格员+专家”联合检查。");
		city.put("/api/bulletins/" + first, "{\"title\":\"%s\",\"issuer\":\"济南市安全生产委员会办公室\",\"sections\":%s,\"version\":%d}"
			.formatted(edited.get("title").asString(), sections, edited.get("version").asInt())).expect(200);
		int n = number(city.post("/api/bulletins/" + first + "/issue", null).expect(200).body());

		// three issued at once (as if from several nodes): each takes the next number, none twice, none skipped
		List<CompletableFuture<JsonNode>> issuing = drafts.stream().map(id -> CompletableFuture.supplyAsync(
				() -> ApiClient.signedIn(port, "city_office").post("/api/bulletins/" + id + "/issue", null).expect(200).body())).toList();
		List<Integer> numbers = new ArrayList<>(issuing.stream().map(f -> number(f.join())).toList());
		assertThat(numbers).containsExactlyInAnyOrder(n + 1, n + 2, n + 3);

		JsonNode issued = city.get("/api/bulletins/" + first).expect(200).body();
		assertThat(issued.get("state").asString()).isEqualTo("ISSUED");
		assertThat(issued.get("issuedOn").asString()).isEqualTo("2031-04-08");
		assertThat(issued.get("sections").toString()).contains("网格员+专家");
		assertThat(city.put("/api/bulletins/" + first, "{\"title\":\"改\",\"issuer\":\"改\",\"sections\":%s}".formatted(sections))
			.expect(409).code()).isEqualTo("BULLETIN_ISSUED");
		assertThat(city.post("/api/bulletins/" + first + "/issue", null).expect(409).code()).isEqualTo("BULLETIN_ISSUED");
		assertThat(number(city.get("/api/bulletins/" + first).expect(200).body())).isEqualTo(n);

		// the PDF in the official layout: office, number, title, body, issuer and date
		String pdf = textOf(city.get("/api/bulletins/" + first + "/pdf").expect(200).bytes());
		assertThat(pdf).contains("济南市安全生产委员会办公室").contains("济安办通〔2031〕" + n + "号")
			.contains("关于2031年第一季度全市安全生产工作情况的通报").contains("一、生产安全事故情况").contains("网格员+专家")
			.contains("2031年4月8日");
	}

	@Test
	void aFourthQuarterBulletinIssuedInJanuaryTakesTheNewYearsNumberBesideItsYearsOwn() {
		// 2045's first quarter is issued in 2045 as 〔2045〕1号; its fourth quarter in January 2046 as 〔2046〕1号
		((SimulatedClock) clock).freeze(Instant.parse("2045-04-08T02:00:00Z"));
		var office = ApiClient.signedIn(port, "city_office");
		long q1 = office.post("/api/bulletins", "{\"year\":2045,\"quarter\":1}").expect(200).body().get("id").asLong();
		assertThat(office.post("/api/bulletins/" + q1 + "/issue", null).expect(200).body().get("docNumber").asString())
			.isEqualTo("济安办通〔2045〕1号");

		((SimulatedClock) clock).freeze(Instant.parse("2046-01-10T02:00:00Z"));
		office = ApiClient.signedIn(port, "city_office");
		long q4 = office.post("/api/bulletins", "{\"year\":2045,\"quarter\":4}").expect(200).body().get("id").asLong();
		JsonNode issued = office.post("/api/bulletins/" + q4 + "/issue", null).expect(200).body();
		assertThat(issued.get("docNumber").asString()).isEqualTo("济安办通〔2046〕1号");
		assertThat(issued.get("year").asInt()).isEqualTo(2045);
		assertThat(issued.get("issuedOn").asString()).isEqualTo("2046-01-10");
	}

	@Test
	void aDistrictReadsIssuedBulletinsButNotDrafts() {
		long draft = city.post("/api/bulletins", "{\"year\":2031,\"quarter\":2}").expect(200).body().get("id").asLong();
		var lixia = ApiClient.signedIn(port, "lixia_office");
		lixia.get("/api/bulletins/" + draft).expect(404);
		assertThat(lixia.get("/api/bulletins").expect(200).raw()).doesNotContain("\"id\":" + draft + ",");
		lixia.post("/api/bulletins/" + draft + "/issue", null).expect(403);
		city.post("/api/bulletins/" + draft + "/issue", null).expect(200);
		lixia.get("/api/bulletins/" + draft).expect(200);
	}

	private static String section(JsonNode bulletin, String key) {
		for (JsonNode s : bulletin.get("sections")) {
			if (s.get("key").asString().equals(key)) {
				return s.get("text").asString();
			}
		}
		throw new AssertionError("no section " + key);
	}

	/** The strings of every page (UniGB-UCS2-H is UTF-16BE; OpenPDF's extractor cannot map the CJK font back). */
	private static String textOf(byte[] pdf) {
		try {
			PdfReader reader = new PdfReader(pdf);
			StringBuilder text = new StringBuilder();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				PRTokeniser tokens = new PRTokeniser(reader.getPageContent(page));
				while (tokens.nextToken()) {
					if (tokens.getTokenType() == PRTokeniser.TK_STRING) {
						text.append(new String(tokens.getStringValue().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_16BE));
					}
				}
			}
			return text.toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static int number(JsonNode bulletin) {
		Matcher m = NUMBER.matcher(bulletin.get("docNumber").asString());
		assertThat(m.matches()).as(bulletin.get("docNumber").asString()).isTrue();
		assertThat(bulletin.get("number").asInt()).isEqualTo(Integer.parseInt(m.group(1)));
		return bulletin.get("number").asInt();
	}
}
