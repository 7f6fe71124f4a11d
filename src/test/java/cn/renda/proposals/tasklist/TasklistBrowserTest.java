package cn.renda.proposals.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.GiveFeedback;
import cn.renda.proposals.process.SignOffReply;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.HeadlessChromium;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A day at an agency, in a real browser: Debian's headless Chromium in Chinese, driven through its chromedriver. The
 * handler drafts the reply in Tasklist, the leader signs it off. Screenshots of every step go to
 * {@code target/screenshots/} for people to look at.
 */
@IntegrationTest
class TasklistBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  /** Texts of Tasklist and of form-js that must not show in English in a Chinese browser. */
  private static final List<String> ENGLISH = List.of(
      "Claim", "Complete", "Save", "Filters", "Form", "History", "Diagram", "Description", "Add groups",
      "Set follow-up date", "Set due date", "Field is required", "Select", "Sign out", "Created");

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired TaskService taskService;
  @Autowired ProposalRecords records;

  private HeadlessChromium chromium;
  private WebDriver browser;
  private int screenshot;

  @BeforeEach
  void startBrowser() throws IOException {
    chromium = HeadlessChromium.start(1440, 1200);
    browser = chromium.browser();
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
    driver.resetClock();
  }

  @Test
  void shouldLetTheHandlerDraftAndTheLeaderSignOffInChineseTasklist() throws IOException {
    // given a proposal drafting at zfw, assigned in January so that it is the unit's most urgent task and Tasklist
    // lists it first (the shared test database holds other tests' zfw work, all due later)
    String title = "关于改善城区停车难问题的建议（" + UUID.randomUUID().toString().substring(0, 6) + "）";
    driver.today(LocalDate.of(2026, 1, 5));
    String id = driver.submitSuggestion(ProcessDriver.newSession(), title);
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "zfw", "sfj");
    walk.accept(id, "zfw");
    walk.coOpinion(id, "sfj");
    driver.resetClock();

    // when the handler logs in, opens 本单位待办 and the draft
    logIn("zfw-handler");
    openUnitTask(title);
    assertChinese();
    assertThat(text()).contains("答复拟稿", "认领");
    assertThat(value("协办意见")).contains("【县司法局】", "sfj的协办意见");
    assertThat(value("主办单位")).isEqualTo("县委政法委");
    click(By.cssSelector("button.claim"));
    new WebDriverWait(browser, PATIENCE).until(browser -> "zfw-handler".equals(
        taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(DraftReply.KEY).singleResult()
            .getAssignee()));
    new WebDriverWait(browser, PATIENCE)
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    capture("handler-task-claimed");

    // the form checks before the server does, in Chinese
    choose("提交领导签发");
    complete();
    waitFor(By.xpath("//div[contains(@class,'fjs-form-field-error')]//li[normalize-space(.)='此项为必填项。']"));
    capture("handler-form-required");

    // the server refuses what the form cannot know, and Tasklist says why in Chinese
    type("答复正文", "经研究，<b>现答复如下</b>");
    select("类别标记", "A类");
    select("沟通方式", "面商");
    type("联系人", "金海军");
    type("联系电话", "0580-5082584");
    complete();
    waitFor(By.xpath("//*[contains(@class,'alert') and contains(normalize-space(.),'答复正文不能包含 HTML 或脚本标记')]"));
    capture("handler-refused-by-server");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(DraftReply.KEY).count())
        .isEqualTo(1);

    // then a correct reply goes to sign-off
    type("答复正文", "经研究，现答复如下：我局将会同有关部门在城区新增公共停车泊位。感谢您对我县工作的关心和支持。");
    complete();
    new WebDriverWait(browser, PATIENCE).until(browser -> tasks(id, SignOffReply.KEY) == 1);
    capture("handler-completed");
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.SIGN_OFF);

    // when the leader logs in and approves
    logOut();
    logIn("zfw-leader");
    openUnitTask(title);
    assertThat(text()).contains("签发", "同意签发", "退回修改");
    assertThat(value("答复正文")).contains("我局将会同有关部门在城区新增公共停车泊位");
    click(By.cssSelector("button.claim"));
    choose("同意签发");
    capture("leader-sign-off");
    assertChinese();
    complete();

    // then the reply is delivered and the deputy is asked for feedback
    new WebDriverWait(browser, PATIENCE).until(browser -> tasks(id, GiveFeedback.KEY) == 1);
    capture("leader-completed");
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.AWAITING_FEEDBACK);
    assertThat(taskService.getVariable(
            taskService.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId(),
                DraftReply.REPLY_TEXT.name()))
        .asString().startsWith("经研究，现答复如下");
  }

  private void logIn(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/login");
    enter(By.cssSelector("form[name=signinForm] input[type=text]"), user);
    enter(By.cssSelector("form[name=signinForm] input[type=password]"), "demo");
    capture(user + "-login");
    click(By.cssSelector("form[name=signinForm] button[type=submit]"));
    waitFor(By.xpath(filterXpath(TasklistFilters.MINE)));
  }

  private void logOut() {
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/login");
    waitFor(By.cssSelector("form[name=signinForm]"));
  }

  /** Opens 本单位待办 and the task of the proposal in it. */
  private void openUnitTask(String title) {
    click(By.xpath(filterXpath(TasklistFilters.MY_UNIT)));
    waitFor(By.xpath("//div[contains(@class,'task-filter') and contains(@class,'active')]"
        + "//a[contains(normalize-space(.),'" + TasklistFilters.MY_UNIT + "')]"));
    By task = By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')]"
        + "//h4//a[contains(normalize-space(.),'" + title + "')]");
    capture("unit-tasks");
    click(task);
    waitFor(By.cssSelector(".fjs-container"));
    new WebDriverWait(browser, PATIENCE).until(browser -> title.equals(value("案由")));
    capture("task-opened");
  }

  private static String filterXpath(String name) {
    return "//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]//a[contains(normalize-space(.),'"
        + name + "')]";
  }

  /** Dismisses the notifications a user has read (they sit over the form's buttons), then completes. */
  private void complete() {
    By close = By.xpath("//div[contains(@class,'notifications')]//div[contains(@class,'alert')]"
        + "//button[contains(@class,'close')]");
    for (WebElement button : browser.findElements(close)) {
      if (button.isDisplayed()) {
        button.click();
      }
    }
    new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(close));
    click(By.xpath("//div[contains(@class,'form-actions')]"
        + "//button[contains(@class,'btn-primary') and normalize-space(.)='完成']"));
  }

  /** Types into the input once it is there and holds exactly what was typed. */
  private void enter(By input, String text) {
    click(input);
    WebElement element = browser.findElement(input);
    element.sendKeys(text);
    new WebDriverWait(browser, PATIENCE)
        .until(browser -> text.equals(browser.findElement(input).getDomProperty("value")));
  }

  /** Picks a radio option by its label. */
  private void choose(String optionLabel) {
    click(By.xpath("//label[contains(@class,'fjs-form-field-label') and normalize-space(.)='" + optionLabel + "']"));
  }

  /** Replaces the text of the field with that label. */
  private void type(String label, String text) {
    WebElement field = browser.findElement(By.id(fieldLabel(label).getAttribute("for")));
    field.clear();
    field.sendKeys(text);
  }

  /** Opens the select with that label and picks the option that starts with {@code option}. */
  private void select(String label, String option) {
    WebElement container = fieldLabel(label)
        .findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"));
    container.findElement(By.cssSelector(".fjs-input-group")).click();
    click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and starts-with(normalize-space(.),'" + option
        + "')]"));
    waitFor(By.xpath("//label[starts-with(normalize-space(.),'" + label
        + "')]/ancestor::div[contains(@class,'fjs-form-field')][1]"
        + "//div[contains(@class,'fjs-select-display') and starts-with(normalize-space(.),'" + option + "')]"));
  }

  private WebElement fieldLabel(String label) {
    return waitFor(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(@class,'fjs-form-field-label')"
        + " and (normalize-space(.)='" + label + "' or normalize-space(.)='" + label + "*')]"));
  }

  /** Clicks as soon as the element can be clicked (Tasklist re-renders lists while they load). */
  private void click(By target) {
    new WebDriverWait(browser, PATIENCE)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .until(browser -> {
          WebElement element = ExpectedConditions.elementToBeClickable(target).apply(browser);
          if (element == null) {
            return false;
          }
          // in the middle of the view: Tasklist's fixed header and footer would take a click at the edges
          ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
          element.click();
          return true;
        });
  }

  /** The value of the form field with that label. */
  private String value(String label) {
    return browser.findElement(By.id(fieldLabel(label).getAttribute("for"))).getDomProperty("value");
  }

  private WebElement waitFor(By target) {
    return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(target));
  }

  private String text() {
    return browser.findElement(By.tagName("body")).getText();
  }

  /** The page speaks Chinese: Tasklist's own texts and the form's, none of their English originals. */
  private void assertChinese() {
    new WebDriverWait(browser, PATIENCE).until(browser -> ENGLISH.stream().noneMatch(this::shows));
    String text = text();
    assertThat(text).contains(TasklistFilters.MINE, TasklistFilters.MY_UNIT, "表单", "历史", "流程图", "完成");
    assertThat(ENGLISH).noneMatch(this::shows);
  }

  private boolean shows(String english) {
    return java.util.regex.Pattern.compile("\\b" + english + "\\b").matcher(text()).find();
  }

  private long tasks(String id, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(taskKey).count();
  }

  private void capture(String name) {
    chromium.capture(String.format("%02d-%s", ++screenshot, name));
  }
}
