package cn.anjian.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anjian.registry.Uscc;
import cn.anjian.support.AnjianTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.FileSystemUtils;

/** The supervised-entity registry through the real pages: register an entity, find it, read its history. */
@AnjianTest
class RegistryBrowserTest {

	private static final String USCC_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

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
	void aDistrictOfficeRegistersAnEntityFindsItByNameAndSeesItsCreationInTheHistory() throws IOException {
		String name = "历下测试安全化工有限公司";
		String uscc = validUscc(new Random());
		ui.signIn("lixia_office");

		ui.clickVisible(By.xpath("//div[contains(@class,'el-sub-menu__title')][normalize-space()='监管对象']"));
		ui.clickVisible(By.xpath("//li[contains(@class,'el-menu-item')][normalize-space()='监管对象列表']"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".el-table__body .el-table__row")));
		ui.screenshot("registry-list");

		wait.until(ExpectedConditions.elementToBeClickable(By.id("entity-new"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entity-name"))).sendKeys(name);
		browser.findElement(By.id("entity-uscc")).sendKeys(uscc);
		ui.choose("entity-region", "千佛山街道");
		ui.choose("entity-social-function", "企业");
		ui.choose("entity-industry", "危险化学品生产");
		ui.choose("entity-supervision-level", "区县");
		ui.screenshot("registry-form");
		browser.findElement(By.id("entity-save")).click();
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("entity-save")));

		WebElement keyword = browser.findElement(By.id("search-keyword"));
		keyword.sendKeys("测试安全");
		browser.findElement(By.id("search-submit")).click();
		wait.until(ExpectedConditions.urlContains("keyword="));
		wait.until(d -> rowNames().contains(name) && rowNames().stream().allMatch(n -> n.contains("测试安全")));
		ui.screenshot("registry-search");

		ui.clickVisible(By.xpath("//a[contains(@class,'el-link')][normalize-space()='" + name + "']"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entity-title"), name));
		assertThat(browser.findElement(By.cssSelector(".entity-detail")).getText()).contains(uscc, "危险化学品生产",
				"千佛山街道");
		ui.screenshot("registry-detail");

		browser.findElement(By.id("tab-history")).click();
		WebElement creation = wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("[data-test=history] [data-action=CREATE]")));
		// the action's tag zooms in (Element Plus's transition): its label is not text until it has
		wait.until(ExpectedConditions.textToBePresentInElement(creation, "新增单位"));
		assertThat(creation.getText()).contains("新增单位", "刘主任", "单位名称", name, "统一社会信用代码", uscc);
		ui.screenshot("registry-history");
	}

	@Test
	void theSummaryCountsEntitiesPerStreetAndACountOpensTheFilteredList() throws IOException {
		ui.signIn("lixia_office");
		browser.get("http://localhost:" + port + "/#/registry/summary");
		WebElement count = wait.until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("[data-test=summary-table] .el-table__body .el-link")));
		assertThat(browser.findElement(By.cssSelector("[data-test=summary-table]")).getText()).contains("千佛山街道",
				"合计", "企业", "九小场所");
		ui.screenshot("registry-summary");
		count.click();
		wait.until(ExpectedConditions.urlContains("regionId="));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".el-table__body .el-table__row")));

		browser.get("http://localhost:" + port + "/#/registry/licences");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=licence-expiry-table]")));
		// the tab labels carry the counts once both are loaded
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-tabs"), "已过期（"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".el-tabs"), "30天内到期（"));
		ui.screenshot("registry-licences");
	}

	@Test
	void aBusinessUserIsSentFromTheListToTheirOwnEntity() throws IOException {
		// the demo seed's lixia_biz needs a hazardous-chemical producer in 历下区, which the small test seed may lack
		jdbc.sql("""
				INSERT INTO app_user (username, password_hash, display_name, phone, region_id, entity_id, must_change_password, created_at)
				SELECT 'registry_biz', :hash, e.name || ' 安全员', '13700000001', e.region_id, e.id, false, now()
				FROM supervised_entity e JOIN region_closure c ON c.descendant_id = e.region_id
				JOIN region d ON d.id = c.ancestor_id AND d.code = '370102' ORDER BY e.id LIMIT 1
				""").param("hash", passwords.encode("Anjian@2026")).update();
		jdbc.sql("""
				INSERT INTO user_role (user_id, role_code, region_id)
				SELECT id, 'BUSINESS_MANAGER', region_id FROM app_user WHERE username = 'registry_biz'
				""").update();
		ui.signIn("registry_biz");
		browser.get("http://localhost:" + port + "/#/registry/entities");
		wait.until(ExpectedConditions.urlMatches("#/registry/entities/\\d+"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entity-title")));
		assertThat(browser.findElement(By.cssSelector(".side-menu")).getText()).contains("本单位档案")
			.doesNotContain("监管对象列表", "底数统计");
		ui.screenshot("registry-own-entity");
	}




	/** The names in the list, read in one go (the table re-renders while it loads). */
	@SuppressWarnings("unchecked")
	private List<String> rowNames() {
		return (List<String>) browser.executeScript(
				"return [...document.querySelectorAll('.el-table__body .entity-name')].map(e => e.textContent.trim())");
	}

	/** 91 (enterprise, company) 370100 (Jinan) + 9 characters + the GB 32100 check character. */
	private static String validUscc(Random random) {
		StringBuilder code = new StringBuilder("91370100");
		for (int i = 0; i < 9; i++) {
			code.append(USCC_CHARACTERS.charAt(random.nextInt(USCC_CHARACTERS.length())));
		}
		return code.append(Uscc.checkCharacter(code.toString())).toString();
	}

}
