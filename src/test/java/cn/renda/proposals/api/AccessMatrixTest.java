package cn.renda.proposals.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.AssignAgencies;
import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ProvideCoOpinion;
import cn.renda.proposals.process.SignOffReply;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TableSnapshot;
import cn.renda.proposals.support.Walk;
import cn.renda.proposals.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every role against every endpoint and every proposal it has no business with: nothing leaks. Two proposals:
 * {@code P} with lead agency zfw and co-agencies sfj (opinion given) and fy (opinion still open), lead deputy
 * yangxiuying; {@code Q} with lead agency jtj and a reply draft awaiting sign-off, lead deputy zhoujunjie.
 */
@IntegrationTest
class AccessMatrixTest {

  private static final String SFJ_OPINION = "SFJ-OPINION-7341";
  private static final String JTJ_DRAFT = "JTJ-DRAFT-9152";
  private static String p;
  private static String q;

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired RuntimeService runtimeService;

  /** What a user should see of a proposal: nothing (404), or the record with or without its internals. */
  enum Sight { NONE, PUBLIC_COURSE, OWN_CO_OPINION, INTERNALS }

  record Expectation(String user, Sight ofP, Sight ofQ) {}

  private static final List<Expectation> MATRIX = List.of(
      new Expectation("congress-clerk", Sight.INTERNALS, Sight.INTERNALS),
      new Expectation("gov-clerk", Sight.INTERNALS, Sight.INTERNALS),
      new Expectation("zfw-handler", Sight.INTERNALS, Sight.NONE),
      new Expectation("zfw-leader", Sight.INTERNALS, Sight.NONE),
      new Expectation("sfj-handler", Sight.OWN_CO_OPINION, Sight.NONE),
      new Expectation("fy-handler", Sight.OWN_CO_OPINION, Sight.NONE),
      new Expectation("jtj-handler", Sight.NONE, Sight.INTERNALS),
      new Expectation("jtj-leader", Sight.NONE, Sight.INTERNALS),
      new Expectation("mzj-handler", Sight.NONE, Sight.NONE),
      new Expectation("yangxiuying", Sight.PUBLIC_COURSE, Sight.NONE),
      new Expectation("zhoujunjie", Sight.NONE, Sight.PUBLIC_COURSE),
      new Expectation("maohongding", Sight.NONE, Sight.NONE),
      // administrators hold every engine permission by Camunda's design, and see the same through our API
      new Expectation("admin", Sight.INTERNALS, Sight.INTERNALS));

  @BeforeEach
  synchronized void prepareOnce() {
    if (p != null) {
      return;
    }
    String session = ProcessDriver.newSession();
    p = driver.submitSuggestion(session, "关于矩阵测试甲的建议");
    reassignLeadDeputy(p, "yangxiuying");
    walk.review(p, "ACCEPT", "NORMAL");
    walk.assign(p, "zfw", "sfj", "fy");
    walk.accept(p, "zfw");
    driver.complete("sfj-handler", driver.tasks(p, ProvideCoOpinion.KEY).stream()
        .filter(t -> "sfj".equals(driver.variable(t, ProcessVariables.CO_AGENCY.name()))).findFirst().orElseThrow(),
        Map.of(ProvideCoOpinion.CO_OPINION.name(), SFJ_OPINION));

    q = driver.submitSuggestion(session, "关于矩阵测试乙的建议");
    reassignLeadDeputy(q, "zhoujunjie");
    walk.review(q, "ACCEPT", "NORMAL");
    walk.assign(q, "jtj");
    walk.accept(q, "jtj");
    Map<String, Object> draft = new java.util.HashMap<>(Walk.reply("A", null));
    draft.put(DraftReply.REPLY_TEXT.name(), JTJ_DRAFT);
    driver.complete("jtj-handler", q, DraftReply.KEY, draft);
  }

  /** The driver submits for maohongding; the matrix wants other lead deputies. */
  private void reassignLeadDeputy(String id, String deputy) {
    driver.jdbc().sql("UPDATE proposal SET lead_deputy = ? WHERE id = ?").params(deputy, id).update();
    runtimeService.setVariable(instanceOf(id), ProcessVariables.LEAD_DEPUTY.name(), deputy);
  }

