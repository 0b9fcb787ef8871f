package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.platform.time.BusinessTime;
import cn.anjian.support.AnjianTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 今日排查 on a phone (390×844): the business's safety manager opens today's checks, marks one item 发现隐患 with a
 * photo from the camera and a description, submits, and finds the self-check (自查) hazard among its own hazards.
 */
@AnjianTest
class PreventionCheckBrowserTest {

	static final int PHONE_WIDTH = 390;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	Browser ui;
	ChromeDriver browser;
	WebDriverWait wait;

	@BeforeEach
	void startPhone() throws IOException {
		ui = Browser.open(port, PHONE_WIDTH, 844);
		browser = ui.driver();
		wait = ui.waiting();
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
	}

	@AfterEach
	void stopPhone() throws IOException {
		ui.close();
	}

	@Test
	void aBusinessRecordsACheckWithAHazardOnAPhoneAndFindsTheSelfCheckHazardInItsList() throws IOException {
		long check = openCheckOf("lixia_biz");
		String description = "消防通道堆放纸箱，堵塞疏散通道" + check;

		ui.signIn("lixia_biz");
		ui.get("/#/prevention/today");
		WebElement card = wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("[data-test=check-card][data-id='" + check + "']")));
		assertThat(card.getText()).contains("待排查");
		assertNoSidewaysScrolling("today's checks");
		ui.screenshot("prevention-check-list-phone");
		ui.clickVisible(By.cssSelector("[data-test=check-card][data-id='" + check + "']"));

		WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=check-item][data-index='0']")));
		ui.clickVisible(By.xpath("//div[@data-test='check-item' and @data-index='0']//label[.//span[normalize-space()='发现隐患']]"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[data-test=check-hazard-description]")))
			.sendKeys(description);
		browser.findElement(By.cssSelector("input[data-test=check-photo]")).sendKeys(photo().toString());
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=check-photo-name]"), "现场.png"));
		assertThat(item.getRect().getWidth()).as("the item row fits the phone").isLessThanOrEqualTo(PHONE_WIDTH);
		assertNoSidewaysScrolling("the check form");
		ui.screenshot("prevention-check-form-phone");
		ui.clickVisible(By.id("check-submit"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-message"), "发现的隐患已上报"));

		Map<String, Object> recorded = jdbc.sql("""
				SELECT c.result, c.hazard_id, h.source, h.description,
				  (SELECT count(*) FROM hazard_attachment a WHERE a.hazard_id = h.id AND a.kind = 'FINDING') AS photos
				FROM check_instance c JOIN hazard h ON h.id = c.hazard_id WHERE c.id = :id
				""").param("id", check).query().singleRow();
		assertThat(recorded).containsEntry("result", "HAZARD_FOUND").containsEntry("source", "SELF_CHECK")
			.containsEntry("description", description).containsEntry("photos", 1L);

		// the self-check hazard is in the business's own hazard list, ready to be rectified
		ui.get("/#/inspection/mine");
		WebElement hazard = wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("[data-test=hazard-card][data-id='" + recorded.get("hazard_id") + "']")));
		assertThat(hazard.getText()).contains(description);
		assertNoSidewaysScrolling("the hazard list");
		ui.screenshot("prevention-check-hazard-phone");
	}

	private void assertNoSidewaysScrolling(String what) {
		Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
		assertThat(width.intValue()).as("%s scrolls sideways", what).isLessThanOrEqualTo(PHONE_WIDTH);
	}

	/** A fresh open check of the business's first task with items, its period today and due tomorrow. */
	private long openCheckOf(String username) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
		return jdbc.sql("""
				INSERT INTO check_instance (task_id, entity_id, region_id, period_start, shift_no, due_at)
				SELECT t.id, t.entity_id, t.region_id, :today, 2000 + (SELECT count(*) FROM check_instance WHERE task_id = t.id), :due
				FROM check_task t
				WHERE t.id = (SELECT min(id) FROM check_task WHERE active AND cardinality(items) > 0
				              AND entity_id = (SELECT entity_id FROM app_user WHERE username = :u))
				RETURNING id
				""").param("today", Date.valueOf(today)).param("u", username)
			.param("due", Timestamp.from(clock.instant().plus(Duration.ofDays(1)))).query(Long.class).single();
	}

	private static Path photo() throws IOException {
		BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 120, 40));
		g.fillRect(0, 0, 160, 120);
		g.dispose();
		Path file = Files.createTempDirectory("anjian-check").resolve("现场.png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}
}
