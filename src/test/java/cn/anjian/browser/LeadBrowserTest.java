package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A violation lead on the real pages: a street transfers it to the district's 应急局, whose inspector accepts it. */
@AnjianTest
class LeadBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStreetTransfersALeadAndTheReceivingDepartmentAcceptsIt() throws IOException {
		String entity = jdbc.sql("SELECT e.name FROM app_user u JOIN supervised_entity e ON e.id = u.entity_id WHERE u.username = 'lixia_biz'")
			.query(String.class).single();
		String description = "浏览器测试：涉嫌超量储存危险化学品" + System.nanoTime() % 10000;

		try (Browser ui = Browser.open(port)) {
			ui.signIn("lixia_street");
			ui.get("/#/inspection/leads");
			ui.clickVisible(By.cssSelector("[data-test=lead-new]"));
			ui.clickVisible(By.cssSelector("[data-test=lead-entity] .el-select__wrapper"));
			ui.driver().findElement(By.cssSelector("[data-test=lead-entity] input")).sendKeys(entity);
			ui.clickVisible(By.xpath("//li[contains(@class,'el-select-dropdown__item')][span[normalize-space()='" + entity + "']]"));
			ui.driver().findElement(By.cssSelector("textarea[data-test=lead-description]")).sendKeys(description);
			ui.choose("lead-receiver", "历下区应急管理局");
			ui.screenshot("lead-transfer");
			ui.clickVisible(By.cssSelector("[data-test=lead-save]"));
			ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//td[contains(., '" + description + "')]")));
		}

		try (Browser ui = Browser.open(port)) {
			ui.signIn("lixia_yj_inspector");
			ui.get("/#/inspection/leads");
			ui.clickVisible(By.xpath("//tr[.//td[contains(., '" + description + "')]]"));
			ui.clickVisible(By.cssSelector("[data-test=lead-accept]"));
			ui.clickVisible(By.cssSelector(".el-message-box__btns .el-button--primary"));
			ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(
					By.xpath("//div[contains(@class,'el-drawer')]//span[contains(@class,'el-tag__content')][normalize-space()='已受理']")));
			ui.screenshot("lead-accepted");
		}
		assertThat(jdbc.sql("SELECT state FROM lead_transfer WHERE description = :d").param("d", description).query(String.class).single())
			.isEqualTo("ACCEPTED");
	}
}