  private String instanceOf(String id) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
  }

  @TestFactory
  Stream<DynamicTest> shouldLeakNothingToAnyRole() {
    return MATRIX.stream().map(expectation -> DynamicTest.dynamicTest(expectation.user(), () -> {
      List<String> leaks = new ArrayList<>();
      Http http = Http.as("http://localhost:" + port, expectation.user(), "demo");
      checkRecord(http, p, expectation.ofP(), leaks);
      checkRecord(http, q, expectation.ofQ(), leaks);
      checkList(http, expectation, leaks);
      checkEngineRest(http, expectation, leaks);
      assertThat(leaks).as("leaks for " + expectation.user()).isEmpty();
    }));
  }

  private void checkRecord(Http http, String id, Sight sight, List<String> leaks) {
    Http.Answer answer = http.get("/api/proposals/" + id);
    if (sight == Sight.NONE) {
      if (answer.status() != 404) {
        leaks.add("GET /api/proposals/" + id + " answered " + answer.status() + " instead of 404");
      }
      return;
    }
    if (answer.status() != 200) {
      leaks.add("GET /api/proposals/" + id + " answered " + answer.status() + " instead of 200");
      return;
    }
    JsonNode record = answer.json();
    boolean internals = sight == Sight.INTERNALS;
    if (!internals && answer.body().contains(JTJ_DRAFT)) {
      leaks.add(id + ": reply draft visible");
    }
    if (sight == Sight.PUBLIC_COURSE && answer.body().contains(SFJ_OPINION)) {
      leaks.add(id + ": co-opinion visible to a deputy");
    }
    if (sight == Sight.OWN_CO_OPINION) {
      Set<String> own = Set.of(userAgency(http));
      record.get("coOpinions").forEach(opinion -> {
        if (!own.contains(opinion.at("/agency/code").asText())) {
          leaks.add(id + ": another agency's co-opinion visible: " + opinion.at("/agency/code").asText());
        }
      });
    }
    if (!internals) {
      record.get("timeline").forEach(entry -> {
        if (Set.of("DISPUTED", "CO_OPINION_GIVEN", "REPLY_DRAFTED", "REPLY_RETURNED", "OVERDUE_ALERT")
            .contains(entry.get("action").asText())) {
          leaks.add(id + ": internal timeline step visible: " + entry.get("action").asText());
        }
      });
      if (!record.get("replies").isEmpty()) {
        leaks.add(id + ": undelivered reply versions visible");
      }
    }
    if (sight == Sight.PUBLIC_COURSE && !record.get("alerts").isEmpty()) {
      leaks.add(id + ": alerts visible to a deputy");
    }
  }

  private String userAgency(Http http) {
    JsonNode agencies = http.get("/api/me").json().get("agencies");
    return agencies.isEmpty() ? "" : agencies.get(0).get("code").asText();
  }

  private void checkList(Http http, Expectation expectation, List<String> leaks) {
    Http.Answer answer = http.get("/api/proposals?size=100&q="
        + java.net.URLEncoder.encode("矩阵测试", java.nio.charset.StandardCharsets.UTF_8));
    if (answer.status() != 200) {
      leaks.add("GET /api/proposals answered " + answer.status());
      return;
    }
    List<String> ids = new ArrayList<>();
    answer.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
    if (expectation.ofP() == Sight.NONE && ids.contains(p)) {
      leaks.add("list shows P");
    }
    if (expectation.ofQ() == Sight.NONE && ids.contains(q)) {
      leaks.add("list shows Q");
    }
    if (expectation.ofP() != Sight.NONE && !ids.contains(p)) {
      leaks.add("list misses P (not a leak, but wrong)");
    }
    if (!answer.body().contains("矩阵测试") && (expectation.ofP() != Sight.NONE || expectation.ofQ() != Sight.NONE)) {
      leaks.add("free-text search found nothing");
    }
    if (answer.body().contains(JTJ_DRAFT) || answer.body().contains(SFJ_OPINION)) {
      leaks.add("list shows internals");
    }
  }

  /**
   * Writes: nobody completes, changes or takes over a task that is not theirs, through engine-rest or the webapps'
   * API, and the rightful holders cannot change variables or hand the task on either; no table changes. The
   * administrator holds every right by Camunda's design and is left out.
   */
  @TestFactory
  Stream<DynamicTest> shouldLetNoRoleWriteWhatIsNotTheirs() {
    return MATRIX.stream().filter(e -> !e.user().equals("admin")).map(expectation ->
        DynamicTest.dynamicTest(expectation.user(), () -> {
          String user = expectation.user();
          Http http = Http.as("http://localhost:" + port, user, "demo");
          TableSnapshot before = TableSnapshot.of(driver.jdbc());
          List<String> writes = new ArrayList<>();
          String signOff = driver.task(q, SignOffReply.KEY).getId();
          String fyOpinion = driver.tasks(p, ProvideCoOpinion.KEY).get(0).getId();
          if (!user.equals("jtj-leader")) {
            expectRefused(writes, "complete Q's sign-off", http.post("/engine-rest/task/" + signOff + "/complete",
                Map.of("variables", Map.of(SignOffReply.SIGN_OFF_DECISION.name(), Map.of("value", "APPROVE")))));
          }
          if (!user.equals("fy-handler")) {
            expectRefused(writes, "complete fy's co-opinion", http.post("/engine-rest/task/" + fyOpinion
                + "/complete", Map.of("variables", Map.of(ProvideCoOpinion.CO_OPINION.name(), Map.of("value", "x")))));
          }
          for (String task : List.of(signOff, fyOpinion)) {
            expectRefused(writes, "set leadAgency on " + task, http.put("/engine-rest/task/" + task
                + "/variables/" + AssignAgencies.LEAD_AGENCY.name(), Map.of("value", "czj", "type", "String")));
            expectRefused(writes, "hand " + task + " on", http.post("/engine-rest/task/" + task + "/assignee",
                Map.of("userId", "wuhaibo")));
          }
          WebappSession tasklist = new WebappSession("http://localhost:" + port, "default");
          if (tasklist.login("tasklist", user, "demo") == 200) {
            tasklist.get("/camunda/api/engine/engine/default/task/count");
            var answer = tasklist.json("POST", "/camunda/api/engine/engine/default/task/" + signOff + "/variables",
                Http.toJson(Map.of("modifications", Map.of("leadAgency", Map.of("value", "czj", "type", "String")))));
            if (answer.statusCode() < 400 || answer.statusCode() >= 500) {
              writes.add("webapp variables of Q's sign-off answered " + answer.statusCode());
            }
          }
          assertThat(writes).as("writes by " + user).isEmpty();
          assertThat(TableSnapshot.of(driver.jdbc()).changedSince(before)).as("tables changed by " + user).isEmpty();
        }));
  }

  private static void expectRefused(List<String> writes, String what, Http.Answer answer) {
    if (answer.status() != 400 && answer.status() != 403 && answer.status() != 404) {
      writes.add(what + " answered " + answer.status() + " " + answer.body());
    }
  }

  /** Camunda's REST API obeys the same rule through authorizations. */
  private void checkEngineRest(Http http, Expectation expectation, List<String> leaks) {
    boolean office = Set.of("congress-clerk", "gov-clerk", "admin").contains(expectation.user());
    for (String id : List.of(p, q)) {
      JsonNode instances = http.get("/engine-rest/process-instance?businessKey=" + id).json();
      if (!office && instances.size() > 0) {
        leaks.add("engine-rest shows the process instance of " + id);
      }
      JsonNode tasks = http.get("/engine-rest/task?processInstanceBusinessKey=" + id).json();
      for (JsonNode task : tasks) {
        if (!office && !isCandidate(expectation.user(), task.get("taskDefinitionKey").asText(), id)) {
          leaks.add("engine-rest shows task " + task.get("taskDefinitionKey").asText() + " of " + id);
        }
      }
      JsonNode variables = http.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceOf(id))
          .json();
      if (!office && variables.isArray() && variables.size() > 0) {
        leaks.add("engine-rest history shows variables of " + id);
      }
    }
    // a task of another agency, addressed directly
    String draftTask = driver.task(q, SignOffReply.KEY).getId();
    int status = http.get("/engine-rest/task/" + draftTask + "/variables").status();
    if (!office && !expectation.user().equals("jtj-leader") && status == 200) {
      leaks.add("engine-rest reads the variables of jtj's sign-off task");
    }
  }

  private boolean isCandidate(String user, String taskKey, String id) {
    if (id.equals(p)) {
      return (user.equals("zfw-handler") && taskKey.equals(DraftReply.KEY))
          || (user.equals("fy-handler") && taskKey.equals(ProvideCoOpinion.KEY));
    }
    return user.equals("jtj-leader") && taskKey.equals(SignOffReply.KEY);
  }
}
