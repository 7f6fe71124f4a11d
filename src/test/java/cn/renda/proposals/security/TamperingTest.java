package cn.renda.proposals.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.process.ApproveExtension;
import cn.renda.proposals.process.AssignAgencies;
import cn.renda.proposals.process.ConfirmCoSignature;
import cn.renda.proposals.process.DecideShortMotion;
import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.EvaluateHandling;
import cn.renda.proposals.process.GiveFeedback;
import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ProposalProcess;
import cn.renda.proposals.process.ProvideCoOpinion;
import cn.renda.proposals.process.ReportProgress;
import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.process.SignOffReply;
import cn.renda.proposals.process.SuperviseDissatisfaction;
import cn.renda.proposals.process.SuperviseOverdue;
import cn.renda.proposals.process.TaskContract;
import cn.renda.proposals.process.View;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TableSnapshot;
import cn.renda.proposals.support.Walk;
import cn.renda.proposals.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every user task of the model open on some proposal, and every role trying what Camunda's defaults would let a
 * task's candidate do: complete it with a variable that is not one of its answers, set, change or delete the system's
 * variables through every variable endpoint of engine-rest and of the webapps' API (task, task-local, execution,
 * process instance), hand the task on, add or remove candidates, rename it, move its due date, throw an escalation
 * from it, start a second instance for an existing record. Every attempt is refused, and <b>no table changes</b>.
 * Among the proposals are the two of the security review: {@code A}, whose 签收 task is czj's, and {@code B} of
 * another agency, drafting with an internal co-opinion.
 */
@IntegrationTest
class TamperingTest {

  /** A task open on a proposal: who may complete it, and answers that would complete it. */
  record Open(String taskKey, String proposalId, String holder, Map<String, Object> answers) {}

  private static final List<String> ROLES = List.of("congress-clerk", "gov-clerk", "czj-handler", "zfw-handler",
      "zfw-leader", "sfj-handler", "maohongding", "wuhaibo");
  /** What the system writes and the model or the record relies on; none of it is any task's answer. */
  private static final List<String> SYSTEM_VARIABLES = List.of("proposalId", ProcessVariables.REHANDLING_ROUND.name(),
      ProcessVariables.LEAD_DEPUTY.name(), ProcessVariables.CO_AGENCY.name(), ProcessVariables.CASE_NUMBER.name(),
      ProcessVariables.CO_SIGNER.name());

  private static final Map<String, Open> OPEN = new LinkedHashMap<>();
  private static String a;
  private static String b;

  @LocalServerPort int port;
  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired JdbcClient jdbc;
  @Autowired ProposalRecords records;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ProposalProcess process;

  @BeforeEach
  synchronized void openEveryTask() {
    if (!OPEN.isEmpty()) {
      return;
    }
    String session = ProcessDriver.newSession();
    String coSigning = driver.submitOwn(ProposalKind.SUGGESTION, session, "关于篡改测试之附议的建议", "maohongding",
        List.of("wuhaibo"));
    open(ConfirmCoSignature.KEY, coSigning, "wuhaibo", Map.of(ConfirmCoSignature.CO_SIGNATURE.name(), "CONFIRM"));

    String shortMotion = driver.submitOwn(ProposalKind.MOTION, session, "关于篡改测试之附议不足的议案", "maohongding",
        ProcessDriver.CO_SIGNERS.subList(0, 9));
    try {
      driver.fire(shortMotion, "Timer_CoSigningWindow");
    } finally {
      driver.resetClock();
    }
    open(DecideShortMotion.KEY, shortMotion, "maohongding",
        Map.of(DecideShortMotion.SHORT_MOTION_DECISION.name(), "SUBMIT_AS_SUGGESTION"));

    String review = driver.submitSuggestion(session, "关于篡改测试之审查的建议");
    open(ReviewProposal.KEY, review, "congress-clerk",
        Map.of(ReviewProposal.REVIEW_DECISION.name(), "ACCEPT", ProcessVariables.PRIORITY.name(), "NORMAL"));

    String assign = driver.submitSuggestion(session, "关于篡改测试之交办的建议");
    walk.review(assign, "ACCEPT", "NORMAL");
    open(AssignAgencies.KEY, assign, "gov-clerk", Map.of(AssignAgencies.LEAD_AGENCY.name(), "hyj"));

    a = driver.submitSuggestion(session, "关于篡改测试甲（财政局签收）的建议");
    walk.review(a, "ACCEPT", "NORMAL");
    walk.assign(a, "czj");
    open(AcceptAssignment.KEY, a, "czj-handler", Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(), "ACCEPT"));

