package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import cn.anjian.support.ApiClient;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 立案处罚 on the real pages: a district 应急局 inspector opens a hazard, files a case from it, records the fine, its
 * execution and the closing, and finds the entity on the blacklist with the case number.
 */
@AnjianTest
class CaseBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anInspectorFilesACaseFromAHazardDecidesAFineExecutesItAndTheEntityIsBlacklisted() throws IOException {
		long entityId = jdbc.sql("""
				SELECT min(a.entity_id) FROM entity_assignment a JOIN department d ON d.id = a.department_id
				JOIN supervised_entity e ON e.id = a.entity_id
				WHERE d.name = '历下区应急管理局' AND a.ended_at IS NULL AND e.status <> 'CANCELLED'
				""").query(Long.class).single();
		String entity = jdbc.sql("SELECT name FROM supervised_entity WHERE id = :id").param("id", entityId).query(String.class).single();
		String description = "浏览器测试：危化品仓库未设置可燃气体报警装置" + System.nanoTime() % 10000;
		long hazard = ApiClient.signedIn(port, "lixia_yj_inspector").post("/api/hazards", """
				{"entityId":%d,"description":"%s","location":"一号仓库","legalBasis":"《安全生产法》第九十九条",
				 "level":"GENERAL","reinspectionRequired":true}
				""".formatted(entityId, description)).expect(200).body().get("id").asLong();

		try (Browser ui = Browser.open(port)) {
			ui.signIn("lixia_yj_inspector");
			ui.get("/#/inspection/hazards/" + hazard);
			ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=hazard-cases]"),
					"尚未对该隐患立案"));
			ui.clickVisible(By.cssSelector("[data-test=hazard-file-case]"));
			WebElement basis = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector("input[data-test=case-legal-basis], [data-test=case-legal-basis] input")));
			assertThat(basis.getDomProperty("value")).as("prefilled from the hazard").isEqualTo("《安全生产法》第九十九条");
			assertThat(ui.driver().findElement(By.cssSelector("textarea[data-test=case-facts]")).getDomProperty("value"))
				.contains("一号仓库", description);
			ui.screenshot("case-file");
			ui.clickVisible(By.cssSelector("[data-test=case-file-confirm]"));

			// the case file opens on the case list, filed
			ui.waiting().until(ExpectedConditions.urlContains("#/inspection/cases"));
			waitForState(ui, "已立案");
			String caseNumber = jdbc.sql("SELECT case_number FROM enforcement_case WHERE hazard_id = :h").param("h", hazard)
				.query(String.class).single();
			assertThat(ui.driver().findElement(By.cssSelector("[data-test=case-entity]")).getText()).isEqualTo(entity);
			assertThat(ui.driver().findElement(By.cssSelector("[data-test=case-hazard]")).getText()).contains("#" + hazard);

			// 处罚决定: a fine of 20,000 yuan
			ui.clickVisible(By.cssSelector("[data-test=case-decide]"));
			WebElement amount = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector("input[data-test=decision-amount], [data-test=decision-amount] input")));
			amount.sendKeys("20000");
			ui.screenshot("case-decision");
			ui.clickVisible(By.cssSelector("[data-test=decision-confirm]"));
			waitForState(ui, "已决定");
			ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=case-penalties]"), "罚款"));
			assertThat(ui.driver().findElement(By.cssSelector("[data-test=case-penalties]")).getText()).contains("20000");

			// 执行完毕, then 结案
			ui.clickVisible(By.cssSelector("[data-test=case-execute]"));
			ui.clickVisible(By.cssSelector(".el-message-box__btns .el-button--primary"));
			waitForState(ui, "已执行");
			ui.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-message-box")));
			ui.clickVisible(By.cssSelector("[data-test=case-close]"));
			ui.clickVisible(By.cssSelector(".el-message-box__btns .el-button--primary"));
			waitForState(ui, "已结案");
			ui.screenshot("case-closed");

			// the hazard shows its case; the entity is on the blacklist with this case
			ui.get("/#/inspection/hazards/" + hazard);
			ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=hazard-cases]"), caseNumber));
			// the panel shows the number before the case's state has loaded: wait for the state, then read it
			ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=hazard-cases]"), "已结案"));
			assertThat(ui.driver().findElement(By.cssSelector("[data-test=hazard-cases]")).getText()).contains(caseNumber).contains("已结案");
			ui.get("/#/inspection/blacklist");
			WebElement row = ui.waiting().until(ExpectedConditions.visibilityOfElementLocated(
					By.xpath("//div[@data-test='blacklist-table']//tr[.//td[contains(., '" + caseNumber + "')]]")));
			assertThat(row.getText()).contains(entity);
			ui.screenshot("case-blacklist");
		}
		assertThat(jdbc.sql("SELECT state FROM enforcement_case WHERE hazard_id = :h").param("h", hazard).query(String.class).single())
			.isEqualTo("CLOSED");
	}

	private static void waitForState(Browser ui, String label) {
		ui.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=case-state]"), label));
	}
}
