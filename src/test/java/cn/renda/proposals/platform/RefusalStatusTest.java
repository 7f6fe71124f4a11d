package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ProposalProcess;
import cn.renda.proposals.process.SignOffReply;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import cn.renda.proposals.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A refused value reaches Tasklist and engine-rest clients as 400 with our message, never as a 500. */
@IntegrationTest
class RefusalStatusTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired Walk walk;
  @Autowired ProcessDriver driver;

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void shouldAnswerTasklistWith400AndTheChineseReasonWhenTheServerRefusesAForm() throws Exception {
    // given a draft without its text and a B classification without the planned date
    String id = walk.toDrafting(ProcessDriver.newSession(), "jtj");
    String taskId = driver.task(id, DraftReply.KEY).getId();
    Map<String,
        Object> form = variables(Map.of(DraftReply.DRAFT_ACTION.name(), "SUBMIT", DraftReply.REPLY_TEXT.name(), "",
        DraftReply.CLASSIFICATION.name(), "B",
        DraftReply.COMMUNICATION_METHOD.name(), "PHONE", DraftReply.PUBLISHABLE.name(), true));
    WebappSession tasklist = new WebappSession(base(), "default");
    assertThat(tasklist.login("tasklist", "jtj-handler", "demo")).isEqualTo(200);
    tasklist.get("/camunda/api/engine/engine/default/task/" + taskId); // as Tasklist does: a read first (CSRF token)

    // when Tasklist submits the form through the webapps' engine API
    HttpResponse<String> answer = tasklist.send(HttpRequest.newBuilder(
            URI.create(base() + "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form"))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", tasklist.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", form)),
            StandardCharsets.UTF_8))
        .build());

    // then
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("type").asText()).isEqualTo("InvalidInputException");
    assertThat(body.get("message").asText()).isEqualTo("请填写答复正文；类别标记为B时须填写计划解决日期。");
    assertThat(body.get("errors")).extracting(error -> error.get("field").asText())
        .containsExactly(DraftReply.REPLY_TEXT.name(), DraftReply.PLANNED_RESOLUTION_DATE.name());
    assertThat(driver.tasks(id, DraftReply.KEY)).hasSize(1);
  }

  @Test
  void shouldAnswerEngineRestClientsWith400OnCompletionAndOnTheStartForm() throws Exception {
    String id = walk.toDrafting(ProcessDriver.newSession(), "jtj");
    walk.draft(id, "jtj", "A", null);
    String taskId = driver.task(id, SignOffReply.KEY).getId();

    Http.Answer returned = Http.as(base(), "jtj-leader", "demo").post("/engine-rest/task/" + taskId + "/complete",
        Map.of("variables", variables(Map.of(SignOffReply.SIGN_OFF_DECISION.name(), "RETURN"))));
    Http.Answer motion = Http.as(base(), "congress-clerk", "demo").post(
        "/engine-rest/process-definition/key/" + ProposalProcess.KEY + "/submit-form",
        Map.of("variables",
            variables(Map.of(ProcessVariables.KIND.name(), "MOTION", ProcessVariables.SESSION.name(), "2026",
            ProcessVariables.TITLE.name(), "关于修缮县城老旧小区的议案",
            ProcessVariables.CONTENT.name(), "内容", ProcessVariables.LEAD_DEPUTY.name(), "maohongding",
                ProcessVariables.CO_SIGNERS.name(), "zhanglihua,wangjianguo"))));

    assertThat(returned.status()).as(returned.body()).isEqualTo(400);
    assertThat(returned.json().get("message").asText()).isEqualTo("请填写退回意见。");
    assertThat(returned.json().get("messageEn").asText()).isEqualTo("signOffComment: signOffComment is required");
    assertThat(motion.status()).as(motion.body()).isEqualTo(400);
    assertThat(motion.json().get("message").asText()).contains("议案须由10名以上代表联名（含领衔人），当前3名");
    assertThat(driver.tasks(id, SignOffReply.KEY)).hasSize(1);
  }

  @Test
  void shouldSayInChineseThatATaskIsGone() {
    Http.Answer missing = Http.as(base(), "gov-clerk", "demo")
        .post("/engine-rest/task/no-such-task/complete", Map.of("variables", Map.of()));

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("message").asText()).startsWith("该任务已不存在");
  }

  @Test
  void shouldLeaveOtherEngineErrorsAsCamundaAnswersThem() {
    Http.Answer mistyped = Http.as(base(), "gov-clerk", "demo")
        .post("/engine-rest/task/no-such-task/complete",
            Map.of("variables", Map.of("x", Map.of("value", "abc", "type", "Integer"))));

    // (Camunda's own answer to a value that does not fit its type, unchanged)
    assertThat(mistyped.status()).isEqualTo(400);
    assertThat(mistyped.json().get("type").asText()).isEqualTo("InvalidRequestException");
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }
}