    String coOpinion = driver.submitSuggestion(session, "关于篡改测试之协办的建议");
    walk.review(coOpinion, "ACCEPT", "NORMAL");
    walk.assign(coOpinion, "mzj", "sfj");
    walk.accept(coOpinion, "mzj");
    open(ProvideCoOpinion.KEY, coOpinion, "sfj-handler", Map.of(ProvideCoOpinion.CO_OPINION.name(), "同意。"));

    b = walk.toDrafting(session, "zfw", "sfj");
    open(DraftReply.KEY, b, "zfw-handler", Walk.reply("A", null));

    String extension = walk.toDrafting(session, "jtj");
    driver.complete("jtj-handler", extension, DraftReply.KEY, Map.of(DraftReply.DRAFT_ACTION.name(),
        "REQUEST_EXTENSION", DraftReply.EXTENSION_REASON.name(), "需要调研", DraftReply.EXTENSION_UNTIL.name(),
        records.get(extension).replyDue().plusDays(20).toString()));
    open(ApproveExtension.KEY, extension, "gov-clerk",
        Map.of(ApproveExtension.EXTENSION_DECISION.name(), "APPROVE"));

    String signOff = walk.toDrafting(session, "wjj");
    walk.draft(signOff, "wjj", "A", null);
    open(SignOffReply.KEY, signOff, "wjj-leader", Map.of(SignOffReply.SIGN_OFF_DECISION.name(), "APPROVE"));

    String feedback = walk.toFeedback(session, "jyj");
    open(GiveFeedback.KEY, feedback, "maohongding", Map.of(GiveFeedback.SATISFACTION.name(), "SATISFIED"));

    String supervision = walk.toFeedback(session, "hyj");
    walk.feedback(supervision, "DISSATISFIED");
    walk.draft(supervision, "hyj", "A", null);
    walk.signOff(supervision, "hyj", "APPROVE");
    walk.feedback(supervision, "DISSATISFIED");
    open(SuperviseDissatisfaction.KEY, supervision, "congress-clerk", Map.of(
        SuperviseDissatisfaction.SUPERVISION_DECISION.name(), "CLOSE",
        SuperviseDissatisfaction.SUPERVISION_COMMENT.name(), "已充分沟通"));

    String overdue = walk.toDrafting(session, "zjj");
    try {
      driver.fire(overdue, "Timer_ReplyOverdue");
    } finally {
      driver.resetClock();
    }
    open(SuperviseOverdue.KEY, overdue, "gov-clerk", Map.of(SuperviseOverdue.SUPERVISION_NOTE.name(), "已电话督促"));

    String evaluation = walk.toFeedback(session, "xfj");
    walk.feedback(evaluation, "SATISFIED");
    open(EvaluateHandling.KEY, evaluation, "congress-clerk",
        Map.of(EvaluateHandling.FINAL_CLASSIFICATION.name(), "A"));

