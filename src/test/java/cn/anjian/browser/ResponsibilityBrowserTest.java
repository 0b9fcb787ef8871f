package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.support.AnjianTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/** The responsibility pages: find a blind spot in the report and fix it on the spot; an inspector's own entities. */
@AnjianTest
class ResponsibilityBrowserTest {

	private static final String DEPARTMENT = "历下区应急管理局";
	private static final String INSPECTOR = "历下区应急局 钱监管员";

	@LocalServerPort
	int port;

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
	void aDistrictOfficeFindsAnEntityWithoutInspectorAndNamesOneThere() throws IOException {
		ui.signIn("lixia_office");
		ui.clickVisible(By.xpath("//div[contains(@class,'el-sub-menu__title')][normalize-space()='监管责任']"));
		ui.clickVisible(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='盲区排查']"));
		wait.until(d -> count("NO_INSPECTOR") >= 0);
		assertThat(count("NO_DEPARTMENT")).isPositive();
		assertThat(count("NO_TERRITORIAL_OWNER")).isPositive();
		assertThat(count("NO_INSPECTOR")).isPositive();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=gap-table] .el-table__row")));
		ui.screenshot("responsibility-gaps");

		browser.findElement(By.cssSelector("[data-test=gap-card-NO_INSPECTOR]")).click();
		wait.until(ExpectedConditions.urlContains("kind=NO_INSPECTOR"));
		wait.until(d -> !rowNames().isEmpty() && gapColumnTexts().stream().allMatch(t -> t.contains("无具体监管人员")));

		// narrow to an industry the district's 应急管理局 supervises alone (工贸其他): its gaps are that department's
		ui.clickVisible(By.xpath("//div[contains(@class,'el-tabs__item')][starts-with(normalize-space(),'按行业统计')]"));
		ui.clickVisible(By.xpath("//div[@data-test='gaps-by-industry']//tr[.//td[normalize-space()='工贸其他']]"
				+ "//a[@data-test='cell-NO_INSPECTOR']"));
		wait.until(ExpectedConditions.urlContains("industry=IND016"));
		wait.until(ExpectedConditions.urlContains("kind=NO_INSPECTOR"));
		wait.until(d -> !rowNames().isEmpty()
				&& gapColumnTexts().stream().allMatch(t -> t.contains("无具体监管人员") && t.contains("工贸其他")));
		long listed = listTotal();
		long withoutInspector = count("NO_INSPECTOR");
		String entity = rowNames().get(0);
		String entityId = browser.findElement(By.cssSelector("[data-test=gap-table] .el-table__body .entity-name"))
			.getDomAttribute("data-entity-id");
		ui.screenshot("responsibility-gaps-filtered");

