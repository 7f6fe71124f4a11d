package cn.renda.proposals.deputy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.ConfirmCoSignature;
import cn.renda.proposals.process.GiveFeedback;
import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.proposal.CoSignatureAnswer;
import cn.renda.proposals.proposal.CoSignatures;
import cn.renda.proposals.proposal.Feedbacks;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.proposal.Satisfaction;
import cn.renda.proposals.support.HeadlessChromium;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A motion's life in the workspace on a phone (360 × 740, headless Chromium in Chinese): the lead deputy submits it
 * with nine co-signers picked by name, each co-signer confirms in a browser session of their own, the motion reaches
 * 审查立案; once the reply is delivered the lead deputy reads it and rates it. Screenshots of each step go to
 * {@code target/screenshots/deputy-*.png}.
 */
@IntegrationTest
class DeputyWorkspaceBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String LEAD = "maohongding";
  private static final List<String> NINE = ProcessDriver.CO_SIGNERS.subList(0, 9);
  /** Their names, as the demo accounts have them: the picker is searched by name. */
  private static final List<String> NAMES = List.of("张丽华", "王建国", "李晓明", "陈海燕", "刘志强", "杨秀英", "黄卫东",
      "周俊杰", "吴海波");

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired ProposalRecords records;
  @Autowired CoSignatures coSignatures;
  @Autowired Feedbacks feedbacks;

  private HeadlessChromium chromium;
  private WebDriver browser;

  @BeforeEach
  void startBrowser() throws IOException {
    chromium = HeadlessChromium.start(360, 740);
    browser = chromium.browser();
    // headless Chromium keeps its window at least ~500 px wide: the phone's viewport is emulated, as DevTools does
    ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
  }

  @AfterEach
  void stopBrowser() throws IOException {
    chromium.close();
  }

  @Test
  void shouldCarryAMotionFromThePhoneToReviewAndTakeTheDeputysRating() {
    // the lead deputy logs in and submits a motion, picking nine co-signers by name
    login(LEAD);
    assertThat((Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth;")).isEqualTo(360L);
    assertThat(pageWidth()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(360);
    chromium.capture("deputy-01-list");
    click(By.linkText("提交议案建议"));
    waitFor(By.id("submission"));
    click(By.cssSelector("input[name=kind][value=MOTION]"));
    String session = ProcessDriver.newSession();
    WebElement sessionField = browser.findElement(By.id("session"));
    sessionField.clear();
    sessionField.sendKeys(session);
    browser.findElement(By.id("title")).sendKeys("关于建设海岛应急救援体系的议案");
    browser.findElement(By.id("content")).sendKeys("海岛群众遇急症、海难时救援力量不足。\n建议配备救援船艇，完善联动机制。");
    WebElement search = browser.findElement(By.id("deputy-search"));
    for (int i = 0; i < NINE.size(); i++) {
      String coSigner = NINE.get(i);
      search.clear();
      search.sendKeys(NAMES.get(i));
      // the search leaves only that deputy in the list
      WebElement box = browser.findElement(By.cssSelector("input[name=coSigners][value=" + coSigner + "]"));
      assertThat(browser.findElements(By.cssSelector("#deputy-list li:not([hidden])"))).hasSize(1);
      click(box);
    }
    search.clear();
    search.sendKeys(" ");
    assertThat(browser.findElement(By.id("chosen-count")).getText()).isEqualTo("9");
    assertThat(pageWidth()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(360);
    chromium.capture("deputy-02-submit");
    click(By.cssSelector("#submission button[type=submit]"));
    waitFor(By.cssSelector(".notice.ok"));
    assertThat(browser.findElement(By.cssSelector(".notice.ok")).getText()).contains("已请 9 名附议代表确认");
    String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.CO_SIGNING);
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("等待附议代表确认", "待确认");
    chromium.capture("deputy-03-submitted");
    logout();

    // each co-signer confirms in a session of their own
    for (int i = 0; i < NINE.size(); i++) {
      String coSigner = NINE.get(i);
      login(coSigner);
      waitFor(By.id("awaiting"));
      // (the demo database asks some of them to co-sign another motion too)
      click(By.cssSelector("#awaiting a[href$='/" + id + "']"));
      waitFor(By.id("co-signature"));
      if (i == 0) {
        chromium.capture("deputy-04-co-signer-asked");
      }
      click(By.cssSelector("#co-signature button[value=CONFIRM]"));
      waitFor(By.cssSelector(".notice.ok"));
      assertThat(browser.findElement(By.cssSelector(".notice.ok")).getText()).contains("已确认附议");
      logout();
    }

    // then the motion of ten deputies reaches 审查立案
    assertThat(driver.tasks(id, ConfirmCoSignature.KEY)).isEmpty();
    assertThat(driver.tasks(id, ReviewProposal.KEY)).hasSize(1);
    assertThat(records.get(id).kind()).isEqualTo(ProposalKind.MOTION);
    assertThat(coSignatures.of(id)).extracting(CoSignatures.CoSignature::answer)
        .containsOnly(CoSignatureAnswer.CONFIRMED);
    login(LEAD);
    browser.get(base() + "/deputy/proposals/" + id);
    waitFor(By.cssSelector(".signers"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("县人大常委会办公室审查中");
    assertThat(browser.findElements(By.cssSelector(".signers li.ok"))).hasSize(9);
    chromium.capture("deputy-05-at-review");

    // later the reply is delivered; the lead deputy reads it and rates it
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "wjj", "hyj");
    walk.accept(id, "wjj");
    walk.coOpinion(id, "hyj");
    walk.draft(id, "wjj", "A", null);
    walk.signOff(id, "wjj", "APPROVE");
    browser.get(base() + "/deputy/proposals/" + id);
    waitFor(By.id("feedback"));
    String page = browser.findElement(By.tagName("main")).getText();
    assertThat(page).contains("第1稿答复", "县卫生健康局", "A类");
    chromium.capture("deputy-06-reply-delivered");
    click(By.cssSelector("#feedback input[value=SATISFIED]"));
    click(By.cssSelector("#feedback input[name=communication][value=FACE_TO_FACE]"));
    browser.findElement(By.id("feedback-comment")).sendKeys("答复认真，措施具体。");
    click(By.cssSelector("#feedback button[type=submit]"));
    waitFor(By.cssSelector(".notice.ok"));
    chromium.capture("deputy-07-rated");

    assertThat(driver.tasks(id, GiveFeedback.KEY)).isEmpty();
    assertThat(feedbacks.of(id)).singleElement().satisfies(feedback -> {
      assertThat(feedback.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
      assertThat(feedback.givenBy()).isEqualTo(LEAD);
      assertThat(feedback.comment()).isEqualTo("答复认真，措施具体。");
    });
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("对答复的评价", "满意");
  }

  private void login(String user) {
    browser.manage().deleteAllCookies();
    browser.get(base() + "/deputy/login");
    waitFor(By.id("username"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("demo");
    click(By.cssSelector("form.card button[type=submit]"));
    waitFor(By.cssSelector("form.logout"));
  }

  private void logout() {
    click(By.cssSelector("form.logout button"));
    waitFor(By.id("username"));
  }

  private void click(By by) {
    click(new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.elementToBeClickable(by)));
  }

  private void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private void waitFor(By by) {
    new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private long pageWidth() {
    return (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