    String followUp = walk.toDrafting(session, "fy");
    walk.draft(followUp, "fy", "B", LocalDate.now().plusMonths(3));
    walk.signOff(followUp, "fy", "APPROVE");
    walk.feedback(followUp, "SATISFIED");
    walk.evaluate(followUp, "B");
    open(ReportProgress.KEY, followUp, "fy-handler",
        Map.of(ReportProgress.PROGRESS_REPORT.name(), "正在推进", ReportProgress.RESOLVED.name(), false));
  }

  private void open(String taskKey, String id, String holder, Map<String, Object> answers) {
    OPEN.put(taskKey, new Open(taskKey, id, holder, answers));
  }

  @Test
  void shouldHaveEveryUserTaskOfTheModelOpen() {
    assertThat(OPEN.keySet()).containsExactlyInAnyOrderElementsOf(
        process.tasks().stream().map(TaskContract::key).toList());
    OPEN.values().forEach(open -> assertThat(driver.tasks(open.proposalId(), open.taskKey())).hasSize(1));
  }

  @Test
  void shouldRefuseEveryCompletionWithAForeignVariableAndChangeNothing() {
    TableSnapshot before = TableSnapshot.of(jdbc);
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<Runnable> attempts = new ArrayList<>();
    for (Open open : OPEN.values()) {
      String taskId = driver.task(open.proposalId(), open.taskKey()).getId();
      for (String foreign : foreignVariables(open)) {
        Map<String, Object> variables = new HashMap<>(open.answers());
        variables.put(foreign, foreign.equals("proposalId") ? b : "tampered");
        for (String user : users(open)) {
          attempts.add(() -> {
            Http.Answer answer = as(user).post("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", typed(variables)));
            String what = user + " completes " + open.taskKey() + " with " + foreign;
            if (user.equals(open.holder())) {
              expectRefusal(what, answer, 400, failures);
              if (answer.status() == 400 && !fields(answer.json()).contains(foreign)) {
                failures.add(what + ": the refusal does not name " + foreign + ": " + answer.body());
              }
            } else {
              expectRefusal(what, answer, -1, failures);
            }
          });
        }
      }
      // and as Tasklist submits its form, through the webapps' API
      String foreign = "proposalId";
      Map<String, Object> variables = new HashMap<>(open.answers());
      variables.put(foreign, b);
      attempts.add(() -> expectRefusal(open.holder() + " submits the form of " + open.taskKey() + " with " + foreign,
          webapp(open.holder()).json("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
              Http.toJson(Map.of("variables", typed(variables)))), 400, failures));
    }
    run(attempts);

    assertThat(failures).isEmpty();
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).as("tables changed by refused completions").isEmpty();
    assertTheReviewedProposalsUntouched();
  }

  @Test
  void shouldRefuseEveryWriteOfAVariableOutsideACompletionAndChangeNothing() {
    TableSnapshot before = TableSnapshot.of(jdbc);
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<Runnable> attempts = new ArrayList<>();
    for (Open open : OPEN.values()) {
      Task task = driver.task(open.proposalId(), open.taskKey());
      String instance = task.getProcessInstanceId();
      List<String> names = new ArrayList<>(SYSTEM_VARIABLES);
      names.addAll(open.answers().keySet());
      for (String user : users(open)) {
        // the task's holder tries every variable; every other role the one that would move the work elsewhere
        for (String name : user.equals(open.holder()) ? names : List.of("proposalId")) {
          Object value = name.equals("proposalId") ? b : name.equals(ProcessVariables.REHANDLING_ROUND.name()) ? 0
              : "x";
          Map<String, Object> typed = typed(Map.of(name, value)).get(name);
          for (String scope : List.of("/engine-rest/task/" + task.getId() + "/variables",
              "/engine-rest/task/" + task.getId() + "/localVariables",
              "/engine-rest/execution/" + task.getExecutionId() + "/localVariables",
              "/engine-rest/execution/" + instance + "/localVariables",
              "/engine-rest/process-instance/" + instance + "/variables")) {
            attempts.add(() -> {
              Http http = as(user);
              String what = user + " on " + open.taskKey() + ": " + scope.replaceAll("/[0-9a-f-]{36}", "/{id}") + "/"
                  + name;
              expectRefusal("PUT " + what, http.put(scope + "/" + name, typed), -1, failures);
              expectRefusal("POST modifications " + what,
                  http.post(scope, Map.of("modifications", Map.of(name, typed))),
                  -1, failures);
              expectRefusal("POST deletions " + what, http.post(scope, Map.of("deletions", List.of(name))), -1,
                  failures);
              expectRefusal("DELETE " + what, http.delete(scope + "/" + name), -1, failures);
            });
          }
        }
      }
      // the same through the webapps' API, as a Tasklist session of the task's holder
      attempts.add(() -> {
        WebappSession tasklist = webapp(open.holder());
        String base = "/camunda/api/engine/engine/default/task/" + task.getId();
        for (String name : SYSTEM_VARIABLES) {
          String body = Http.toJson(Map.of("modifications", Map.of(name, Map.of("value", "x", "type", "String"))));
          expectRefusal("webapp modifications " + name, tasklist.json("POST", base + "/variables", body), -1, failures);
          expectRefusal("webapp PUT " + name, tasklist.json("PUT", base + "/localVariables/" + name,
              Http.toJson(Map.of("value", "x", "type", "String"))), -1, failures);
          expectRefusal("webapp DELETE " + name, tasklist.json("DELETE", base + "/variables/" + name, null), -1,
              failures);
        }
      });
    }
    run(attempts);

    assertThat(failures).isEmpty();
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).as("tables changed by refused variable writes").isEmpty();
    assertTheReviewedProposalsUntouched();
  }

  @Test
  void shouldKeepEveryTaskWithItsOwnersAsItIsAndChangeNothing() {
    TableSnapshot before = TableSnapshot.of(jdbc);
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    List<Runnable> attempts = new ArrayList<>();
    for (Open open : OPEN.values()) {
      String taskId = driver.task(open.proposalId(), open.taskKey()).getId();
      String path = "/engine-rest/task/" + taskId;
      for (String user : users(open)) {
        attempts.add(() -> {
          Http http = as(user);
          String what = user + " on " + open.taskKey() + ": ";
          String other = user.equals("wuhaibo") ? "xulina" : "wuhaibo";
          expectRefusal(what + "assignee", http.post(path + "/assignee", Map.of("userId", other)), -1, failures);
          expectRefusal(what + "claim for another", http.post(path + "/claim", Map.of("userId", other)), -1,
              failures);
          expectRefusal(what + "delegate", http.post(path + "/delegate", Map.of("userId", other)), -1, failures);
          expectRefusal(what + "candidate group", http.post(path + "/identity-links",
              Map.of("groupId", "deputies", "type", "candidate")), -1, failures);
          expectRefusal(what + "candidate user", http.post(path + "/identity-links",
              Map.of("userId", other, "type", "candidate")), -1, failures);
          expectRefusal(what + "owner", http.post(path + "/identity-links",
              Map.of("userId", user, "type", "owner")), -1, failures);
          expectRefusal(what + "remove candidates", http.post(path + "/identity-links/delete",
              Map.of("groupId", "gov-office", "type", "candidate")), -1, failures);
          expectRefusal(what + "rename and move due date", http.put(path, Map.of("name", "已篡改",
              "due", "2099-12-31T00:00:00.000+0800", "priority", 99)), -1, failures);
          expectRefusal(what + "escalation", http.post(path + "/bpmnEscalation",
              Map.of("escalationCode", "extensionApproved")), -1, failures);
          expectRefusal(what + "BPMN error", http.post(path + "/bpmnError", Map.of("errorCode", "x")), -1, failures);
        });
      }
      attempts.add(() -> expectRefusal(open.holder() + " hands " + open.taskKey() + " on in Tasklist",
          webapp(open.holder()).json("POST", "/camunda/api/engine/engine/default/task/" + taskId + "/assignee",
              Http.toJson(Map.of("userId", "wuhaibo"))), -1, failures));
    }
    run(attempts);

    assertThat(failures).isEmpty();
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).as("tables changed by refused task changes").isEmpty();
    assertTheReviewedProposalsUntouched();
  }

  @Test
  void shouldRefuseAForeignVariableInAJavaCompletionToo() {
    TableSnapshot before = TableSnapshot.of(jdbc);
    Open draft = OPEN.get(DraftReply.KEY);
    Map<String, Object> variables = new HashMap<>(draft.answers());
    variables.put(ProcessVariables.REHANDLING_ROUND.name(), 5);
    Task task = driver.task(draft.proposalId(), draft.taskKey());

    // the system itself (no user) and the task's holder alike
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(task.getId(), variables))
        .isInstanceOf(cn.renda.proposals.web.InvalidInputException.class)
        .hasMessageContaining(ProcessVariables.REHANDLING_ROUND.name());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> driver.complete(draft.holder(), task, variables))
        .isInstanceOf(cn.renda.proposals.web.InvalidInputException.class);

    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
    assertTheReviewedProposalsUntouched();
  }

  @Test
  void shouldStartNoSecondInstanceForAnExistingRecord() {
    TableSnapshot before = TableSnapshot.of(jdbc);
    List<String> failures = new ArrayList<>();
    Http office = as("congress-clerk");
    String start = "/engine-rest/process-definition/key/" + ProposalProcess.KEY;
    Map<String, Object> form = new LinkedHashMap<>();
    form.put(ProcessVariables.SUBMITTED_KIND.name(), "SUGGESTION");
    form.put(ProcessVariables.SESSION.name(), records.get(b).session());
    form.put(ProcessVariables.TITLE.name(), "关于再次办理的建议");
    form.put(ProcessVariables.CONTENT.name(), "内容");
    form.put(ProcessVariables.LEAD_DEPUTY.name(), "maohongding");
    Map<String, Object> withId = new LinkedHashMap<>(form);
    withId.put("proposalId", b);

    expectRefusal("start with proposalId", office.post(start + "/start", Map.of("variables", typed(withId))), 400,
        failures);
    expectRefusal("submit-form with proposalId", office.post(start + "/submit-form",
        Map.of("variables", typed(withId))), 400, failures);
    expectRefusal("start with the record's business key", office.post(start + "/start",
        Map.of("variables", typed(form), "businessKey", b)), 400, failures);
    expectRefusal("start at draftReply", office.post(start + "/start", Map.of("variables", typed(form),
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", DraftReply.KEY)))), -1,
        failures);
    expectRefusal("start at draftReply skipping listeners", office.post(start + "/start", Map.of(
        "skipCustomListeners", true, "startInstructions",
        List.of(Map.of("type", "startBeforeActivity", "activityId", DraftReply.KEY)))), -1, failures);

    assertThat(failures).isEmpty();
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(b).count()).isEqualTo(1);
  }

  /** The two proposals of the review: A waits for czj's acceptance, B for zfw's draft; nobody else touched them. */
  private void assertTheReviewedProposalsUntouched() {
    assertThat(records.get(a).status()).isEqualTo(ProposalStatus.AWAITING_ACCEPTANCE);
    assertThat(records.get(b).status()).isEqualTo(ProposalStatus.DRAFTING);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM timeline_event WHERE proposal_id = ? AND actor = 'czj-handler'")
        .param(b).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM reply WHERE proposal_id = ?").param(b).query(Long.class).single())
        .isZero();
    assertThat(driver.tasks(a, AcceptAssignment.KEY)).hasSize(1);
    assertThat(driver.tasks(b, DraftReply.KEY)).hasSize(1);
  }

  /**
   * Variables a completion of the task must not carry: the system's, another task's answer, a view its form does not
   * show, an earlier answer the form shows, changed.
   */
  private Set<String> foreignVariables(Open open) {
    Set<String> foreign = new LinkedHashSet<>(SYSTEM_VARIABLES);
    foreign.add(ProcessVariables.PRIORITY.name());
    foreign.add(AssignAgencies.LEAD_AGENCY.name());
    foreign.add(open.taskKey().equals(GiveFeedback.KEY) ? ReviewProposal.REVIEW_DECISION.name()
        : GiveFeedback.SATISFACTION.name());
    // a view the task's form does not show (the views it shows are dropped whatever they say: TaskViewsTest)
    List<View> shown = process.task(open.taskKey()).orElseThrow().views();
    foreign.add((shown.contains(View.OVERDUE_SUMMARY) ? View.AGENCY_OPTIONS : View.OVERDUE_SUMMARY).key());
    // an earlier answer the form shows (sign-off shows the reply), sent back changed
    foreign.add(DraftReply.REPLY_TEXT.name());
    foreign.removeAll(process.task(open.taskKey()).orElseThrow().answers().stream().map(a -> a.name()).toList());
    return foreign;
  }

  private static Set<String> users(Open open) {
    Set<String> users = new LinkedHashSet<>();
    users.add(open.holder());
    users.addAll(ROLES);
    return users;
  }

  /** Refused: the expected status, or any of 400, 403, 404 when {@code expected} is -1; never a success or a 500. */
  private static void expectRefusal(String what, Http.Answer answer, int expected, List<String> failures) {
    expectRefusal(what, answer.status(), answer.body(), expected, failures);
  }

  private static void expectRefusal(String what, java.net.http.HttpResponse<String> answer, int expected,
      List<String> failures) {
    expectRefusal(what, answer.statusCode(), answer.body(), expected, failures);
  }

  private static void expectRefusal(String what, int status, String body, int expected, List<String> failures) {
    boolean refused = expected == -1 ? status == 400 || status == 403 || status == 404 : status == expected;
    if (!refused) {
      failures.add(what + " → " + status + " " + (body.length() > 300 ? body.substring(0, 300) : body));
    }
  }

  private static Set<String> fields(JsonNode refusal) {
    Set<String> fields = new LinkedHashSet<>();
    refusal.path("errors").forEach(error -> fields.add(error.path("field").asText()));
    return fields;
  }

  private Http as(String user) {
    return Http.as("http://localhost:" + port, user, "demo");
  }

  private final Map<String, WebappSession> sessions = new java.util.concurrent.ConcurrentHashMap<>();

  private WebappSession webapp(String user) {
    return sessions.computeIfAbsent(user, u -> {
      WebappSession session = new WebappSession("http://localhost:" + port, "default");
      assertThat(session.login("tasklist", u, "demo")).isEqualTo(200);
      session.get("/camunda/api/engine/engine/default/task/count");
      return session;
    });
  }

  private static Map<String, Map<String, Object>> typed(Map<String, Object> variables) {
    Map<String, Map<String, Object>> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> {
      if (value instanceof Map<?, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> given = (Map<String, Object>) map;
        typed.put(name, given);
      } else if (value instanceof Boolean) {
        typed.put(name, Map.of("value", value, "type", "Boolean"));
      } else if (value instanceof Integer) {
        typed.put(name, Map.of("value", value, "type", "Integer"));
      } else {
        typed.put(name, Map.of("value", String.valueOf(value), "type", "String"));
      }
    });
    return typed;
  }

  /** Runs the attempts four at a time: every one of them is refused, so their order does not matter. */
  private static void run(List<Runnable> attempts) {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      for (java.util.concurrent.Future<?> future : attempts.stream().map(pool::submit).toList()) {
        future.get();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
