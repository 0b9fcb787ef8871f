package cn.anjian.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 风险告知卡: a one-page PDF naming the point, its grade and colour, its hazards, measures and responsible people. */
@AnjianTest
class RiskNoticeCardTest {

	@LocalServerPort
	int port;

	ApiClient business;

	@BeforeEach
	void setUp() {
		business = ApiClient.signedIn(port, "lixia_biz");
	}

	@Test
	void theCardNamesThePointItsGradeHazardsMeasuresAndPeople() throws IOException {
		long point = business.post("/api/prevention/points", "{\"name\":\"告知卡液氯库\",\"kind\":\"SITE\",\"area\":\"罐区\",\"building\":\"二号库\"}")
			.expect(200).body().get("id").asLong();
		long factor = business.post("/api/prevention/points/" + point + "/factors",
				"{\"description\":\"液氯钢瓶泄漏\",\"accidentTypes\":[\"POISONING_ASPHYXIA\"]}").expect(200).body().get("id").asLong();
		business.post("/api/prevention/factors/" + factor + "/assessments",
				"{\"method\":\"LEC\",\"likelihood\":3,\"exposure\":6,\"consequence\":40}").expect(200);
		business.post("/api/prevention/points/" + point + "/measures", """
				{"category":"ENGINEERING","content":"设置氯气泄漏报警仪","ownerName":"赵主任","principalName":"钱总"}
				""").expect(200);
		business.post("/api/prevention/points/" + point + "/measures", """
				{"category":"EMERGENCY","content":"泄漏时佩戴空气呼吸器关闭阀门","ownerName":"孙班长"}
				""").expect(200);

		var response = business.get("/api/prevention/points/" + point + "/notice-card.pdf").expect(200);
		assertThat(response.http().headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		String text = textOfFirstPage(response.bytes());
		assertThat(text).contains("风险告知卡", "告知卡液氯库", "罐区 / 二号库", "重大风险（红色）", "液氯钢瓶泄漏", "中毒和窒息",
				"设置氯气泄漏报警仪", "泄漏时佩戴空气呼吸器关闭阀门", "赵主任", "钱总");
		assertThat(text.indexOf("泄漏时佩戴空气呼吸器关闭阀门")).as("the emergency measure is under 应急处置措施")
			.isGreaterThan(text.indexOf("应急处置措施"));
	}

	@Test
	void anotherBusinessOrDistrictGetsNoCard() {
		long point = business.post("/api/prevention/points", "{\"name\":\"告知卡仓库\",\"kind\":\"SITE\"}").expect(200).body()
			.get("id").asLong();
		ApiClient.signedIn(port, "shizhong_biz").get("/api/prevention/points/" + point + "/notice-card.pdf").expect(404);
		ApiClient.signedIn(port, "shizhong_office").get("/api/prevention/points/" + point + "/notice-card.pdf").expect(404);
		ApiClient.signedIn(port, "lixia_office").get("/api/prevention/points/" + point + "/notice-card.pdf").expect(200);
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
