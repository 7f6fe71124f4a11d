package cn.renda.proposals.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.AssignAgencies;
import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.support.EngineRest;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A corpus of bad input: every rule, malformed and mistyped JSON, oversized bodies, markup in every text field,
 * unknown ids. Each is refused with the right status and field, and the database is unchanged.
 */
@IntegrationTest
class BadInputTest {

  private static final List<String> TABLES = List.of("proposal", "proposal_co_signer", "timeline_event",
      "case_number_counter", "proposal_agency", "reply", "co_opinion", "feedback", "extension_request", "alert");
  private static final List<String> NINE = List.of("zhanglihua", "wangjianguo", "lixiaoming", "chenhaiyan",
      "liuzhiqiang", "yangxiuying", "huangweidong", "zhoujunjie", "wuhaibo");
  private static String drafting;
  private static String assigning;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Walk walk;
  @Autowired ProcessDriver driver;

  /** One bad request: who sends what, and how it must be refused. */
  record Case(String name, String user, String method, String path, String contentType, byte[] body, int status,
      String field, String code) {
    @Override
    public String toString() {
      return name;
    }
  }

  @BeforeEach
  synchronized void prepareOnce() {
    if (drafting == null) {
      drafting = walk.toDrafting(ProcessDriver.newSession(), "wjj");
      assigning = driver.submitSuggestion(ProcessDriver.newSession(), "关于错误输入测试交办的建议");
      walk.review(assigning, "ACCEPT", "NORMAL");
    }
  }

