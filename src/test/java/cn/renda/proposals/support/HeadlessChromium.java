package cn.renda.proposals.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium in Chinese (zh-CN, in Asia/Shanghai), driven through its chromedriver, for the browser
 * tests, with a profile of its own that is deleted on close. Screenshots go to {@code target/screenshots/}.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriverService service;
  private final WebDriver browser;
  private final Path profile;

  private HeadlessChromium(ChromeDriverService service, WebDriver browser, Path profile) {
    this.service = service;
    this.browser = browser;
    this.profile = profile;
  }

  /** A browser with a window of this size. */
  public static HeadlessChromium start(int width, int height) throws IOException {
    // Fails (never skips) without Debian's chromium and chromium-driver: .ci/run installs them.
    assertThat(CHROMIUM).as("apt-get install -y chromium").canRead();
    assertThat(CHROMEDRIVER).as("apt-get install -y chromium-driver").canRead();
    Path profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--lang=zh-CN", "--window-size=" + width + "," + height);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
        .build();
    Files.createDirectories(SCREENSHOTS);
    return new HeadlessChromium(service, new ChromeDriver(service, options), profile);
  }

  public WebDriver browser() {
    return browser;
  }

  /** Saves what the browser shows as {@code target/screenshots/{name}.png}. */
  public void capture(String name) {
    try {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save a screenshot", e);
    }
  }

  @Override
  public void close() throws IOException {
    browser.quit();
    service.stop();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
