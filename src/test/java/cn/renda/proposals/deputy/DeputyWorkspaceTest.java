package cn.renda.proposals.deputy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.GiveFeedback;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TableSnapshot;
import cn.renda.proposals.support.Walk;
import cn.renda.proposals.support.WorkspaceClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deputies' workspace from outside, as a browser talks to it: login, what a deputy sees and may not see, the
 * form token on every post, refusals on the page with nothing stored, escaping, the idle timeout.
 */
@IntegrationTest
class DeputyWorkspaceTest {

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired ProposalRecords records;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldLogInDeputiesOnlyWithAnHttpOnlySameSiteSessionAndAFormToken() {
    String title = "关于登录测试" + ProcessDriver.newSession() + "的建议";
    driver.submitSuggestion(ProcessDriver.newSession(), title);
    WorkspaceClient browser = client();

    // the pages need a login
    WorkspaceClient.Page list = browser.get("/deputy");
    assertThat(list.status()).isEqualTo(302);
    assertThat(list.location()).startsWith("/deputy/login");

    // a login form without its token is refused
    assertThat(browser.postWithout("/deputy/login", List.of("username", "maohongding", "password", "demo")).status())
        .isEqualTo(403);
    // a wrong password, or staff, are refused on the page
    WorkspaceClient.Page wrong = browser.login("maohongding", "wrong");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.text()).contains("用户名或密码不正确");
    WorkspaceClient.Page staff = browser.login("zfw-handler");
    assertThat(staff.status()).isEqualTo(401);
    assertThat(staff.text()).contains("代表工作台仅供人大代表使用");
    assertThat(browser.get("/deputy").status()).isEqualTo(302);

    // a deputy logs in: a new session, its cookie HttpOnly and SameSite, and the workspace opens
    WorkspaceClient.Page login = browser.login("maohongding");
    assertThat(login.status()).isEqualTo(302);
    assertThat(login.location()).isEqualTo("/deputy");
    assertThat(WorkspaceClient.sessionCookies(login)).singleElement().satisfies(cookie ->
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
    WorkspaceClient.Page mine = browser.get("/deputy");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.raw().headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'").contains("form-action 'self'");
    // the newest first
    assertThat(mine.text()).contains("毛宏定 代表", "我的议案建议", title, "待审查", "县人大常委会办公室审查中");

    // the link of a mail leads through the login to its page, never to another site
    WorkspaceClient fromMail = client();
    WorkspaceClient.Page guarded = fromMail.get("/deputy/proposals/" + "some-id");
    assertThat(guarded.location()).isEqualTo("/deputy/login?next=%2Fdeputy%2Fproposals%2Fsome-id");
    fromMail.get(guarded.location());
    assertThat(fromMail.post("/deputy/login", List.of("username", "maohongding", "password", "demo", "next",
        "/deputy/proposals/some-id")).location()).isEqualTo("/deputy/proposals/some-id");
    WorkspaceClient lured = client();
    lured.get("/deputy/login");
    assertThat(lured.post("/deputy/login", List.of("username", "maohongding", "password", "demo", "next",
        "//evil.example/deputy")).location()).isEqualTo("/deputy");

    // logged out, the pages need a login again
    assertThat(browser.post("/deputy/logout", List.of()).status()).isEqualTo(302);
    assertThat(browser.get("/deputy").status()).isEqualTo(302);
  }

  @Test
  void shouldShowEveryProposalOfTheDeputyAndNoOtherDeputys() {
    // given 吴海波's own suggestion, accepted and assigned
    String id = driver.submitOwn(ProposalKind.SUGGESTION, ProcessDriver.newSession(), "关于增开海岛客运航班的建议",
        "wuhaibo", List.of());
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "jtj", "hyj");

    // then its lead deputy finds it with its agencies and the days left
    WorkspaceClient lead = client();
    lead.login("wuhaibo");
    String text = lead.get("/deputy").text();
    assertThat(text).contains("关于增开海岛客运航班的建议", "县交通运输局", "县海洋与渔业局", "还剩");
    WorkspaceClient.Page page = lead.get("/deputy/proposals/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text()).contains("已交办县交通运输局，等待签收", "办理过程", "交办");

    // and another deputy neither lists it nor opens it: the same 404 as for no proposal at all
    WorkspaceClient other = client();
    other.login("zhoujunjie");
    assertThat(other.get("/deputy").text()).doesNotContain("关于增开海岛客运航班的建议");
    WorkspaceClient.Page refused = other.get("/deputy/proposals/" + id);
    assertThat(refused.status()).isEqualTo(404);
    assertThat(refused.text()).contains("没有找到这件议案建议");
    assertThat(other.get("/deputy/proposals/no-such-proposal").status()).isEqualTo(404);
    // nor acts on it
    TableSnapshot before = TableSnapshot.of(jdbc);
    assertThat(other.post("/deputy/proposals/" + id + "/withdrawal", List.of("reason", "代别人撤回")).status())
        .isEqualTo(404);
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
  }

