package cn.renda.proposals.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.HeadlessChromium;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar page in a real browser (Debian's headless Chromium, in Chinese), behind the webapps' login: the congress
 * office pastes a notice, previews and applies it, and reverts it; an agency handler only reads. The notice for 2031
 * is <b>invented for this test</b>. Screenshots go to {@code target/screenshots/}.
 */
@IntegrationTest
class CalendarPageBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  /** Invented for this test; not a State Council notice. */
  private static final String INVENTED_NOTICE = """
      一、元旦：1月1日（周三）放假1天，不调休。
      二、春节：1月22日（农历除夕、周三）至28日（周二）放假调休，共7天。1月19日（周日）、2月8日（周六）上班。
      """;

  @LocalServerPort int port;

  private HeadlessChromium chromium;
  private WebDriver browser;

  @BeforeEach
  void startBrowser() throws IOException {
    chromium = HeadlessChromium.start(1440, 1800);
    browser = chromium.browser();
  }

  @AfterEach
  void stopBrowserAndRemove2031() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
    Http clerk = Http.as("http://localhost:" + port, "congress-clerk", "demo");
    if (clerk.get("/api/calendar/2031").json().get("covered").asBoolean()) {
      clerk.post("/api/calendar/2031/revert", Map.of("version", 0));
    }
  }

  @Test
  void shouldLetTheCongressOfficeEnterAYearFromThePastedNotice() {
    // given the congress office logged in to the webapps
    logIn("congress-clerk");

    // when it opens the calendar page
    browser.get(url("/calendar"));
    waitForText(By.id("year-title"), "年");
    capture("calendar-opened");

    // then it sees a year as twelve months, and the form to enter an arrangement
    assertThat(browser.findElements(By.cssSelector("#grid .month"))).hasSize(12);
    assertThat(browser.findElement(By.id("maintain")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("节假日安排", "录入或修改", "修改记录");

    // when it goes to 2031, pastes the notice, reads it and previews it
    for (int i = 0; i < 10 && !browser.findElement(By.id("year-title")).getText().equals("2031 年"); i++) {
      String shown = browser.findElement(By.id("year-title")).getText();
      click(By.id(shown.compareTo("2031 年") < 0 ? "next" : "prev"));
      new WebDriverWait(browser, PATIENCE).until(b -> !b.findElement(By.id("year-title")).getText().equals(shown));
    }
    waitForText(By.id("year-status"), "尚无 2031 年");
    browser.findElement(By.id("notice")).sendKeys(INVENTED_NOTICE);
    click(By.id("parse"));
    new WebDriverWait(browser, PATIENCE).until(b -> b.findElement(By.id("json")).getDomProperty("value")
        .contains("2031-01-22"));
    click(By.id("preview"));
    waitForText(By.id("changes"), "新增放假");
    capture("calendar-preview");

    // then the preview shows the new days on the grid and the deadlines it moves (none in 2031)
    assertThat(browser.findElement(By.id("changes")).getText()).contains("2031年1月22日（周三）")
        .contains("新增调休上班 2031年1月19日（周日）、2031年2月8日（周六）");
    assertThat(browser.findElement(By.cssSelector("#preview-grid span[data-date='2031-01-23']")).getAttribute("class"))
        .contains("holiday").contains("changed");
    assertThat(browser.findElement(By.id("move-count")).getText()).isEqualTo("0 项");

    // when it applies it
    click(By.id("apply"));
    waitForText(By.id("result"), "已应用");
    capture("calendar-applied");

    // then 2031 is in force
    assertThat(browser.findElement(By.id("year-status")).getText()).contains("第 ").contains("congress-clerk");
    assertThat(browser.findElement(By.cssSelector("#grid span[data-date='2031-01-28']")).getAttribute("class"))
        .contains("holiday");
    assertThat(browser.findElement(By.cssSelector("#grid span[data-date='2031-02-08']")).getAttribute("class"))
        .contains("workday");
    assertThat(browser.findElement(By.cssSelector("#versions tbody")).getText()).contains("录入修改");

    // when it reverts 2031 to no data from the history
    click(By.xpath("//table[@id='versions']//button[normalize-space(.)='恢复为无数据']"));
    waitForText(By.id("preview-title"), "恢复为无数据");
    click(By.id("apply"));
    waitForText(By.id("result"), "已应用");

    // then 2031 has no data again
    waitForText(By.id("year-status"), "尚无 2031 年");
    capture("calendar-reverted");
  }

  @Test
  void shouldShowAnAgencyHandlerTheCalendarOnly() {
    logIn("zfw-handler");

    browser.get(url("/calendar"));
    waitForText(By.id("year-title"), "年");
    // the title comes before the grid: wait for the months rather than race them
    new WebDriverWait(browser, PATIENCE).until(d -> d.findElements(By.cssSelector("#grid .month")).size() == 12);

    assertThat(browser.findElements(By.cssSelector("#grid .month"))).hasSize(12);
    assertThat(browser.findElement(By.id("maintain")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("history")).isDisplayed()).isFalse();
  }

  @Test
  void shouldAskToLogInFirst() {
    browser.get(url("/calendar"));

    new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
    assertThat(browser.findElement(By.id("login")).getText()).contains("请先登录");
    assertThat(browser.findElement(By.id("year-view")).isDisplayed()).isFalse();
  }

  private void logIn(String user) {
    browser.get(url("/camunda/app/tasklist/default/#/login"));
    enter(By.cssSelector("form[name=signinForm] input[type=text]"), user);
    enter(By.cssSelector("form[name=signinForm] input[type=password]"), "demo");
    click(By.cssSelector("form[name=signinForm] button[type=submit]"));
    new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("form[name=signinForm]")));
  }

  private void enter(By input, String text) {
    click(input);
    browser.findElement(input).sendKeys(text);
    new WebDriverWait(browser, PATIENCE)
        .until(browser -> text.equals(browser.findElement(input).getDomProperty("value")));
  }

  private void click(By target) {
    WebElement element = new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(target));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  private void waitForText(By target, String text) {
    new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(target, text));
  }

  private void capture(String name) {
    chromium.capture(name);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
