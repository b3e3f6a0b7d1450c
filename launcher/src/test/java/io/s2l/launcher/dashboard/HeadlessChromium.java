package io.s2l.launcher.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's Chromium, headless, driven by the system's chromedriver: nothing is downloaded (the
 * driver's path is given, so Selenium Manager never runs). Installed by
 * scripts/install-test-tools.sh.
 */
public final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Result lookups the pages make knowing that a study may not have that result (404). */
  private static final Pattern EXPECTED_MISSES =
      Pattern.compile(
          ".*/api/v1/studies/[0-9a-f-]+/(scale-correlation|attribution|selection|mixture)"
              + " - Failed to load resource: the server responded with a status of 404.*");

  private final ChromeDriver driver;
  private final Path screenshots;

  public HeadlessChromium(Path profile, Path screenshots) throws IOException {
    assertThat(CHROMIUM).as("run scripts/install-test-tools.sh").isExecutable();
    assertThat(CHROMEDRIVER).as("run scripts/install-test-tools.sh").isExecutable();
    this.screenshots = Files.createDirectories(screenshots);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1280,800");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Waits (up to {@code seconds}) for an element and returns it. */
  public WebElement await(By by, int seconds) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement await(By by) {
    return await(by, 20);
  }

  /** Waits until the element's text matches. */
  public void awaitText(By by, String regex, int seconds) {
    new WebDriverWait(driver, Duration.ofSeconds(seconds))
        .until(ExpectedConditions.textMatches(by, Pattern.compile(regex)));
  }

  /** Waits until every chart on the page has rendered, and that there is at least one. */
  public void awaitCharts() {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d -> {
              List<WebElement> charts = d.findElements(By.cssSelector("figure.chart"));
              return !charts.isEmpty()
                  && charts.stream()
                      .allMatch(c -> "true".equals(c.getDomAttribute("data-rendered")));
            });
  }

  public Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  /** Console errors since the last call, without the expected result lookups that miss. */
  public List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !EXPECTED_MISSES.matcher(m).matches())
        .toList();
  }

  public void size(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Saves a screenshot of the window as {@code <name>.png}. */
  public Path screenshot(String name) {
    try {
      Path file = screenshots.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
