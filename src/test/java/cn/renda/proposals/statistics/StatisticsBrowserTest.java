package cn.renda.proposals.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The government office's clerk in Cockpit, in headless Chromium in Chinese: opens 办理统计, sees the league table and
 * the charts, reads a figure's definition and drills down to one agency's overdue proposals. No Camunda 8 banner on
 * the way. Screenshots go to {@code target/screenshots/statistics-*.png}.
 */
@IntegrationTest
class StatisticsBrowserTest {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired StatisticsFixture fixture;
  @Autowired ProcessDriver driver;

  private ChromeDriverService service;
  private WebDriver browser;
  private Path profile;
  private int screenshot;

  @BeforeEach
  void startBrowser() throws IOException {
    fixture.session();
    // Fails (never skips) without Debian's chromium and chromium-driver: .ci/run installs them.
    assertThat(CHROMIUM).as("apt-get install -y chromium").canRead();
    assertThat(CHROMEDRIVER).as("apt-get install -y chromium-driver").canRead();
    profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--lang=zh-CN", "--window-size=1440,1400");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER)
        .usingAnyFreePort()
        .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
        .build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
    driver.resetClock();
  }

  @Test
  void shouldShowTheGovernmentOfficeTheStatisticsAndDrillDownToAnAgencysOverdueProposals() {
    driver.today(StatisticsFixture.TODAY);

    // when the clerk logs into Cockpit
    browser.get(base() + "/camunda/app/cockpit/default/#/login");
    waitFor(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys("gov-clerk");
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();

    // then the dashboard has the header entry and the summary, and no Camunda 8 banner
    WebElement entry = waitFor(By.xpath("//*[@cam-widget-header]//a[normalize-space(.)='办理统计']"));
    waitFor(By.cssSelector(".stat-summary a"));
    assertThat(text()).contains("交办", "按时答复率", "查看办理统计");
    assertNoBanner();
    capture("cockpit-dashboard");

    // when the clerk opens 办理统计 for the fixture's session
    browser.get(base() + "/camunda/app/cockpit/default/#/statistics?session=" + fixture.session());
    waitFor(By.cssSelector(".stat-table tr[data-agency=zfw]"));
    new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#stat-bar-chart canvas")));
    new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#stat-trend-chart canvas")));

    // then the league table is in Chinese, ranked, with the definitions as tooltips
    assertThat(text()).contains("办理统计", "排名", "综合得分", "按时答复率", "满意率（重新办理后）", "办成率", "全县合计",
        "县民政局", "县司法局", "县交通运输局", "县委政法委", "各单位对比", "月度趋势", "统计日期：2026年7月20日");
    List<String> order = browser.findElements(By.cssSelector(".stat-table tbody tr")).stream()
        .map(row -> row.getAttribute("data-agency")).toList();
    assertThat(order).containsExactly("mzj", "sfj", "jtj", "zfw", "fy", "xfj", "county");
    assertThat(cell("mzj", "onTimeRate")).isEqualTo("66.7%");
    assertThat(cell("county", "overdue")).isEqualTo("2");
    assertThat(browser.findElement(By.xpath("//table[contains(@class,'stat-table')]//th[normalize-space(.)='按时答复率']"))
        .getAttribute("title")).contains("按时答复件数 ÷ 应答复件数", "延期");
    assertNoBanner();
    capture("league-table");

    // the sections of the table
    browser.findElement(By.cssSelector(".stat-tabs a[data-tab=FEEDBACK]")).click();
    waitFor(By.xpath("//table[contains(@class,'stat-table')]//th[normalize-space(.)='满意率（首次答复）']"));
    assertThat(cell("zfw", "firstRoundSatisfactionRate")).isEqualTo("66.7%");
    capture("feedback-section");
    browser.findElement(By.cssSelector(".stat-tabs a[data-tab=REPLY]")).click();
    waitFor(By.xpath("//table[contains(@class,'stat-table')]//th[normalize-space(.)='答复用时中位数（工作日）']"));
    assertThat(cell("sfj", "medianWorkingDays")).isEqualTo("39");

    // when the clerk clicks the overdue proposals of 县委政法委
    link("zfw", "overdue").click();

    // then the list holds P4, 48 days overdue, with its record and its process instance in Cockpit
    WebElement row = waitFor(By.cssSelector(".stat-drill-table tr[data-proposal='" + fixture.id("P4") + "']"));
    assertThat(text()).contains("县委政法委 · 超期未答复（1件）", "待答复且今天已过答复期限");
    assertThat(row.getText()).contains("关于改进P4相关工作的建议", "县委政法委", "2026年3月2日", "2026年6月2日", "48",
        "答复拟稿", "记录", "流程实例");
    assertThat(browser.findElements(By.cssSelector(".stat-drill-table tbody tr"))).hasSize(1);
    assertThat(text()).doesNotContain("null", "undefined", "NaN");
    capture("overdue-of-zfw");

    // the record in the page, and the instance in Cockpit
    row.findElement(By.linkText("关于改进P4相关工作的建议")).click();
    waitFor(By.xpath("//section[@id='stat-record']//h4[normalize-space(.)='办理过程']"));
    assertThat(browser.findElement(By.id("stat-record")).getText()).contains("县委政法委（主办）", "交办", "签收");
    capture("record-of-p4");
    row.findElement(By.linkText("流程实例")).click();
    new WebDriverWait(browser, PATIENCE).until(browser -> browser.getCurrentUrl().contains("#/process-instance/"));
    waitFor(By.cssSelector("[cam-widget-bpmn-viewer], .process-instance-diagram, .diagram-holder, svg"));
    capture("process-instance-of-p4");

    // and Tasklist shows no Camunda 8 banner either
    browser.get(base() + "/camunda/app/tasklist/default/");
    waitFor(By.cssSelector("[cam-widget-header]"));
    assertNoBanner();
  }

  private void assertNoBanner() {
    for (WebElement banner : browser.findElements(By.cssSelector(".ce-eol-banner"))) {
      assertThat(banner.isDisplayed()).as("Camunda 8 banner").isFalse();
    }
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8", "迁移到");
  }

  private WebElement link(String agency, String figure) {
    return waitFor(By.cssSelector(".stat-table a.stat-drill-link[data-agency='" + agency + "'][data-figure='"
        + figure + "']"));
  }

  private String cell(String agency, String figure) {
    return link(agency, figure).getText();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private WebElement waitFor(By target) {
    return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(target));
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  private void capture(String name) {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    try {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(String.format("statistics-%02d-%s.png", ++screenshot, name)),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot save a screenshot", e);
    }
  }
}
