package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The city office's year in figures: the 综合态势 screen shows the statistics API's numbers for the city and for a
 * district it drills down to; the 年度考评 page shows 历下区 vetoed by its accident, with the reason.
 */
@AnjianTest
class OverviewBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser ui;
	ChromeDriver browser;
	WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		ui = Browser.open(port);
		browser = ui.driver();
		wait = ui.waiting();
	}

	@AfterEach
	void stopBrowser() throws IOException {
		ui.close();
	}

	@Test
	void theOverviewScreenShowsTheStatisticsOfTheCityAndOfADistrictAndTheAssessmentShowsTheVeto() throws IOException {
		var city = ApiClient.signedIn(port, "city_office");
		// the year so far by the server's business date, as the screen asks for it
		var total = city.get("/api/statistics?compare=false").expect(200).body().get("current").get("total");
		long lixia = jdbc.sql("SELECT id FROM region WHERE code = '370102'").query(Long.class).single();
		var lixiaTotal = city.get("/api/statistics?compare=false&regionId=" + lixia).expect(200).body().get("current").get("total");

		ui.signIn("city_office");
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
		ui.get("/#/screen/overview");
		wait.until(ExpectedConditions.textToBe(By.id("overview-title"), "安全生产综合监管态势 · 济南市"));
		wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=overview-entities]"), total.get("entities").asString()));
		assertThat(total.get("entities").asLong()).isPositive();
		assertThat(text("overview-hazardsOpen")).isEqualTo(total.get("hazardsOpen").asString());
		assertThat(text("overview-accidents")).isEqualTo(total.get("accidents").asString());
		// the demo businesses have graded risk points: the four-colour counts are the API's
		assertThat(total.path("riskPoints").asLong()).isPositive();
		for (String grade : new String[] { "RED", "ORANGE", "YELLOW", "BLUE" }) {
			assertThat(text("overview-grade-" + grade)).as(grade).isEqualTo(String.valueOf(total.path("riskPoints." + grade).asLong()));
		}
		settle();
		ui.screenshot("overview-screen-city");

		ui.get("/#/screen/overview?regionId=" + lixia);
		wait.until(ExpectedConditions.textToBe(By.id("overview-title"), "安全生产综合监管态势 · 历下区"));
		wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=overview-entities]"), lixiaTotal.get("entities").asString()));
		assertThat(text("overview-accidents")).isEqualTo(lixiaTotal.get("accidents").asString());
		settle();
		ui.screenshot("overview-screen-district");

		browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		ui.get("/#/assessment/schemes");
		var grade = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='grade-历下区']")));
		assertThat(grade.getText()).isEqualTo("不合格");
		assertThat(browser.findElement(By.cssSelector("[data-test=result-table]")).getText()).contains("一票否决").contains("某商业综合体地下车库");
		ui.screenshot("assessment-results");
	}

	private String text(String testId) {
		return browser.findElement(By.cssSelector("[data-test=" + testId + "]")).getText().trim();
	}

	private void settle() {
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
