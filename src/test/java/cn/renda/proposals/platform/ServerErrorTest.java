package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.DraftReply;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's REST APIs refuse bad paging parameters with 400 naming the parameter; no 500 of theirs tells what failed
 * (SQL, exception texts): the answer names a reference, and the log holds the reference with the exception.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ServerErrorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT_LOG_LINE = Pattern.compile("\\R(?=\\d{4}-\\d{2}-\\d{2}T)");

  @LocalServerPort int port;
  @Autowired Walk walk;
  @Autowired ProcessDriver driver;

  private String base() {
    return "http://localhost:" + port;
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"maxResults, -5, min", "firstResult, -1, min", "maxResults, abc, type", "firstResult, 1.5, type",
      "maxResults, 99999999999, type"})
  void shouldRefuseBadPagingOnEngineRest(String parameter, String value, String code) {
    Http gov = Http.as(base(), "gov-clerk", "demo");

    List<Http.Answer> answers = List.of(
        gov.get("/engine-rest/task?" + parameter + "=" + value),
        gov.get("/engine-rest/history/process-instance?firstResult=0&" + parameter + "=" + value),
        gov.post("/engine-rest/task?" + parameter + "=" + value, Map.of()));

    for (Http.Answer answer : answers) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertPagingRefused(answer.json(), parameter, code);
    }
  }

  @Test
  void shouldRefuseBadPagingOnTheWebappsApis() throws Exception {
    WebappSession cockpit = new WebappSession(base(), "default");
    assertThat(cockpit.login("cockpit", "gov-clerk", "demo")).isEqualTo(200);

    HttpResponse<String> tasks = cockpit.get("/camunda/api/engine/engine/default/task?maxResults=-5");
    HttpResponse<String> instances = cockpit.send(HttpRequest.newBuilder(URI.create(
            base() + "/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=-1&maxResults=50"))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", cockpit.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build());

    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(400);
    assertPagingRefused(JSON.readTree(tasks.body()), "maxResults", "min");
    assertThat(instances.statusCode()).as(instances.body()).isEqualTo(400);
    assertPagingRefused(JSON.readTree(instances.body()), "firstResult", "min");
  }

  @Test
  void shouldStillPageWithGoodParameters() {
    Http gov = Http.as(base(), "gov-clerk", "demo");

    Http.Answer none = gov.get("/engine-rest/task?firstResult=0&maxResults=0");
    Http.Answer one = gov.get("/engine-rest/task?firstResult=0&maxResults=1");

    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json()).isEmpty();
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json()).hasSize(1);
  }

  @Test
  void shouldAnswerAnEngineFailureOnEngineRestWithAReferenceOnly(CapturedOutput log) {
    // given a value PostgreSQL cannot store (a NUL character): the database refuses it with an SQL error
    String taskId = driver.task(walk.toDrafting(ProcessDriver.newSession(), "jtj"), DraftReply.KEY).getId();
    Http admin = Http.as(base(), "admin", "demo");

    Http.Answer write = admin.put("/engine-rest/task/" + taskId + "/localVariables/note",
        Map.of("value", "a\u0000b", "type", "String"));
    Http.Answer read = admin.get("/engine-rest/task?processVariables=note_eq_a%00b");

    for (Http.Answer answer : List.of(write, read)) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(500);
      String logged = assertGeneric(answer.body(), answer.json(), log);
      assertThat(logged).as("the engine's exception beside the reference").containsIgnoringCase("0x00");
    }
  }

  @Test
  void shouldAnswerAnEngineFailureOnTheWebappsApisWithAReferenceOnly(CapturedOutput log) throws Exception {
    String taskId = driver.task(walk.toDrafting(ProcessDriver.newSession(), "jtj"), DraftReply.KEY).getId();
    WebappSession cockpit = new WebappSession(base(), "default");
    assertThat(cockpit.login("cockpit", "admin", "demo")).isEqualTo(200);
    cockpit.get("/camunda/api/engine/engine/default/task/" + taskId); // (CSRF token)

    HttpResponse<String> write = cockpit.send(HttpRequest.newBuilder(URI.create(
            base() + "/camunda/api/engine/engine/default/task/" + taskId + "/localVariables/note"))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", cockpit.csrfToken())
        .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"a\\u0000b\",\"type\":\"String\"}",
            StandardCharsets.UTF_8))
        .build());
    HttpResponse<String> search = cockpit.send(HttpRequest.newBuilder(URI.create(
            base() + "/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0&maxResults=50"))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", cockpit.csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"variables\":[{\"name\":\"note\",\"operator\":\"eq\",\"value\":\"a\\u0000b\"}]}",
                StandardCharsets.UTF_8))
        .build());

    assertThat(write.statusCode()).as(write.body()).isEqualTo(500);
    String logged = assertGeneric(write.body(), JSON.readTree(write.body()), log);
    assertThat(logged).as("the engine's exception beside the reference").containsIgnoringCase("0x00");
    // Cockpit's own queries run outside the engine's commands: the reference is logged with Camunda's answer, right
    // after Camunda's own warning with the stack trace
    assertThat(search.statusCode()).as(search.body()).isEqualTo(500);
    String reference = JSON.readTree(search.body()).get("reference").asText();
    assertGeneric(search.body(), JSON.readTree(search.body()), log);
    String before = log.getOut().substring(0, log.getOut().indexOf("Internal error " + reference));
    assertThat(before.substring(before.lastIndexOf("ENGINE-REST-HTTP500"))).containsIgnoringCase("0x00");
  }

  private static void assertPagingRefused(JsonNode body, String parameter, String code) {
    assertThat(body.get("type").asText()).isEqualTo("InvalidRequestException");
    assertThat(body.get("message").asText()).startsWith("参数 " + parameter);
    assertThat(body.get("messageEn").asText()).contains(parameter);
    assertThat(body.get("errors")).singleElement().satisfies(error -> {
      assertThat(error.get("field").asText()).isEqualTo(parameter);
      assertThat(error.get("code").asText()).isEqualTo(code);
    });
  }

  /** Answers what the log says under the answer's reference. */
  private static String assertGeneric(String text, JsonNode body, CapturedOutput log) {
    String reference = body.get("reference").asText();
    assertThat(reference).matches("E-[0-9a-f]{12}");
    assertThat(body.get("type").asText()).isEqualTo("ServerError");
    assertThat(body.get("message").asText()).startsWith("系统内部错误").contains(reference);
    assertThat(body.get("messageEn").asText()).contains(reference);
    assertThat(text).doesNotContainIgnoringCase("sql").doesNotContain("Exception").doesNotContain("ENGINE-")
        .doesNotContain("0x00").doesNotContain("at org.");
    // the log tells support what failed, under the same reference
    int logged = log.getOut().indexOf("Internal error " + reference);
    assertThat(logged).isNotNegative();
    String entry = NEXT_LOG_LINE.split(log.getOut().substring(logged), 2)[0]; // (with its stack trace)
    assertThat(entry).contains("Exception");
    return entry;
  }
}
