package cn.renda.proposals.paper;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.HeadlessChromium;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The page of paper files (/paper) in headless Chromium: the congress clerk fills the session's template, uploads it
 * on the page, sees the refusal of a bad row with nothing registered, corrects it and sees every row registered;
 * the page offers an agency handler the export and its own notice only. Screenshots in {@code target/screenshots/}.
 */
@IntegrationTest
class PaperPageBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private HeadlessChromium chromium;
  private WebDriver browser;

  @BeforeEach
  void startBrowser() throws IOException {
    chromium = HeadlessChromium.start(1280, 1000);
    browser = chromium.browser();
  }

  @AfterEach
  void stopBrowser() throws IOException {
    chromium.close();
  }

  @Test
  void shouldLetTheCongressOfficeUploadTheFilledTemplateAndReadTheReport() throws IOException {
    // given the session's template, filled with three proposals of which one names an unknown deputy
    String session = ProcessDriver.newSession();
    byte[] template = Http.as(base(), "congress-clerk", "demo")
        .download("/api/paper/intake/template.xlsx?session=" + session).body();
    Path bad = fill(template, "查无此人");
    Path good = fill(template, "毛宏定");

    logIn("congress-clerk");
    browser.get(base() + "/paper");
    waitFor(By.id("intake"));
    browser.findElement(By.id("session")).clear();
    browser.findElement(By.id("session")).sendKeys(session);
    assertThat(browser.findElement(By.id("intake-template")).getAttribute("href"))
        .endsWith("/api/paper/intake/template.xlsx?session=" + session);
    assertThat(browser.findElement(By.id("assignment")).isDisplayed()).isFalse();

    // when the file with the bad row is uploaded: refused whole, the cell named, nothing registered
    browser.findElement(By.id("intake-file")).sendKeys(bad.toString());
    browser.findElement(By.id("intake-upload")).click();
    waitForText(By.cssSelector("#intake-result .summary"), "未作任何保存");
    assertThat(browser.findElement(By.id("intake-result")).getText()).contains("第3行", "查无此人");
    assertThat(registered(session)).isZero();
    chromium.capture("paper-01-intake-refused");

    // when the corrected file is uploaded
    browser.findElement(By.id("intake-file")).sendKeys(good.toString());
    browser.findElement(By.id("intake-upload")).click();
    waitForText(By.cssSelector("#intake-result .summary"), "新登记 3 件");
    assertThat(browser.findElement(By.id("intake-count")).getText()).isEqualTo("已处理 3 / 3 行");
    assertThat(registered(session)).isEqualTo(3);
    chromium.capture("paper-02-intake-done");
  }

  @Test
  void shouldOfferAnAgencyItsExportAndItsOwnNoticeOnly() {
    logIn("zfw-handler");
    browser.get(base() + "/paper");
    waitFor(By.id("export"));
    assertThat(browser.findElement(By.id("intake")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("assignment")).isDisplayed()).isFalse();
    assertThat(browser.findElements(By.cssSelector("#notice-agency option")))
        .extracting(option -> option.getAttribute("value")).containsExactly("zfw");
  }

  private long registered(String session) {
    return jdbc.sql("SELECT COUNT(*) FROM paper_registration WHERE session_code = ?").param(session)
        .query(Long.class).single();
  }

  /** The template with three rows, the second led by {@code secondLead}. */
  private static Path fill(byte[] template, String secondLead) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Sheet sheet = workbook.getSheet("议案建议登记");
      CellStyle day = workbook.createCellStyle();
      day.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
      String[] leads = {"毛宏定", secondLead, "吴海波"};
      for (int i = 0; i < 3; i++) {
        Row row = sheet.getRow(i + 1) == null ? sheet.createRow(i + 1) : sheet.getRow(i + 1);
        row.createCell(0).setCellValue("Z" + (i + 1));
        row.createCell(1).setCellValue("建议");
        row.createCell(2).setCellValue("关于纸质登记页面第" + (i + 1) + "件的建议");
        row.createCell(3).setCellValue("建议内容第" + (i + 1) + "件。");
        row.createCell(4).setCellValue(leads[i]);
        row.createCell(6).setCellValue(LocalDate.of(2026, 1, 15));
        row.getCell(6).setCellStyle(day);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      Path file = Files.createTempFile("intake-", ".xlsx");
      Files.write(file, out.toByteArray());
      file.toFile().deleteOnExit();
      return file;
    }
  }

  private void logIn(String user) {
    browser.get(base() + "/camunda/app/tasklist/default/#/login");
    waitFor(By.cssSelector("form[name=signinForm] input[type=text]"));
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("form[name=signinForm]")));
  }

  private void waitFor(By by) {
    new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void waitForText(By by, String text) {
    new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
