package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
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
 * answers it; the order then waits for the issuing office's review. The city office sees the 通报 entries waiting. A
 * liaison answers several orders at once and sees which one could not be answered; a district office compiles its own
 * district's 通报.
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

	@Test
	void aBulkReplyWithOneAnsweredOrderChangesNothingAndNamesThatOrder() throws IOException {
		String tag = "批量浏览器测试 " + System.nanoTime() % 100000;
		long first = order(tag + " 甲");
		long second = order(tag + " 乙");
		ApiClient.signedIn(port, "lixia_yj_liaison").post("/api/supervision-orders/" + second + "/reply", "{\"replyText\":\"已答复\"}")
			.expect(200);
		String secondNumber = jdbc.sql("SELECT number FROM supervision_order WHERE id = :o").param("o", second).query(String.class).single();

		ui.signIn("lixia_yj_liaison");
		ui.get("/#/warning/supervision");
		for (String suffix : new String[] {" 甲", " 乙"}) {
			By box = By.xpath("//tr[contains(., '" + tag + suffix + "')]//span[contains(@class, 'el-checkbox__inner')]");
			wait.until(ExpectedConditions.visibilityOfElementLocated(box));
			ui.clickVisible(box);
		}
		ui.clickVisible(By.cssSelector("[data-test=bulk-reply]"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[data-test=bulk-text]"))).sendKeys("已统一部署整改。");
		ui.clickVisible(By.cssSelector("[data-test=bulk-submit]"));
		By failures = By.cssSelector("[data-test=bulk-failures]");
		wait.until(ExpectedConditions.visibilityOfElementLocated(failures));
		assertThat(ui.driver().findElement(failures).getText()).contains("1 张督办单无法办理", secondNumber, "已答复");
		ui.screenshot("supervision-bulk-refused");
		assertThat(jdbc.sql("SELECT state FROM supervision_order WHERE id = :o").param("o", first).query(String.class).single())
			.as("nothing changed").isEqualTo("OPEN");
	}

	@Test
	void aDistrictOfficeCompilesItsOwnDistrictsNotice() throws IOException {
		ApiClient admin = ApiClient.signedIn(port, "admin");
		String original = jdbc.sql("""
				SELECT json_build_object('name', min(r.name), 'delayUnit', min(r.delay_unit), 'steps', json_agg(json_build_object(
				  'delayHours', s.delay_hours, 'screenLevel', s.screen_level, 'action', s.action, 'actingLevel', s.acting_level)
				  ORDER BY s.step_no))::text
				FROM warning_rule r JOIN warning_rule_step s ON s.rule_id = r.id
				WHERE r.trigger_kind = 'LICENCE_EXPIRED' AND r.origin_level = 'DISTRICT' AND r.active
				""").query(String.class).single();
		admin.put("/api/warnings/rules/LICENCE_EXPIRED/DISTRICT", """
				{"steps":[{"delayHours":0,"screenLevel":"DISTRICT","action":"NOTICE","actingLevel":"DISTRICT"}]}""").expect(200);
		try {
			String title = "区级通报浏览器测试 " + System.nanoTime() % 100000;
			order(title);
			ui.signIn("lixia_office");
			ui.get("/#/warning/notices");
			By box = By.xpath("//tr[contains(., '" + title + "')]//span[contains(@class, 'el-checkbox__inner')]");
			wait.until(ExpectedConditions.visibilityOfElementLocated(box));
			ui.clickVisible(box);
			ui.clickVisible(By.cssSelector("[data-test=notice-compile]"));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-dialog"), "历下安办通〔"));
			ui.clickVisible(By.cssSelector("[data-test=notice-issue]"));
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class, 'el-drawer')]//*[contains(., '历下安办通〔')]")));
			assertThat(ui.driver().findElement(By.cssSelector(".el-drawer")).getText()).contains("历下区安全生产委员会办公室", title);
			ui.screenshot("district-notice");
		}
		finally {
			admin.put("/api/warnings/rules/LICENCE_EXPIRED/DISTRICT", original).expect(200);
		}
	}

	/** A licence warning of 历下区 for 历下区应急管理局, its first step reached at once; the step's 督办单 if it has one. */
	private long order(String title) {
		long entity = jdbc.sql("SELECT entity_id FROM app_user WHERE username = 'lixia_biz'").query(Long.class).single();
		long region = jdbc.sql("SELECT region_id FROM supervised_entity WHERE id = :e").param("e", entity).query(Long.class).single();
		long department = jdbc.sql("SELECT id FROM department WHERE name = '历下区应急管理局'").query(Long.class).single();
		long subject = System.nanoTime();
		engine.open(new Trigger(Trigger.Kind.LICENCE_EXPIRED, Trigger.OriginLevel.DISTRICT, "browser", subject, entity,
				region, department, title, Instant.now().minusSeconds(60)));
		return jdbc.sql("""
				SELECT coalesce(max(o.id), 0) FROM supervision_order o JOIN warning w ON w.id = o.warning_id
				WHERE w.subject_type = 'browser' AND w.subject_id = :s
				""").param("s", subject).query(Long.class).single();
	}
}
