package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import java.io.IOException;
import java.math.BigDecimal;
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
 * 量化评估 on the real pages: the city reads its scoring sheets and the editor adds up points as they are typed; a
 * district office scores one of its businesses, which is then counted under its colour.
 */
@AnjianTest
class EvaluationBrowserTest {

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
	void theCityReadsItsSheetsAndADistrictScoresABusinessIntoAColour() throws IOException {
		ui.signIn("city_office");
		ui.get("/#/prevention/evaluation-sheets");
		ui.clickVisible(By.xpath("//td[.//text()[normalize-space()='危险化学品企业安全生产量化评估表']]"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-drawer"), "双重预防机制（20分）"));
		ui.screenshot("evaluation-sheet");
		ui.clickVisible(By.cssSelector(".el-drawer__close-btn"));
		ui.clickVisible(By.id("sheet-new"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-dialog__footer"), "合计 5 分（须为100分）"));
		ui.screenshot("evaluation-sheet-editor");
		ui.clickVisible(By.cssSelector(".el-dialog__headerbtn"));
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-dialog")));
		signOut();

		String entity = jdbc.sql("SELECT e.name FROM app_user u JOIN supervised_entity e ON e.id = u.entity_id WHERE u.username = 'lixia_biz'")
			.query(String.class).single();
		ui.signIn("lixia_office");
		ui.get("/#/prevention/evaluations");
		ui.clickVisible(By.id("evaluation-new"));
		ui.clickVisible(By.cssSelector("[data-test=evaluation-entity] .el-select__wrapper"));
		browser.findElement(By.cssSelector("[data-test=evaluation-entity] input")).sendKeys(entity);
		ui.clickVisible(Browser.option(entity));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-item]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-dialog__footer"), "合计 100 分"));
		ui.screenshot("evaluation-form");
		ui.clickVisible(By.id("evaluation-save"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-message"), "评估已保存：100"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-table__body"), entity));

		Map<String, Object> latest = jdbc.sql("""
				SELECT v.total, v.grade FROM entity_evaluation v JOIN app_user u ON u.entity_id = v.entity_id
				WHERE u.username = 'lixia_biz' ORDER BY v.id DESC LIMIT 1
				""").query().singleRow();
		assertThat((BigDecimal) latest.get("total")).isEqualByComparingTo("100");
		assertThat(latest.get("grade")).isEqualTo("BLUE");
		assertThat(Integer.parseInt(browser.findElement(By.cssSelector("[data-grade=BLUE] .n")).getText())).isPositive();
		ui.screenshot("evaluation-list");
	}

	private void signOut() {
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-message")));
		ui.clickVisible(By.id("current-user"));
		ui.clickVisible(By.xpath("//li[contains(@class,'el-dropdown-menu__item')][normalize-space()='退出登录']"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
	}
}
