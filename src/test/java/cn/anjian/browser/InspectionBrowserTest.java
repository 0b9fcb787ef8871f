package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

/** An inspector on a phone records an inspection with the checklist, one item failing, and turns it into a hazard. */
@AnjianTest
class InspectionBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser ui;
	ChromeDriver browser;
	WebDriverWait wait;

	@BeforeEach
	void startPhone() throws IOException {
		ui = Browser.open(port, 390, 844);
		browser = ui.driver();
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		wait = ui.waiting();
	}

	@AfterEach
	void stopBrowser() throws IOException {
		ui.close();
	}

	@Test
	void anInspectorOnAPhoneRecordsAnInspectionWithAFailedItemAndTurnsItIntoAHazard() throws IOException {
		String entity = jdbc.sql("""
				SELECT e.name FROM supervised_entity e
				WHERE EXISTS (SELECT 1 FROM entity_assignment a JOIN department d ON d.id = a.department_id
				              WHERE a.entity_id = e.id AND a.ended_at IS NULL AND d.name = '历下区应急管理局')
				  AND EXISTS (SELECT 1 FROM checklist_template t WHERE t.enabled AND e.industry = ANY (t.industries))
				  AND NOT EXISTS (SELECT 1 FROM inspection i WHERE i.entity_id = e.id) AND e.status <> 'CANCELLED'
				ORDER BY e.id DESC LIMIT 1
				""").query(String.class).single();

		ui.signIn("lixia_yj_inspector");
		ui.get("/#/inspection/records");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("inspection-new"))).click();
		ui.clickVisible(By.cssSelector("[data-test=inspection-entity] .el-select__wrapper"));
		browser.findElement(By.cssSelector("[data-test=inspection-entity] input")).sendKeys(entity);
		ui.clickVisible(Browser.option(entity));
		wait.until(d -> !d.findElement(By.cssSelector("[data-test=inspection-template]")).getText().isBlank());
		ui.screenshot("inspection-phone-new");
		browser.findElement(By.id("inspection-create")).click();

		wait.until(ExpectedConditions.urlMatches("#/inspection/records/\\d+$"));
		List<WebElement> items = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("[data-test=checklist-item]"), 2));
		for (int i = 0; i < items.size(); i++) {
			String outcome = i == 1 ? "FAIL" : "PASS";
			ui.clickVisible(By.xpath("(//*[@data-test='checklist-item'])[" + (i + 1) + "]//*[@data-test='outcome-" + outcome + "']"));
		}
		WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[data-test=item-note]")));
		note.sendKeys("配电箱门缺失，线路裸露");
		browser.findElement(By.cssSelector("input[data-test=photo-file]")).sendKeys(photo().toString());
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".photos img"), 1));
		browser.findElement(By.cssSelector("input[data-test=representative]")).sendKeys("王厂长");
		ui.clickVisible(By.xpath("//*[@data-test='result']//*[normalize-space()='责令整改']"));
		ui.screenshot("inspection-phone-filled");
		ui.clickVisible(By.id("inspection-save"));

		ui.clickVisible(By.cssSelector("[data-test=raise-hazard]"));
		ui.clickVisible(By.id("raise-confirm"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'item-hazard')]")));
		ui.screenshot("inspection-phone-hazard");

		var hazard = jdbc.sql("""
				SELECT h.description, h.state, t.outcome, i.result, i.representative_name,
				  (SELECT count(*) FROM inspection_photo p WHERE p.inspection_id = i.id) AS photos
				FROM inspection i JOIN supervised_entity e ON e.id = i.entity_id
				JOIN inspection_item t ON t.inspection_id = i.id AND t.hazard_id IS NOT NULL JOIN hazard h ON h.id = t.hazard_id
				WHERE e.name = :name AND h.inspection_id = i.id
				""").param("name", entity).query().singleRow();
		assertThat(hazard.get("description").toString()).contains("配电箱门缺失，线路裸露");
		assertThat(hazard.get("state")).isEqualTo("REPORTED");
		assertThat(hazard.get("outcome")).isEqualTo("FAIL");
		assertThat(hazard.get("result")).isEqualTo("RECTIFICATION_ORDERED");
		assertThat(hazard.get("representative_name")).isEqualTo("王厂长");
		assertThat(((Number) hazard.get("photos")).intValue()).isEqualTo(1);
	}

	private Path photo() throws IOException {
		BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(200, 80, 60));
		g.fillRect(0, 0, 160, 120);
		g.dispose();
		Path file = Files.createTempDirectory("anjian-inspection").resolve("现场.png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}
}