  @Test
  void shouldRefuseBadSubmissionsOnThePageAndStoreNothing() {
    WorkspaceClient deputy = client();
    deputy.login("maohongding");
    deputy.get("/deputy/submit");
    String session = ProcessDriver.newSession();
    TableSnapshot before = TableSnapshot.of(jdbc);

    // empty title and content, a motion of three deputies, unknown, duplicate co-signers and the lead deputy himself
    WorkspaceClient.Page refused = deputy.post("/deputy/submit", List.of("kind", "MOTION", "session", session,
        "title", "", "content", "", "coSigners", "zhanglihua", "coSigners", "nobody", "coSigners", "zhanglihua",
        "coSigners", "maohongding"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("未能提交", "案由（标题）", "内容", "附议代表不存在或不是人大代表：nobody",
        "代表重复", "领衔代表不能同时作为附议代表", "议案须由10名以上代表联名");
    // what was typed stays in the form
    assertThat(refused.document().select("input[name=session]").attr("value")).isEqualTo(session);
    assertThat(refused.document().select("input[name=coSigners][value=zhanglihua]").hasAttr("checked")).isTrue();

    // an oversized title, a wrong kind
    assertThat(deputy.post("/deputy/submit", List.of("kind", "OPINION", "session", session, "title",
        "关于" + "很长".repeat(120) + "的建议", "content", "内容")).text())
        .contains("请选择类型", "案由（标题）");

    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
  }

  @Test
  void shouldEscapeEveryTextAndRefusePostsWithoutTheFormToken() {
    // markup is refused at the door, like everywhere else
    WorkspaceClient deputy = client();
    deputy.login("maohongding");
    deputy.get("/deputy/submit");
    String session = ProcessDriver.newSession();
    WorkspaceClient.Page markup = deputy.post("/deputy/submit", List.of("kind", "SUGGESTION", "session", session,
        "title", "关于<script>alert('标题')</script>的建议", "content", "<img src=x onerror=alert(1)>内容"));
    assertThat(markup.status()).isEqualTo(400);
    assertThat(markup.text()).contains("不能包含 HTML 或脚本标记");

    // given a submission whose texts hold the characters HTML gives a meaning to
    String title = "关于“3<5 & 7>2”及'引号\"的处理建议";
    String content = "第一行 a<5 && b>3\n第二行 &lt;不是标记&gt;";
    WorkspaceClient.Page submitted = deputy.post("/deputy/submit", List.of("kind", "SUGGESTION", "session",
        session, "title", title, "content", content));
    assertThat(submitted.status()).isEqualTo(302);
    String id = submitted.location().substring("/deputy/proposals/".length());

    // then the page shows them as text, in the title, the content and the timeline
    WorkspaceClient.Page page = deputy.get("/deputy/proposals/" + id);
    assertThat(page.document().select("h1").text()).isEqualTo("建议《" + title + "》");
    assertThat(page.document().select(".text").first().wholeText()).isEqualTo(content);
    assertThat(page.body()).contains("3&lt;5 &amp; 7&gt;2", "&amp;lt;不是标记&amp;gt;").doesNotContain("3<5");
    assertThat(page.document().select(".timeline").text()).contains(title);

    // and a cross-site post (no form token) changes nothing
    TableSnapshot before = TableSnapshot.of(jdbc);
    WorkspaceClient.Page forged = deputy.postWithout("/deputy/proposals/" + id + "/withdrawal",
        List.of("reason", "跨站请求"));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.text()).contains("请求未通过校验");
    WorkspaceClient.Page wrongToken = deputy.postWithout("/deputy/proposals/" + id + "/withdrawal",
        List.of("reason", "跨站请求", "_csrf", "guessed"));
    assertThat(wrongToken.status()).isEqualTo(403);
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.SUBMITTED);

    // while the page's own form withdraws it, with a reason
    assertThat(deputy.post("/deputy/proposals/" + id + "/withdrawal", List.of("reason", "")).status())
        .isEqualTo(400);
    WorkspaceClient.Page withdrawn = deputy.post("/deputy/proposals/" + id + "/withdrawal",
        List.of("reason", "与另一件建议重复"));
    assertThat(withdrawn.status()).isEqualTo(302);
    assertThat(records.get(id).status()).isEqualTo(ProposalStatus.WITHDRAWN);
    assertThat(deputy.get("/deputy/proposals/" + id).text()).contains("已撤回", "领衔代表撤回", "与另一件建议重复");
  }

