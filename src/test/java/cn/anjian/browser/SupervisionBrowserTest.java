package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.warning.Trigger;
import cn.anjian.warning.WarningEngine;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A 督办单 as its addressee handles it: the department's liaison finds it under 待我答复, routes it to an office and
 * answers it; the order then waits for the issuing office's review. The city office sees the 通报 entries waiting.
 */
@AnjianTest
class SupervisionBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WarningEngine engine;

	Browser ui;
	WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		ui = Browser.open(port, 1600, 900);
		wait = ui.waiting();
	}

	@AfterEach
	void stopBrowser() throws IOException {
		ui.close();
	}

	@Test
	void theLiaisonRoutesAndAnswersAnOrderAddressedToItsDepartment() throws IOException {
		String title = "证照过期：浏览器测试单位 " + System.nanoTime() % 100000;
		long entity = jdbc.sql("SELECT entity_id FROM app_user WHERE username = 'lixia_biz'").query(Long.class).single();
		long region = jdbc.sql("SELECT region_id FROM supervised_entity WHERE id = :e").param("e", entity).query(Long.class).single();
		long department = jdbc.sql("SELECT id FROM department WHERE name = '历下区应急管理局'").query(Long.class).single();
		engine.open(new Trigger(Trigger.Kind.LICENCE_EXPIRED, Trigger.OriginLevel.DISTRICT, "browser", System.nanoTime(), entity,
				region, department, title, Instant.now().minusSeconds(60)));

		ui.signIn("lixia_yj_liaison");
		ui.get("/#/warning/supervision");
		By row = By.xpath("//tr[contains(., '" + title + "')]");
		wait.until(ExpectedConditions.visibilityOfElementLocated(row));
		assertThat(ui.driver().findElement(row).getText()).contains("历下安办督〔", "待答复", "历下区应急管理局");

		ui.clickVisible(By.xpath("//tr[contains(., '" + title + "')]//button[contains(., '分转')]"));
		ui.choose("route-office", "安全监管科");
		ui.clickVisible(By.cssSelector("[data-test=dialog-submit]"));
		wait.until(d -> d.findElement(row).getText().contains("分转：安全监管科"));

		ui.clickVisible(By.xpath("//tr[contains(., '" + title + "')]//button[contains(., '答复')]"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[data-test=dialog-text]")))
			.sendKeys("已责令企业停止相关作业，证照已提交换证申请。");
		ui.clickVisible(By.cssSelector("[data-test=dialog-submit]"));
		wait.until(d -> d.findElement(row).getText().contains("已答复待审核"));
		ui.screenshot("supervision-orders");

		ui.close(); // a fresh browser for the next user
		ui = Browser.open(port, 1600, 900);
		wait = ui.waiting();
		ui.signIn("city_office");
		ui.get("/#/warning/notices");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=notice-compile]")));
		assertThat(ui.driver().findElement(By.cssSelector("[data-test=draft-table]")).getText()).contains("被通报单位");
		ui.screenshot("notice-drafts");
	}
}