		ui.clickVisible(By.cssSelector("[data-test=gap-table] [data-test=gap-fix]"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=gap-drawer] [data-test=responsible-now]")));
		By unstaffed = By.xpath("//div[@data-test='current-assignment'][@data-department='" + DEPARTMENT + "']"
				+ "[not(.//*[@data-test='inspector'])]//button[@data-test='assignment-staff']");
		if (!browser.findElements(unstaffed).isEmpty()) {
			ui.clickVisible(unstaffed);
			chooseMany("staff-inspectors", INSPECTOR, "调整监管人员");
			ui.screenshot("responsibility-staff-dialog");
			browser.findElement(By.cssSelector("[data-test=staff-save]")).click();
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test=staff-save]")));
		}
		else {
			ui.clickVisible(By.cssSelector("[data-test=assignment-new]"));
			ui.choose("assign-department", DEPARTMENT);
			chooseMany("assign-inspectors", INSPECTOR, "新增监管分工");
			browser.findElement(By.cssSelector("[data-test=assignment-save]")).click();
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test=assignment-save]")));
		}
		wait.until(ExpectedConditions.textToBePresentInElementLocated(
				By.cssSelector("[data-test=gap-drawer] [data-test=responsible-now]"), INSPECTOR));
		assertThat(browser.findElement(By.cssSelector("[data-test=assignment-history]")).getText()).contains(INSPECTOR, "当前");
		ui.screenshot("responsibility-fixed");

		browser.findElement(By.cssSelector("[data-test=gap-drawer] .el-drawer__close-btn")).click();
		wait.until(d -> !rowIds().contains(entityId));
		browser.navigate().refresh();
		wait.until(d -> count("NO_INSPECTOR") == withoutInspector - 1 && listTotal() == listed - 1);
		assertThat(rowIds()).doesNotContain(entityId);
		assertThat(gapColumnTexts()).allMatch(t -> t.contains("无具体监管人员"));

		browser.get("http://localhost:" + port + "/#/registry/entities/" + entityId + "?tab=responsibility");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entity-title"), entity));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=responsible-now]"), INSPECTOR));
		ui.screenshot("responsibility-entity-tab");
	}

	@Test
	void anInspectorSeesTheEntitiesNamedOnThem() throws IOException {
		ui.signIn("lixia_yj_inspector");
		ui.clickVisible(By.xpath("//div[contains(@class,'el-sub-menu__title')][normalize-space()='监管责任']"));
		ui.clickVisible(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='我监管的对象']"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=my-entities] .el-table__row")));
		assertThat(browser.findElement(By.cssSelector(".el-tabs__item.is-active")).getText()).startsWith("本人");
		assertThat(browser.findElement(By.cssSelector("[data-test=my-entities] .el-table__body")).getText()).contains(INSPECTOR);
		assertThat(browser.findElement(By.cssSelector(".side-menu")).getText()).doesNotContain("批量分工", "人员移交");
		ui.screenshot("responsibility-mine");
	}


	/** The number on a summary card, or -1 while it loads. */
	private long count(String kind) {
		String text = browser.findElement(By.cssSelector("[data-test=gap-card-" + kind + "] .number")).getText().trim();
		return text.matches("\\d+") ? Long.parseLong(text) : -1;
	}

	/** The gap list's total (“共 N 条”), or -1 while the pager is not there. */
	private long listTotal() {
		List<WebElement> total = browser.findElements(By.cssSelector(".pager .el-pagination__total"));
		String digits = total.isEmpty() ? "" : total.get(0).getText().replaceAll("\\D", "");
		return digits.isEmpty() ? -1 : Long.parseLong(digits);
	}


	/** Picks an option of a multiple select, then closes its dropdown by clicking the dialog's title. */
	private void chooseMany(String testId, String option, String dialogTitle) {
		ui.clickVisible(By.cssSelector("[data-test=" + testId + "] .el-select__wrapper"));
		WebElement item = ui.clickVisible(
				By.xpath("//li[contains(@class,'el-select-dropdown__item')][.//span[normalize-space()='" + option + "']]"));
		ui.clickVisible(By.xpath("//span[contains(@class,'el-dialog__title')][normalize-space()='" + dialogTitle + "']"));
		wait.until(ExpectedConditions.invisibilityOf(item));
	}


	/** The names in the gap list, read in one go (the table re-renders while it loads). */
	@SuppressWarnings("unchecked")
	private List<String> rowNames() {
		return (List<String>) browser.executeScript(
				"return [...document.querySelectorAll('[data-test=gap-table] .el-table__body .entity-name')].map(e => e.textContent.trim())");
	}

	/** The entity ids of the gap list's rows. */
	@SuppressWarnings("unchecked")
	private List<String> rowIds() {
		return (List<String>) browser.executeScript(
				"return [...document.querySelectorAll('[data-test=gap-table] .el-table__body .entity-name')].map(e => e.dataset.entityId)");
	}

	/** The gap tags of each row of the list, as one text per row. */
	@SuppressWarnings("unchecked")
	private List<String> gapColumnTexts() {
		return (List<String>) browser.executeScript(
				"return [...document.querySelectorAll('[data-test=gap-table] .el-table__body .el-table__row')].map(r => r.textContent)");
	}

}
