package cn.renda.proposals.deputy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.ConfirmCoSignature;
import cn.renda.proposals.process.DecideShortMotion;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TableSnapshot;
import cn.renda.proposals.support.WebappSession;
import cn.renda.proposals.support.WorkspaceClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nobody but a co-signer answers for that co-signer, and nobody but the lead deputy withdraws: tried by every role
 * through every interface (engine-rest, Tasklist's API, our API, the workspace), with every table unchanged.
 */
@IntegrationTest
class CoSigningAccessTest {

  private static final String LEAD = "maohongding";
  private static final String CO_SIGNER = "wuhaibo";
  private static final List<String> OTHERS = List.of("zhoujunjie", "congress-clerk", "gov-clerk", "zfw-handler",
      "zfw-leader", LEAD);

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldLetNobodyButTheCoSignerAnswerAndNobodyButTheLeadDeputyWithdraw() {
    // given a deputy's own suggestion waiting for its one co-signer
    String id = driver.submitOwn(ProposalKind.SUGGESTION, ProcessDriver.newSession(), "关于访问测试之附议的建议", LEAD,
        List.of(CO_SIGNER));
    Task task = driver.task(id, ConfirmCoSignature.KEY);
    assertThat(task.getAssignee()).isEqualTo(CO_SIGNER);
    TableSnapshot before = TableSnapshot.of(jdbc);
    List<String> failures = new ArrayList<>();
    String answer = "{\"variables\":{\"coSignature\":{\"value\":\"CONFIRM\",\"type\":\"String\"}}}";

    for (String user : OTHERS) {
      // engine-rest
      int rest = Http.as(base(), user, "demo").post("/engine-rest/task/" + task.getId() + "/complete",
          Map.of("variables", Map.of("coSignature", Map.of("value", "CONFIRM", "type", "String")))).status();
      expect(failures, user + " engine-rest complete", rest, 403, 404);
      // Tasklist's API
      WebappSession tasklist = new WebappSession(base(), "default");
      assertThat(tasklist.login("tasklist", user, "demo")).as(user + " logs into Tasklist").isEqualTo(200);
      tasklist.get("/camunda/api/engine/engine/default/task/" + task.getId());
      int webapp = tasklist.send(HttpRequest.newBuilder(
              URI.create(base() + "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form"))
          .header("Content-Type", "application/json")
          .header("X-XSRF-TOKEN", tasklist.csrfToken())
          .POST(HttpRequest.BodyPublishers.ofString(answer, StandardCharsets.UTF_8))
          .build()).statusCode();
      expect(failures, user + " Tasklist submit-form", webapp, 403, 404);
      // our API
      int api = Http.as(base(), user, "demo").post("/api/proposals/" + id + "/co-signature",
          Map.of("answer", "CONFIRM")).status();
      expect(failures, user + " POST co-signature", api, 403, 404, 409);
      if (!user.equals(LEAD)) {
        int withdrawal = Http.as(base(), user, "demo").post("/api/proposals/" + id + "/withdrawal",
            Map.of("reason", "不该由我撤回")).status();
        expect(failures, user + " POST withdrawal", withdrawal, 403, 404);
      }
    }
    // the workspace, for the other deputies
    for (String deputy : List.of("zhoujunjie", LEAD)) {
      WorkspaceClient workspace = new WorkspaceClient(base());
      workspace.login(deputy);
      workspace.get("/deputy");
      int page = workspace.post("/deputy/proposals/" + id + "/co-signature", List.of("answer", "CONFIRM")).status();
      expect(failures, deputy + " workspace co-signature", page, 404, 409);
    }
    WorkspaceClient stranger = new WorkspaceClient(base());
    stranger.login("zhoujunjie");
    stranger.get("/deputy");
    expect(failures, "zhoujunjie workspace withdrawal",
        stranger.post("/deputy/proposals/" + id + "/withdrawal", List.of("reason", "不该由我撤回")).status(), 404);

    assertThat(failures).isEmpty();
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
    assertThat(driver.tasks(id, ConfirmCoSignature.KEY)).hasSize(1);
  }

  @Test
  void shouldLetNobodyButTheLeadDeputyChooseForAShortMotion() {
    // given a deputy's own motion whose co-signing window closed in silence: the lead deputy's choice is open
    String id = driver.submitOwn(ProposalKind.MOTION, ProcessDriver.newSession(), "关于访问测试之附议不足的议案", LEAD,
        ProcessDriver.CO_SIGNERS.subList(0, 9));
    try {
      driver.fire(id, "Timer_CoSigningWindow");
    } finally {
      driver.resetClock();
    }
    Task task = driver.task(id, DecideShortMotion.KEY);
    assertThat(task.getAssignee()).isEqualTo(LEAD);
    TableSnapshot before = TableSnapshot.of(jdbc);
    List<String> failures = new ArrayList<>();
    Map<String, Object> choice = Map.of(DecideShortMotion.SHORT_MOTION_DECISION.name(),
        Map.of("value", "SUBMIT_AS_SUGGESTION", "type", "String"));

    for (String user : List.of("zhanglihua", "zhoujunjie", "congress-clerk", "gov-clerk", "zfw-handler")) {
      int rest = Http.as(base(), user, "demo").post("/engine-rest/task/" + task.getId() + "/complete",
          Map.of("variables", choice)).status();
      expect(failures, user + " engine-rest complete", rest, 403, 404);
      WebappSession tasklist = new WebappSession(base(), "default");
      assertThat(tasklist.login("tasklist", user, "demo")).as(user + " logs into Tasklist").isEqualTo(200);
      tasklist.get("/camunda/api/engine/engine/default/task/" + task.getId());
      int webapp = tasklist.json("POST", "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
          Http.toJson(Map.of("variables", choice))).statusCode();
      expect(failures, user + " Tasklist submit-form", webapp, 403, 404);
    }
    // a co-signer (who may see the proposal) and another deputy, in the workspace
    for (String deputy : List.of("zhanglihua", "zhoujunjie")) {
      WorkspaceClient workspace = new WorkspaceClient(base());
      workspace.login(deputy);
      workspace.get("/deputy");
      expect(failures, deputy + " workspace short-motion", workspace.post("/deputy/proposals/" + id + "/short-motion",
          List.of("decision", "WITHDRAW", "reason", "不该由我决定")).status(), 404, 409);
    }

    assertThat(failures).isEmpty();
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
    assertThat(driver.tasks(id, DecideShortMotion.KEY)).hasSize(1);
  }

  private static void expect(List<String> failures, String what, int status, int... refusals) {
    for (int refusal : refusals) {
      if (status == refusal) {
        return;
      }
    }
    failures.add(what + " → " + status);
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