  static Stream<Arguments> corpus() {
    List<Case> cases = new ArrayList<>();
    // --- the rules of a submission
    cases.add(submit("motion of nine deputies", motion(Map.of("coSigners", NINE.subList(0, 8))), 400, "coSigners",
        "motion-deputies"));
    cases.add(submit("motion of the lead deputy alone", motion(Map.of("coSigners", List.of())), 400, "coSigners",
        "motion-deputies"));
    cases.add(submit("unknown lead deputy", motion(Map.of("leadDeputy", "nobody")), 400, "leadDeputy",
        "unknown-deputy"));
    cases.add(submit("lead deputy who is no deputy", motion(Map.of("leadDeputy", "zfw-handler")), 400, "leadDeputy",
        "unknown-deputy"));
    cases.add(submit("co-signer twice", motion(Map.of("coSigners", with(NINE, "zhanglihua"))), 400, "coSigners[9]",
        "duplicate"));
    cases.add(submit("lead deputy as co-signer", motion(Map.of("coSigners", with(NINE, "maohongding"))), 400,
        "coSigners[9]", "lead-as-co-signer"));
    cases.add(submit("unknown co-signer", motion(Map.of("coSigners", with(NINE, "ghost"))), 400, "coSigners[9]",
        "unknown-deputy"));
    cases.add(submit("title of four characters", motion(Map.of("title", "四个字的")), 400, "title", "size"));
    cases.add(submit("title of 201 characters", motion(Map.of("title", "长".repeat(201))), 400, "title", "size"));
    cases.add(submit("title missing", without(motion(Map.of()), "title"), 400, "title", "required"));
    cases.add(submit("title blank", motion(Map.of("title", "     ")), 400, "title", "required"));
    cases.add(submit("content missing", without(motion(Map.of()), "content"), 400, "content", "required"));
    cases.add(submit("content of 50,001 characters", motion(Map.of("content", "文".repeat(50_001))), 400, "content",
        "size"));
    cases.add(submit("session missing", without(motion(Map.of()), "session"), 400, "session", "required"));
    cases.add(submit("session in words", motion(Map.of("session", "二〇二〇年")), 400, "session", "format"));
    cases.add(submit("kind missing", without(motion(Map.of()), "kind"), 400, "kind", "required"));
    cases.add(submit("unknown kind", motion(Map.of("kind", "PETITION")), 400, "kind", "choice"));
    cases.add(submit("suggestion without lead deputy from the office", without(suggestion(), "leadDeputy"), 400,
        "leadDeputy", "required"));
    // --- markup and control characters in every text field
    cases.add(submit("script in title", motion(Map.of("title", "关于<script>alert(1)</script>的议案")), 400, "title",
        "markup"));
    cases.add(submit("html in title", motion(Map.of("title", "关于<b>加粗</b>标题的议案")), 400, "title", "markup"));
    cases.add(submit("script in content", motion(Map.of("content", "正文<script src=//x></script>")), 400, "content",
        "markup"));
    cases.add(submit("html in content", motion(Map.of("content", "<img src=x onerror=alert(1)>")), 400, "content",
        "markup"));
    cases.add(submit("script in session", motion(Map.of("session", "<script>")), 400, "session", "format"));
    cases.add(submit("html in lead deputy", motion(Map.of("leadDeputy", "<img src=x>")), 400, "leadDeputy",
        "unknown-deputy"));
    cases.add(submit("script in a co-signer", motion(Map.of("coSigners", with(NINE, "<script>"))), 400,
        "coSigners[9]", "unknown-deputy"));
    cases.add(submit("control character in title", motion(Map.of("title", "关于\u0007响铃字符的议案")), 400, "title",
        "control-characters"));
    cases.add(submit("null co-signer", raw("{\"kind\":\"SUGGESTION\",\"session\":\"2026\",\"title\":\"关于空附议人的建议\","
        + "\"content\":\"内容\",\"leadDeputy\":\"maohongding\",\"coSigners\":[null]}"), 400, "coSigners", "required"));
    // --- malformed and mistyped JSON
    cases.add(submit("truncated JSON", raw("{\"kind\": \"MOTION\", \"title\": "), 400, null, null));
    cases.add(submit("not JSON", raw("hello"), 400, null, null));
    cases.add(submit("empty body", raw(""), 400, null, null));
    cases.add(submit("array instead of object", raw("[]"), 400, "$", "type"));
    cases.add(submit("title as a number", motion(Map.of("title", 12345)), 400, "title", "type"));
    cases.add(submit("co-signers as text", motion(Map.of("coSigners", "zhanglihua")), 400, "coSigners", "type"));
    cases.add(submit("co-signers as numbers", motion(Map.of("coSigners", List.of(1, 2))), 400, "coSigners[0]", "type"));
    cases.add(submit("kind as a boolean", motion(Map.of("kind", true)), 400, "kind", "type"));
    cases.add(submit("unknown field", motion(Map.of("priority", "KEY")), 400, "priority", "unknown-field"));
    cases.add(new Case("two megabytes", "congress-clerk", "POST", "/api/proposals", "application/json",
        ("{\"content\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8), 413, null, null));
    cases.add(new Case("text instead of JSON", "congress-clerk", "POST", "/api/proposals", "text/plain",
        "标题".getBytes(StandardCharsets.UTF_8), 415, null, null));
    // --- rights
    cases.add(new Case("deputy submitting for another", "zhanglihua", "POST", "/api/proposals", "application/json",
        json(suggestion()), 403, null, null));
    cases.add(new Case("agency submitting", "zfw-handler", "POST", "/api/proposals", "application/json",
        json(suggestion()), 403, null, null));
    cases.add(new Case("deputy's own motion of one deputy", "zhanglihua", "POST", "/api/proposals", "application/json",
        json(without(motion(Map.of("coSigners", List.of())), "leadDeputy")), 400, "coSigners", "motion-deputies"));
    // --- queries and ids
    cases.add(get("page size over 100", "/api/proposals?size=1000", 400, "size", "range"));
    cases.add(get("negative page", "/api/proposals?page=-1", 400, "page", "min"));
    cases.add(get("unknown status", "/api/proposals?status=LOST", 400, "status", "type"));
    cases.add(get("overdue neither true nor false", "/api/proposals?overdue=maybe", 400, "overdue", "type"));
    cases.add(get("unknown proposal id", "/api/proposals/00000000-0000-0000-0000-000000000000", 404, null, null));
    cases.add(get("script as proposal id", "/api/proposals/%3Cscript%3E", 404, null, null));
    cases.add(new Case("case numbers going back", "congress-clerk", "PUT", "/api/case-numbers/BAD-SESSION/MOTION",
        "application/json", "{\"lastUsed\": -1}".getBytes(StandardCharsets.UTF_8), 400, "lastUsed", "range"));
    cases.add(new Case("case numbers as text", "congress-clerk", "PUT", "/api/case-numbers/BAD-SESSION/MOTION",
        "application/json", "{\"lastUsed\": \"27\"}".getBytes(StandardCharsets.UTF_8), 400, "lastUsed", "type"));
    cases.add(new Case("case numbers by an agency", "zfw-handler", "PUT", "/api/case-numbers/BAD-SESSION/MOTION",
        "application/json", "{\"lastUsed\": 27}".getBytes(StandardCharsets.UTF_8), 403, null, null));
    cases.add(new Case("case numbers of a session of 300 characters", "congress-clerk", "PUT",
        "/api/case-numbers/" + "S".repeat(300) + "/MOTION", "application/json",
        "{\"lastUsed\": 27}".getBytes(StandardCharsets.UTF_8), 400, "session", "format"));
    cases.add(new Case("case numbers of a session of 21 characters", "congress-clerk", "PUT",
        "/api/case-numbers/" + "S".repeat(21) + "/MOTION", "application/json",
        "{\"lastUsed\": 27}".getBytes(StandardCharsets.UTF_8), 400, "session", "format"));
    cases.add(new Case("case numbers of a session in words", "congress-clerk", "PUT",
        "/api/case-numbers/%E4%BA%8C%E3%80%87%E4%BA%8C%E3%80%87%E5%B9%B4/SUGGESTION", "application/json",
        "{\"lastUsed\": 27}".getBytes(StandardCharsets.UTF_8), 400, "session", "format"));
    cases.add(new Case("case numbers of an unknown kind", "congress-clerk", "PUT",
        "/api/case-numbers/BAD-SESSION/PETITION",
        "application/json", "{\"lastUsed\": 27}".getBytes(StandardCharsets.UTF_8), 400, "kind", "type"));
    // a NUL character cannot even be compared by PostgreSQL: refused before any query
    cases.add(new Case("search words with a NUL", "gov-clerk", "GET", "/api/proposals?q=a%00b", null, null, 400, "q",
        "control-characters"));
    cases.add(new Case("session filter with a NUL", "gov-clerk", "GET", "/api/proposals?session=2026%00", null, null,
        400, "session", "format"));
    cases.add(new Case("agency filter with a NUL", "gov-clerk", "GET", "/api/proposals?agency=zfw%00", null, null, 400,
        "agency", "format"));
    cases.add(new Case("alerts of a proposal id with a NUL", "gov-clerk", "GET", "/api/alerts?proposalId=a%00b", null,
        null, 400, "proposalId", "format"));
    return cases.stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void shouldRefuseAndStoreNothing(Case bad) {
    Map<String, Long> before = counts();
    Http http = Http.as("http://localhost:" + port, bad.user(), "demo");

    Http.Answer answer = switch (bad.method()) {
      case "POST" -> http.postRaw(bad.path(), bad.contentType(), bad.body());
      case "PUT" -> http.putRaw(bad.path(), bad.contentType(), bad.body());
      default -> http.get(bad.path());
    };

    assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.get("detailZh").asText()).isNotBlank();
    if (bad.field() != null) {
      assertThat(problem.get("errors")).anySatisfy(error -> {
        assertThat(error.get("field").asText()).isEqualTo(bad.field());
        assertThat(error.get("code").asText()).isEqualTo(bad.code());
        assertThat(error.get("messageZh").asText()).isNotBlank();
        assertThat(error.get("messageEn").asText()).isNotBlank();
      });
    }
    assertThat(counts()).isEqualTo(before);
  }

  static Stream<Arguments> taskCorpus() {
    Map<String, Object> good = Walk.reply("A", null);
    return Stream.of(
        Arguments.of("reply without text", DraftReply.KEY, "wjj-handler", without(good, DraftReply.REPLY_TEXT.name()),
            DraftReply.REPLY_TEXT.name()),
        Arguments.of("reply without classification", DraftReply.KEY, "wjj-handler",
            without(good, DraftReply.CLASSIFICATION.name()), DraftReply.CLASSIFICATION.name()),
        Arguments.of("reply without communication", DraftReply.KEY, "wjj-handler",
            without(good, DraftReply.COMMUNICATION_METHOD.name()), DraftReply.COMMUNICATION_METHOD.name()),
        Arguments.of("B reply without planned date", DraftReply.KEY, "wjj-handler",
            put(good, DraftReply.CLASSIFICATION.name(), "B"), DraftReply.PLANNED_RESOLUTION_DATE.name()),
        Arguments.of("B reply planned in the past", DraftReply.KEY, "wjj-handler",
            put(put(good, DraftReply.CLASSIFICATION.name(), "B"), DraftReply.PLANNED_RESOLUTION_DATE.name(),
                "2020-01-01"), DraftReply.PLANNED_RESOLUTION_DATE.name()),
        Arguments.of("script in reply text", DraftReply.KEY, "wjj-handler",
            put(good, DraftReply.REPLY_TEXT.name(), "<script>x</script>"), DraftReply.REPLY_TEXT.name()),
        Arguments.of("unknown classification", DraftReply.KEY, "wjj-handler",
            put(good, DraftReply.CLASSIFICATION.name(), "E"), DraftReply.CLASSIFICATION.name()),
        Arguments.of("phone number of letters", DraftReply.KEY, "wjj-handler",
            put(good, DraftReply.CONTACT_PHONE.name(), "call me"), DraftReply.CONTACT_PHONE.name()),
        Arguments.of("unknown lead agency", AssignAgencies.KEY, "gov-clerk",
            Map.of(AssignAgencies.LEAD_AGENCY.name(), "xyz"), AssignAgencies.LEAD_AGENCY.name()),
        Arguments.of("lead agency among co-agencies", AssignAgencies.KEY, "gov-clerk",
            Map.of(AssignAgencies.LEAD_AGENCY.name(), "mzj", AssignAgencies.CO_AGENCIES.name(),
                EngineRest.json(List.of("mzj"))), "coAgencies[0]"),
        Arguments.of("co-agencies not a list", AssignAgencies.KEY, "gov-clerk",
            Map.of(AssignAgencies.LEAD_AGENCY.name(), "mzj", AssignAgencies.CO_AGENCIES.name(),
                Map.of("value", "{\"a\":1}", "type", "Json")), AssignAgencies.CO_AGENCIES.name()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("taskCorpus")
  void shouldRefuseBadTaskCompletionThroughEngineRest(String name, String taskKey, String user,
      Map<String, Object> variables, String field) {
    String proposal = taskKey.equals(DraftReply.KEY) ? drafting : assigning;
    Map<String, Long> before = counts();
    EngineRest rest = new EngineRest("http://localhost:" + port);

    Http.Answer answer = rest.complete(user, rest.taskId(user, proposal, taskKey), variables);

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("message").asText()).isNotBlank();
    assertThat(answer.json().get("errors"))
        .anySatisfy(error -> assertThat(error.get("field").asText()).isEqualTo(field));
    assertThat(driver.tasks(proposal, taskKey)).hasSize(1);
    assertThat(counts()).isEqualTo(before);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
    }
    counts.put("case numbers", jdbc.sql("SELECT COALESCE(SUM(last_number), 0) FROM case_number_counter")
        .query(Long.class).single());
    return counts;
  }

  private static Case submit(String name, Object body, int status, String field, String code) {
    return new Case(name, "congress-clerk", "POST", "/api/proposals", "application/json", json(body), status, field,
        code);
  }

  private static Case get(String name, String path, int status, String field, String code) {
    return new Case(name, "congress-clerk", "GET", path, null, null, status, field, code);
  }

  private static Map<String, Object> motion(Map<String, Object> changes) {
    Map<String, Object> body = new HashMap<>();
    body.put("kind", "MOTION");
    body.put("session", "2026");
    body.put("title", "关于错误输入测试的议案");
    body.put("content", "内容");
    body.put("leadDeputy", "maohongding");
    body.put("coSigners", NINE.subList(0, 9));
    body.putAll(changes);
    return body;
  }

  private static Map<String, Object> suggestion() {
    Map<String, Object> body = motion(Map.of("kind", "SUGGESTION", "coSigners", List.of()));
    body.put("leadDeputy", "maohongding");
    return body;
  }

  private static Map<String, Object> without(Map<String, Object> body, String field) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.remove(field);
    return copy;
  }

  private static Map<String, Object> put(Map<String, Object> body, String field, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.put(field, value);
    return copy;
  }

  private static List<String> with(List<String> list, String extra) {
    List<String> copy = new ArrayList<>(list);
    copy.add(extra);
    return copy;
  }

  /** A body sent exactly as written. */
  private static String raw(String text) {
    return text;
  }

  private static byte[] json(Object body) {
    return Http.toJson(body).getBytes(StandardCharsets.UTF_8);
  }
}
