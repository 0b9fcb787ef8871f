package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 风险四色图 on the real page: the business places a point by clicking its plan and moves it by dragging; the district
 * office sees the marker in the point's colour and cannot move it; the government's risk map draws offline.
 */
@AnjianTest
class PlantMapBrowserTest {

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
	void theBusinessPlacesAndDragsAPointAndTheOfficeOnlyLooks() throws IOException {
		ApiClient business = ApiClient.signedIn(port, "lixia_biz");
		business.upload("/api/prevention/site-plan", Map.of(), "厂区平面图.png", plan()).expect(200);
		long point = business.post("/api/prevention/points", "{\"name\":\"浏览器四色图点\",\"kind\":\"SITE\"}").expect(200).body()
			.get("id").asLong();

		ui.signIn("lixia_biz");
		ui.get("/#/prevention/plant-map");
		ui.clickVisible(By.cssSelector("[data-test=unplaced-" + point + "]"));
		WebElement canvas = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=plant-map-canvas] img")));
		int width = canvas.getSize().getWidth();
		int height = canvas.getSize().getHeight();
		// Selenium offsets are from the element's centre: this is a quarter from the left, a quarter from the top
		new Actions(browser).moveToElement(canvas, -width / 4, -height / 4).click().perform();
		WebElement marker = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=marker-" + point + "]")));
		wait.until(d -> placement(point) != null);
		assertThat(placement(point)[0].doubleValue()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.03));
		assertThat(placement(point)[1].doubleValue()).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.03));
		ui.screenshot("plant-map-placed");

		new Actions(browser).clickAndHold(marker).moveByOffset(width / 4, height / 4).moveByOffset(width / 4, height / 4)
			.release().perform();
		wait.until(d -> placement(point)[0].doubleValue() > 0.6);
		assertThat(placement(point)[1].doubleValue()).as("dragged to the lower right").isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.05));

		long entity = jdbc.sql("SELECT entity_id FROM app_user WHERE username = 'lixia_biz'").query(Long.class).single();
		try (Browser office = Browser.open(port)) {
			office.signIn("lixia_office");
			office.get("/#/prevention/plant-map?entityId=" + entity);
			WebElement seen = office.waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=marker-" + point + "]")));
			assertThat(seen.getCssValue("background-color")).as("ungraded: grey").contains("144, 147, 153");
			assertThat(office.driver().findElements(By.cssSelector("[data-test=site-plan-file]"))).as("no upload for the government").isEmpty();
			BigDecimal[] before = placement(point);
			new Actions(office.driver()).clickAndHold(seen).moveByOffset(-width / 3, 0).release().perform();
			assertThat(placement(point)).as("the office cannot move it").isEqualTo(before);

			office.get("/#/prevention/risk-map");
			office.waiting().until(d -> !d.findElements(By.cssSelector("[data-test=risk-map] path.leaflet-interactive")).isEmpty());
			assertThat(office.driver().findElements(By.cssSelector("[data-test=risk-map] .leaflet-tile"))).as("no tiles configured").isEmpty();
			office.screenshot("risk-map-offline");
		}
	}

	private BigDecimal[] placement(long point) {
		return jdbc.sql("SELECT x, y FROM risk_point_placement WHERE risk_point_id = :p").param("p", point)
			.query((rs, n) -> new BigDecimal[] { rs.getBigDecimal(1), rs.getBigDecimal(2) }).optional().orElse(null);
	}

	/** An 800×500 plan: the page scales it to its width. */
	private static byte[] plan() throws IOException {
		BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(235, 240, 245));
		g.fillRect(0, 0, 800, 500);
		g.setColor(new Color(120, 130, 140));
		g.drawRect(40, 40, 300, 200);
		g.drawRect(420, 260, 320, 200);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
