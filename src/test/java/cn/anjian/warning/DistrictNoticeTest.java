package cn.anjian.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.warning.Trigger.Kind;
import cn.anjian.warning.Trigger.OriginLevel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A 通报 is compiled by the office that acts its step: with a ladder edited to a district 通报 step, the district
 * office compiles its own district's pending entries into a notice numbered in its own sequence (历下安办通〔Y〕N号),
 * the city office keeps compiling city entries (济安办通〔Y〕N号), and neither can take the other's.
 */
@AnjianTest
class DistrictNoticeTest {

	static final String ORIGINAL = """
			{"name":"企业安全生产许可证照过期（区县/街道监管）","steps":[
			  {"delayHours":0,"screenLevel":"DISTRICT","action":"SUPERVISE","actingLevel":"DISTRICT"},
			  {"delayHours":72,"screenLevel":"CITY","action":"SUPERVISE","actingLevel":"CITY"},
			  {"delayHours":72,"screenLevel":"CITY","action":"NOTICE","actingLevel":"CITY"}]}""";
	/** District 通报 at once, city 通报 three days later. */
	static final String DISTRICT_NOTICE = """
			{"name":"企业安全生产许可证照过期（区县/街道监管，区级通报）","steps":[
			  {"delayHours":0,"screenLevel":"DISTRICT","action":"NOTICE","actingLevel":"DISTRICT"},
			  {"delayHours":72,"screenLevel":"CITY","action":"NOTICE","actingLevel":"CITY"}]}""";
	static final Instant T0 = Instant.parse("2036-04-01T02:00:00Z");
	static final AtomicLong SUBJECTS = new AtomicLong(5_000_000);

	@LocalServerPort
	int port;

	@Autowired
	WarningEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ApiClient admin;
	ApiClient city;
	ApiClient lixiaOffice;

	@BeforeEach
	void districtNoticeLadder() {
		((SimulatedClock) clock).freeze(T0);
		admin = ApiClient.signedIn(port, "admin");
		city = ApiClient.signedIn(port, "city_office");
		lixiaOffice = ApiClient.signedIn(port, "lixia_office");
		admin.put("/api/warnings/rules/LICENCE_EXPIRED/DISTRICT", DISTRICT_NOTICE).expect(200);
	}

	@AfterEach
	void restore() {
		admin.put("/api/warnings/rules/LICENCE_EXPIRED/DISTRICT", ORIGINAL).expect(200);
		((SimulatedClock) clock).reset();
	}

