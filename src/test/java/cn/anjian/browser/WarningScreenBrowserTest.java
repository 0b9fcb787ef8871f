package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.SimulatedClock;
import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import cn.anjian.warning.WarningEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The warning big screen as a trainer uses it: a suspected major hazard found by a district shows on the district
 * screen; three days on (the demo clock moved from the screen itself) it has climbed to the city screen as a city 督办.
 */
@AnjianTest
class WarningScreenBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WarningEngine engine;

	@Autowired
	Clock clock;

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
	void advancingTheDemoClockMovesAWarningFromTheDistrictScreenToTheCityScreen() throws IOException {
		ApiClient office = ApiClient.signedIn(port, "lixia_office");
		long entity = jdbc.sql("SELECT entity_id FROM app_user WHERE username = 'lixia_biz'").query(Long.class).single();
		long hazard = office.post("/api/hazards", """
				{"entityId":%d,"description":"液氨储罐区可燃气体报警器失效","level":"SUSPECTED_MAJOR","reinspectionRequired":true}
				""".formatted(entity)).expect(200).body().get("id").asLong();
		long warning = jdbc.sql("""
				SELECT id FROM warning WHERE trigger_kind = 'SUSPECTED_MAJOR_HAZARD' AND subject_type = 'hazard'
				AND subject_id = :hazard AND state = 'ACTIVE'
				""").param("hazard", hazard).query(Long.class).single();
		By onScreen = By.cssSelector("[data-test=screen-warning][data-id='" + warning + "']");

		ui.signIn("admin");
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
		browser.get("http://localhost:" + port + "/#/screen/warnings?level=DISTRICT");
		assertThat(shown(onScreen).getText()).contains("疑似重大隐患", "第1步 · 区通知确认", "历下区");
		assertThat(browser.findElement(By.id("screen-title")).getText()).isEqualTo("安全生产预警监测大屏 · 济南市");
		assertThat(count("screen-count-SUSPECTED_MAJOR_HAZARD")).isPositive();
		assertThat(count("screen-pending-CONFIRM")).isPositive();
		settle();
		ui.screenshot("warning-screen-district");

		// the trainer moves the clock three days on from the screen; the sweep (every minute, by db-scheduler) then runs
		long offset = ((SimulatedClock) clock).offsetSeconds();
		browser.findElement(By.cssSelector("[data-test=clock-advance-72]")).click();
		wait.until(d -> ((SimulatedClock) clock).offsetSeconds() >= offset + Duration.ofHours(72).toSeconds() - 60);
		assertThat(engine.sweep()).isPositive();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=screen-offset]")));

		browser.findElement(By.xpath("//span[@class='switch']/a[normalize-space()='市级']")).click();
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test=warning-screen]"), "data-level", "CITY"));
		assertThat(shown(onScreen).getText()).contains("疑似重大隐患", "第2步 · 市督办");
		assertThat(count("screen-pending-SUPERVISE")).isPositive();
		settle();
		ui.screenshot("warning-screen-city");

		browser.findElement(By.xpath("//span[@class='switch']/a[normalize-space()='区级']")).click();
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-test=warning-screen]"), "data-level", "DISTRICT"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=screen-total]")));
		wait.until(d -> d.findElements(onScreen).isEmpty());
	}

	/** The list scrolls (with a copy for a seamless loop) once it is longer than the panel: any copy in view will do. */
	private WebElement shown(By by) {
		return wait.until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
	}

	/** Lets the charts finish their animation (and the toast fade) before a screenshot a person will look at. */
	private void settle() {
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-message")));
		try {
			Thread.sleep(1500);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private long count(String testId) {
		return Long.parseLong(browser.findElement(By.cssSelector("[data-test=" + testId + "]")).getText().trim());
	}


}
