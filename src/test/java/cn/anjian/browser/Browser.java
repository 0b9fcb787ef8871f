package cn.anjian.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Debian Chromium driven by its packaged chromedriver (nothing downloaded), with a fresh profile deleted on
 * close, and the few gestures every page test needs: sign in, click what shows, pick a select option, screenshot.
 */
final class Browser implements AutoCloseable {

	private final ChromeDriver driver;
	private final WebDriverWait wait;
	private final Path profile;
	private final int port;

	private Browser(int port, ChromeDriver driver, Path profile) {
		this.port = port;
		this.driver = driver;
		this.profile = profile;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	/** A desktop-sized window (1366×768). */
	static Browser open(int port) throws IOException {
		return open(port, 1366, 768);
	}

	static Browser open(int port, int width, int height) throws IOException {
		Path profile = Files.createTempDirectory("anjian-chrome");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=" + width + "," + height, "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", STILL));
		return new Browser(port, driver, profile);
	}

	/**
	 * Element Plus fades tags, dialogs and messages in; Selenium reads an element that is still transparent as having
	 * no text. Tests see every page without transitions or animations, so what they read is what has rendered.
	 */
	private static final String STILL = """
			document.addEventListener('DOMContentLoaded', () => {
			  const style = document.createElement('style');
			  style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
			  document.head.appendChild(style);
			});
			""";

	ChromeDriver driver() {
		return driver;
	}

	WebDriverWait waiting() {
		return wait;
	}

	/** Opens a page of the SPA, e.g. {@code "/#/registry/summary"}. */
	void get(String path) {
		driver.get("http://localhost:" + port + path);
	}

	void signIn(String username) {
		get("/#/login");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-username"))).sendKeys(username);
		driver.findElement(By.id("login-password")).sendKeys("Anjian@2026");
		driver.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
	}

	/**
	 * Clicks the element that shows. Element Plus keeps hidden copies of menus and dropdowns in the page, and a
	 * dropdown that is still sliding in (or an option scrolled out of its list) intercepts the click: scroll it into
	 * the middle of its list and try again until it takes.
	 */
	WebElement clickVisible(By by) {
		return wait.until(d -> {
			for (WebElement element : d.findElements(by)) {
				try {
					if (element.isDisplayed()) {
						driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
						element.click();
						return element;
					}
				}
				catch (ElementClickInterceptedException | StaleElementReferenceException notYet) {
					return null;
				}
			}
			return null;
		});
	}

	/** Opens the select marked {@code data-test=testId} and picks the visible option with this text. */
	void choose(String testId, String option) {
		clickVisible(By.cssSelector("[data-test=" + testId + "] .el-select__wrapper"));
		WebElement item = clickVisible(option(option));
		wait.until(ExpectedConditions.invisibilityOf(item));
	}

	/** An option of an open select, by its text. */
	static By option(String text) {
		return By.xpath("//li[contains(@class,'el-select-dropdown__item')][normalize-space()='" + text
				+ "' or .//span[normalize-space()='" + text + "']]");
	}

	/** Saves what the page shows to {@code target/screenshots/NAME.png}. */
	void screenshot(String name) throws IOException {
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		FileSystemUtils.deleteRecursively(profile);
	}
}