	@Test
	void aDistrictNoticeStepIsCompiledByTheDistrictOfficeWithItsOwnNumber() {
		long warning = open("370102");
		long entry = entry(warning, 1);
		assertThat(ids(lixiaOffice.get("/api/notices/drafts").expect(200).body())).contains(entry);
		assertThat(ids(city.get("/api/notices/drafts").expect(200).body())).as("not the city's to compile").doesNotContain(entry);

		JsonNode notice = lixiaOffice.post("/api/notices", "{\"entryIds\":[" + entry + "]}").expect(200).body();
		assertThat(notice.get("number").asString()).matches("历下安办通〔2036〕\\d+号");
		assertThat(notice.get("issuer").asString()).isEqualTo("历下区安全生产委员会办公室");
		assertThat(notice.get("items")).hasSize(1);
		assertThat(ids(lixiaOffice.get("/api/notices?size=100").expect(200).body())).contains(notice.get("id").asLong());
		assertThat(ApiClient.signedIn(port, "shizhong_office").get("/api/notices/" + notice.get("id").asLong()).expect(404).code())
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void theCityCannotTakeADistrictEntryNorADistrictACityEntry() {
		long warning = open("370102");
		long districtEntry = entry(warning, 1);
		((SimulatedClock) clock).freeze(T0.plus(Duration.ofDays(3)));
		engine.sweep();
		long cityEntry = entry(warning, 2);

		assertThat(city.post("/api/notices", "{\"entryIds\":[" + districtEntry + "]}").expect(409).code())
			.isEqualTo("NOTICE_ENTRY_UNAVAILABLE");
		assertThat(lixiaOffice.post("/api/notices", "{\"entryIds\":[" + cityEntry + "]}").expect(409).code())
			.isEqualTo("NOTICE_ENTRY_UNAVAILABLE");
		assertThat(lixiaOffice.post("/api/notices", "{\"entryIds\":[" + districtEntry + "," + cityEntry + "]}").expect(409).code())
			.as("one entry not its own refuses the whole notice").isEqualTo("NOTICE_ENTRY_UNAVAILABLE");
		assertThat(ApiClient.signedIn(port, "shizhong_office").post("/api/notices", "{\"entryIds\":[" + districtEntry + "]}")
			.expect(409).code()).as("another district's entry").isEqualTo("NOTICE_ENTRY_UNAVAILABLE");
		assertThat(pending(districtEntry)).isTrue();
		assertThat(pending(cityEntry)).isTrue();

		assertThat(city.post("/api/notices", "{\"entryIds\":[" + cityEntry + "]}").expect(200).body().get("number").asString())
			.startsWith("济安办通〔2036〕");
		long shizhongEntry = entry(open("370103"), 1);
		long notice = lixiaOffice.post("/api/notices", "{}").expect(200).body().get("id").asLong();
		assertThat(jdbc.sql("SELECT DISTINCT issuer_region_id FROM notice_entry WHERE notice_id = :n").param("n", notice).query(Long.class).list())
			.as("compiling all takes only its own entries").containsExactly(region("370102"));
		assertThat(pending(shizhongEntry)).isTrue();
		assertThat(pending(districtEntry)).isFalse();
	}

	@Test
	void eachOfficeNumbersItsNoticesGaplesslyInItsOwnSequence() {
		List<String> numbers = new ArrayList<>();
		long first = open("370102");
		numbers.add(lixiaOffice.post("/api/notices", "{\"entryIds\":[" + entry(first, 1) + "]}").expect(200).body().get("number").asString());
		((SimulatedClock) clock).freeze(T0.plus(Duration.ofDays(3)));
		engine.sweep();
		numbers.add(city.post("/api/notices", "{\"entryIds\":[" + entry(first, 2) + "]}").expect(200).body().get("number").asString());
		long second = open("370102");
		long shizhong = open("370103");
		numbers.add(lixiaOffice.post("/api/notices", "{\"entryIds\":[" + entry(second, 1) + "]}").expect(200).body().get("number").asString());
		numbers.add(ApiClient.signedIn(port, "shizhong_office").post("/api/notices", "{\"entryIds\":[" + entry(shizhong, 1) + "]}")
			.expect(200).body().get("number").asString());
		lixiaOffice.post("/api/notices", "{\"entryIds\":[" + entry(shizhong, 1) + "]}").expect(409);
		long third = open("370102");
		numbers.add(lixiaOffice.post("/api/notices", "{\"entryIds\":[" + entry(third, 1) + "]}").expect(200).body().get("number").asString());

		int lixia1 = seq(numbers.get(0));
		assertThat(numbers.get(0)).startsWith("历下安办通〔2036〕");
		assertThat(numbers.get(1)).as("the city's own sequence").startsWith("济安办通〔2036〕");
		assertThat(numbers.get(2)).isEqualTo("历下安办通〔2036〕" + (lixia1 + 1) + "号");
		assertThat(numbers.get(3)).as("another district's own sequence").startsWith("市中安办通〔2036〕");
		assertThat(numbers.get(4)).as("a refused compilation takes no number").isEqualTo("历下安办通〔2036〕" + (lixia1 + 2) + "号");
	}

	private long open(String districtCode) {
		long subject = SUBJECTS.incrementAndGet();
		engine.open(new Trigger(Kind.LICENCE_EXPIRED, OriginLevel.DISTRICT, "district-notice-test", subject, null, region(districtCode), null,
				"区级通报测试 " + subject, clock.instant()));
		return jdbc.sql("SELECT id FROM warning WHERE subject_type = 'district-notice-test' AND subject_id = :s").param("s", subject)
			.query(Long.class).single();
	}

	private long region(String code) {
		return jdbc.sql("SELECT id FROM region WHERE code = :c").param("c", code).query(Long.class).single();
	}

	private long entry(long warning, int step) {
		return jdbc.sql("SELECT id FROM notice_entry WHERE warning_id = :w AND step_no = :s").param("w", warning).param("s", step)
			.query(Long.class).single();
	}

	private boolean pending(long entry) {
		return jdbc.sql("SELECT notice_id IS NULL FROM notice_entry WHERE id = :e").param("e", entry).query(Boolean.class).single();
	}

	private static int seq(String number) {
		return Integer.parseInt(number.replaceAll(".*〕(\\d+)号$", "$1"));
	}

	private static List<Long> ids(JsonNode body) {
		List<Long> ids = new ArrayList<>();
		(body.has("items") ? body.get("items") : body).forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}
}
