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

/** A district user signs in through the real page and sees only their district in the region tree. */
@AnjianTest
class LoginBrowserTest {

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
	void aDistrictUserSignsInAndSeesOnlyTheirDistrictInTheRegionTree() throws IOException {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get("http://localhost:" + port + "/");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username")));
		ui.screenshot("login");

		browser.findElement(By.id("login-username")).sendKeys("lixia_office");
		browser.findElement(By.id("login-password")).sendKeys("Anjian@2026");
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-scope"), "历下区"));
		assertThat(browser.findElement(By.id("current-user")).getText()).contains("刘主任");
		ui.screenshot("home");

		browser.get("http://localhost:" + port + "/#/system/regions");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".region-tree .region-name")));
		List<String> names = browser.findElements(By.cssSelector(".region-tree .region-name")).stream()
			.map(WebElement::getText).toList();
		ui.screenshot("regions");
		assertThat(names).contains("历下区").doesNotContain("济南市", "市中区", "槐荫区");
	}

	@Test
	void aWrongPasswordShowsTheServersMessage() {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		browser.get("http://localhost:" + port + "/#/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username"))).sendKeys("lixia_office");
		browser.findElement(By.id("login-password")).sendKeys("wrong-password");
		browser.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "用户名或密码错误"));
	}

}
