package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
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
 * A hazard through its closed loop on the real pages: the district office reports and orders it, the business answers
 * on a phone with a photo of the rectification, the office passes the re-inspection and the hazard is closed.
 */
@AnjianTest
class HazardBrowserTest {

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
	void aHazardIsWalkedFromReportToClosureByTheInspectorsOfficeAndTheBusiness() throws IOException {
		String entity = jdbc.sql("SELECT e.name FROM app_user u JOIN supervised_entity e ON e.id = u.entity_id WHERE u.username = 'lixia_biz'")
			.query(String.class).single();
		String description = "二号车间安全出口被货架遮挡";

		// the district office reports a general hazard needing re-inspection and orders it rectified
		ui.signIn("lixia_office");
		browser.get("http://localhost:" + port + "/#/inspection/hazards");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("hazard-new"))).click();
		browser.findElement(By.cssSelector("[data-test=hazard-entity] .el-select__wrapper")).click();
		browser.findElement(By.cssSelector("[data-test=hazard-entity] input")).sendKeys(entity);
		ui.clickVisible(By.xpath("//li[contains(@class,'el-select-dropdown__item')][span[normalize-space()='" + entity + "']]"));
		browser.findElement(By.id("hazard-description")).sendKeys(description);
		browser.findElement(By.id("hazard-location")).sendKeys("二号车间东侧安全出口");
		browser.findElement(By.id("hazard-legal-basis")).sendKeys("《安全生产法》第四十二条");
		assertThat(browser.findElement(By.id("hazard-reinspection")).isSelected()).as("re-inspection by default").isTrue();
		ui.screenshot("hazard-report");
		browser.findElement(By.id("hazard-save")).click();
		wait.until(ExpectedConditions.urlMatches("#/inspection/hazards/\\d+$"));
		String detailUrl = browser.getCurrentUrl();
		waitForState("已上报");
		assertThat(browser.findElement(By.cssSelector(".hazard-detail")).getText()).contains(description, entity, "一般事故隐患");

		ui.clickVisible(By.cssSelector("[data-action=order-rectification]"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=action-deadline]")));
		ui.screenshot("hazard-order");
		browser.findElement(By.id("action-submit")).click();
		waitForState("整改中");
		signOut();

		// the business, on a phone, finds it among its open hazards, photographs the fix and reports it done
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		ui.signIn("lixia_biz");
		wait.until(ExpectedConditions.urlContains("#/inspection/mine"));
		long id = Long.parseLong(detailUrl.substring(detailUrl.lastIndexOf('/') + 1));
		WebElement card = wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("[data-test=hazard-card][data-id='" + id + "']")));
		assertThat(card.getText()).contains(description, "整改中");
		ui.screenshot("hazard-business-list");
		card.click();
		waitForState("整改中");
		assertThat(browser.findElement(By.cssSelector("[data-action=submit-rectification]")).isEnabled())
			.as("no evidence yet").isFalse();
		browser.findElement(By.cssSelector("input[data-test=upload-evidence-file]")).sendKeys(photo().toString());
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=fresh-evidence]"), "1"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=attachment][data-kind=EVIDENCE]")));
		ui.screenshot("hazard-business-evidence");
		ui.clickVisible(By.cssSelector("[data-action=submit-rectification]"));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("action-submit"))).click();
		waitForState("待复查验收");
		ui.screenshot("hazard-business-submitted");
		signOut();
		browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

		// the office re-inspects on site and passes it: closed, with the whole loop on record
		ui.signIn("lixia_office");
		browser.get(detailUrl);
		ui.clickVisible(By.cssSelector("[data-action=pass-reinspection]"));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("action-submit"))).click();
		waitForState("已销号");
		assertThat(transitions()).containsExactly("REPORT", "ORDER_RECTIFICATION", "SUBMIT_RECTIFICATION", "PASS_REINSPECTION");
		// the newest entry's tag fades in: wait for it before reading the whole timeline
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=timeline]"), "复查合格"));
		assertThat(browser.findElement(By.cssSelector("[data-test=timeline]")).getText()).contains("上报", "下达整改通知",
				"报告整改完成", "复查合格", "刘主任", entity + " 安全员");
		assertThat(browser.findElements(By.cssSelector("[data-test=hazard-todo] [data-action]"))).as("nothing left to do").isEmpty();
		ui.screenshot("hazard-closed");
	}


	private void signOut() {
		// the last action's toast may lie over the user menu on a phone
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-message")));
		ui.clickVisible(By.id("current-user"));
		ui.clickVisible(By.xpath("//li[contains(@class,'el-dropdown-menu__item')][normalize-space()='退出登录']"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
	}

	private void waitForState(String label) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".hazard-detail .header [data-test=hazard-state]"),
				label));
	}

	@SuppressWarnings("unchecked")
	private List<String> transitions() {
		return (List<String>) browser.executeScript(
				"return [...document.querySelectorAll('[data-test=timeline] [data-transition]')].map(e => e.dataset.transition)");
	}

	/** A real (if small) photo, so the page shows it as a thumbnail. */
	private Path photo() throws IOException {
		BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(46, 160, 90));
		g.fillRect(0, 0, 160, 120);
		g.setColor(Color.WHITE);
		g.fillRect(60, 20, 40, 80);
		g.dispose();
		Path file = Files.createTempDirectory("anjian-evidence").resolve("整改后.png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}


}