  @Test
  void shouldTakeFeedbackOnceWithTheDeputysAccountOfTheCommunicationAndShowAMismatchToTheOffices() {
    // given a delivered reply whose agency recorded a face-to-face talk
    String id = walk.toFeedback(ProcessDriver.newSession(), "jtj");
    WorkspaceClient lead = client();
    lead.login("maohongding");
    WorkspaceClient.Page page = lead.get("/deputy/proposals/" + id);
    assertThat(page.text()).contains("代表评价", "第1稿答复", "联系人");
    assertThat(page.document().select("form[action$=/feedback]")).hasSize(1);

    // when the lead deputy rates it without saying how the agency communicated, it is refused
    TableSnapshot before = TableSnapshot.of(jdbc);
    WorkspaceClient.Page refused = lead.post("/deputy/proposals/" + id + "/feedback",
        List.of("satisfaction", "DISSATISFIED"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text()).contains("请确认答复前承办单位是否以及如何与您沟通", "不满意的，请填写评价说明");
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();

    // when rated, saying there was no communication at all
    WorkspaceClient.Page rated = lead.post("/deputy/proposals/" + id + "/feedback",
        List.of("satisfaction", "BASICALLY_SATISFIED", "communication", "NONE", "comment", "希望加快进度"));
    assertThat(rated.status()).isEqualTo(302);
    assertThat(driver.tasks(id, GiveFeedback.KEY)).isEmpty();

    // then a second rating is refused and nothing more is stored
    before = TableSnapshot.of(jdbc);
    WorkspaceClient.Page again = lead.post("/deputy/proposals/" + id + "/feedback",
        List.of("satisfaction", "SATISFIED", "communication", "PHONE"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text()).contains("没有等待您评价的答复");
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();

    // and the offices see the deputy's account beside the agency's, and that they differ
    JsonNode feedback = Http.as("http://localhost:" + port, "congress-clerk", "demo")
        .get("/api/proposals/" + id).json().at("/feedback/0");
    assertThat(feedback.at("/satisfaction/code").asText()).isEqualTo("BASICALLY_SATISFIED");
    assertThat(feedback.at("/deputyCommunication/code").asText()).isEqualTo("NONE");
    assertThat(feedback.at("/agencyCommunication/code").asText()).isEqualTo("FACE_TO_FACE");
    assertThat(feedback.at("/communicationMismatch").asBoolean()).isTrue();
  }

  @Test
  void shouldRefuseAWithdrawalAfterAssignmentOnThePage() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于完善农村养老服务的建议");
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "mzj");
    WorkspaceClient lead = client();
    lead.login("maohongding");
    assertThat(lead.get("/deputy/proposals/" + id).document().select("form[action$=/withdrawal]")).isEmpty();

    TableSnapshot before = TableSnapshot.of(jdbc);
    WorkspaceClient.Page refused = lead.post("/deputy/proposals/" + id + "/withdrawal", List.of("reason", "不想提了"));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text()).contains("已交办或已办结的议案建议不能撤回");
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();

    // the same through our API: 409 problem+json, nothing changed
    Http.Answer api = Http.as("http://localhost:" + port, "maohongding", "demo")
        .post("/api/proposals/" + id + "/withdrawal", java.util.Map.of("reason", "不想提了"));
    assertThat(api.status()).isEqualTo(409);
    assertThat(api.contentType()).startsWith("application/problem+json");
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
  }

  @Test
  void shouldLogOutADeputyIdleLongerThanTheTimeout() {
    WorkspaceClient deputy = client();
    deputy.login("maohongding");
    assertThat(deputy.get("/deputy").status()).isEqualTo(200);

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(31, ChronoUnit.MINUTES)));
    WorkspaceClient.Page expired = deputy.get("/deputy");
    assertThat(expired.status()).isEqualTo(302);
    assertThat(expired.location()).startsWith("/deputy/login");
    assertThat(deputy.get("/deputy/login").text()).contains("已自动退出");
  }

  private WorkspaceClient client() {
    return new WorkspaceClient("http://localhost:" + port);
  }
}
