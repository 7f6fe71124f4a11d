package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class TaskViewsTest extends ProcessTestBase {

  private static final Set<String> ALL_VIEWS =
      java.util.Arrays.stream(View.values()).map(View::key).collect(Collectors.toSet());

  @org.springframework.beans.factory.annotation.Autowired ProposalProcess process;

  @LocalServerPort int port;

  @BeforeEach
  void today() {
    driver.today(LocalDate.of(2026, 7, 1));
  }

  @Test
  void shouldShowTheLeadAgencyAllCoOpinionsAndEachCoAgencyNoneOfTheOthers() {
    // given a motion of eleven deputies, assigned to zfw with sfj and fy
    String id = driver.submitMotion(ProcessDriver.newSession(), "关于推进矛盾纠纷多元化解的议案");
    assertThat(localViews(driver.task(id, ReviewProposal.KEY))).satisfies(views -> {
      assertThat(views.keySet()).containsExactlyInAnyOrderElementsOf(viewsOf(ReviewProposal.KEY));
      assertThat((String) views.get(View.DEPUTY_NAMES.key())).startsWith("毛宏定（领衔）；附议：").endsWith("（共 11 名代表）");
      assertThat(views.get(View.PROPOSAL_KIND_LABEL.key())).isEqualTo("议案");
    });
    walk.review(id, "ACCEPT", "KEY");
    Map<String, Object> assignViews = localViews(driver.task(id, AssignAgencies.KEY));
    assertThat(assignViews.get(View.CASE_NUMBER_TEXT.key())).asString().matches("第1号（T\\w+，议案）");
    assertThat(assignViews.get(View.PRIORITY_LABEL.key())).isEqualTo("重点");
    assertThat(assignViews.get(View.AGENCY_OPTIONS.key())).asString()
        .contains("{\"label\":\"县委政法委\",\"value\":\"zfw\"}");
    walk.assign(id, "zfw", "sfj", "fy");
    assertThat(localViews(driver.task(id, AcceptAssignment.KEY))).containsEntry(View.LEAD_AGENCY_NAME.key(), "县委政法委")
        .containsEntry(View.CO_AGENCY_NAMES.key(), "县司法局、县人民法院")
        .containsEntry(View.REPLY_DUE_TEXT.key(), "2026年10月8日（周四）");
    walk.accept(id, "zfw");

    // when the court gives its opinion before the justice bureau opens its task
    String courtOpinion = "县人民法院协办意见：建议完善诉调对接机制。";
    driver.complete("fy-handler", coOpinionTask(id, "fy"), Map.of(ProvideCoOpinion.CO_OPINION.name(), courtOpinion));

    // then the justice bureau's task shows the proposal, not the court's opinion, whatever it asks for
    Task bureauTask = coOpinionTask(id, "sfj");
    assertThat(localViews(bureauTask).keySet())
        .containsExactlyInAnyOrderElementsOf(viewsOf(ProvideCoOpinion.KEY));
    Http bureau = Http.as("http://localhost:" + port, "sfj-handler", "demo");
    Http.Answer formVariables = bureau.get("/engine-rest/task/" + bureauTask.getId() + "/form-variables");
    assertThat(formVariables.status()).isEqualTo(200);
    assertThat(formVariables.body()).contains("关于推进矛盾纠纷多元化解的议案").doesNotContain(courtOpinion);
    assertThat(bureau.get("/engine-rest/task/" + bureauTask.getId() + "/variables").body())
        .doesNotContain(courtOpinion);

    // and the lead agency's draft shows both opinions once the bureau has answered
    walk.coOpinion(id, "sfj");
    Map<String, Object> draftViews = localViews(driver.task(id, DraftReply.KEY));
    assertThat(draftViews.keySet()).containsExactlyInAnyOrderElementsOf(viewsOf(DraftReply.KEY));
    assertThat((String) draftViews.get(View.CO_OPINIONS_SUMMARY.key()))
        .contains("【县司法局】", "sfj的协办意见", "【县人民法院】", courtOpinion);
    assertThat(draftViews.get(View.RETURN_COMMENT.key())).isEqualTo("");
    assertThat(draftViews.get(View.LATEST_REPLY_DUE_TEXT.key())).asString().matches("2027年1月\\d日（周.）（首次交办之日起六个月）");
  }

  @Test
  void shouldShowTheReplyForSignOffAndTheReturnCommentWhenDraftingAgain() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "jyj");
    walk.draft(id, "jyj", "A", null);

    Map<String, Object> signOffViews = localViews(driver.task(id, SignOffReply.KEY));
    assertThat(signOffViews.keySet()).containsExactlyInAnyOrderElementsOf(viewsOf(SignOffReply.KEY));
    assertThat(signOffViews).containsEntry(View.REPLY_ISSUER_NAME.key(), "县教育局")
        .containsEntry(View.CO_OPINIONS_SUMMARY.key(), "");
    assertThat(driver.variable(driver.task(id, SignOffReply.KEY), DraftReply.REPLY_TEXT.name())).asString()
        .startsWith("经研究");

    walk.signOff(id, "jyj", "RETURN");

    assertThat(localViews(driver.task(id, DraftReply.KEY)).get(View.RETURN_COMMENT.key())).asString()
        .matches("第1稿于 2026年7月1日（周三） 被退回：请补充具体措施和时间表");
  }

  @Test
  void shouldTellSupervisorsHowLateTheReplyIs() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "czj");

    driver.fire(id, "Timer_ReplyOverdue");

    Map<String, Object> views = localViews(driver.task(id, SuperviseOverdue.KEY));
    assertThat(views.keySet()).containsExactlyInAnyOrderElementsOf(viewsOf(SuperviseOverdue.KEY));
    assertThat(views.get(View.OVERDUE_SUMMARY.key()))
        .isEqualTo("答复期限 2026年10月8日（周四），已超期 1 天；当前环节：答复拟稿；主办单位：县财政局");

    // the next day the form reads the same (lateness counted to the task's creation), so the supervisor's form,
    // opened the day before and sent back with what it showed, is taken
    driver.today(LocalDate.of(2026, 10, 10));
    Task supervision = driver.task(id, SuperviseOverdue.KEY);
    assertThat(localViews(supervision)).isEqualTo(views);
    Map<String, Object> submitted = new LinkedHashMap<>();
    views.forEach((name, value) -> submitted.put(name, Map.of("value", value)));
    submitted.put(SuperviseOverdue.SUPERVISION_NOTE.name(), Map.of("value", "已电话督促县财政局，承诺三日内答复。"));
    Http.Answer answer = Http.as("http://localhost:" + port, "gov-clerk", "demo")
        .post("/engine-rest/task/" + supervision.getId() + "/submit-form", Map.of("variables", submitted));
    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    assertThat(driver.tasks(id, SuperviseOverdue.KEY)).isEmpty();
  }

  @Test
  void shouldShowFeedbackForEvaluationAndEarlierReportsForTheNextOne() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "zjj");
    walk.draft(id, "zjj", "B", LocalDate.of(2026, 12, 31));
    walk.signOff(id, "zjj", "APPROVE");
    walk.feedback(id, "BASICALLY_SATISFIED");
    assertThat(localViews(driver.task(id, EvaluateHandling.KEY)))
        .containsEntry(View.FEEDBACK_SUMMARY.key(), "首次答复：基本满意")
        .containsEntry(View.REPLY_ISSUER_NAME.key(), "县住房和城乡建设局");
    walk.evaluate(id, "B");
    assertThat(localViews(driver.task(id, ReportProgress.KEY))).containsEntry(View.PROGRESS_HISTORY.key(), "尚无落实情况报告");

    driver.today(LocalDate.of(2026, 12, 30));
    driver.complete("zjj-handler", id, ReportProgress.KEY,
        Map.of(ReportProgress.PROGRESS_REPORT.name(), "项目已立项，正在招标", ReportProgress.RESOLVED.name(), false));

    assertThat(localViews(driver.task(id, ReportProgress.KEY)).get(View.PROGRESS_HISTORY.key()))
        .isEqualTo("2026年12月30日（周三）（尚未解决）：项目已立项，正在招标");
  }

  @Test
  void shouldKeepViewsOutOfTheProcessWhenTasklistSubmitsThemBack() {
    // given a draft task, completed through the REST API the way Tasklist submits a Camunda Form: with the
    // read-only fields it showed
    String id = walk.toDrafting(ProcessDriver.newSession(), "jtj");
    Task draft = driver.task(id, DraftReply.KEY);
    Map<String, Object> submitted = new LinkedHashMap<>();
    localViews(draft).forEach((name, value) -> submitted.put(name, Map.of("value", value)));
    Walk.reply("A", null).forEach((name, value) -> submitted.put(name, Map.of("value", value)));
    // one of them as the form showed it before the record changed (a view is never stored: it is dropped)
    submitted.put(View.CO_AGENCY_NAMES.key(), Map.of("value", "县司法局（已调整）"));

    // when
    Http.Answer answer = Http.as("http://localhost:" + port, "jtj-handler", "demo")
        .post("/engine-rest/task/" + draft.getId() + "/submit-form", Map.of("variables", submitted));

    // then the answers reach the process, the views stay with the completed task
    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    Map<String, Object> processVariables = engine.getRuntimeService().getVariables(instance(id).getId());
    assertThat(processVariables).containsKey(DraftReply.REPLY_TEXT.name());
    assertThat(processVariables.keySet()).doesNotContainAnyElementsOf(ALL_VIEWS);
    assertThat(driver.tasks(id, SignOffReply.KEY)).hasSize(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM act_hi_varinst WHERE proc_inst_id_ = ? AND name_ = ?")
        .params(instance(id).getId(), View.CO_AGENCY_NAMES.key()).query(Long.class).single()).isZero();
  }

  @Test
  void shouldComputeTheViewsFromTheRecordWhenReadAndStoreNone() {
    // given a proposal assigned to zfw, waiting for 签收
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于加强农村饮水安全的建议");
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "zfw");
    Task accept = driver.task(id, AcceptAssignment.KEY);
    String task = "/engine-rest/task/" + accept.getId();
    Http handler = Http.as("http://localhost:" + port, "zfw-handler", "demo");

    // then no view is a variable of the instance, in the runtime or in history
    assertThat(jdbc.sql("SELECT name_ FROM act_ru_variable WHERE proc_inst_id_ = ?").param(instance(id).getId())
        .query(String.class).list()).doesNotContainAnyElementsOf(ALL_VIEWS);
    assertThat(jdbc.sql("SELECT name_ FROM act_hi_varinst WHERE proc_inst_id_ = ?").param(instance(id).getId())
        .query(String.class).list()).doesNotContainAnyElementsOf(ALL_VIEWS);

    // and the form reads them as Tasklist does, only those asked for when names are given
    Http.Answer form = handler.get(task + "/form-variables?deserializeValues=false");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("\"leadAgencyName\":{\"type\":\"String\",\"value\":\"县委政法委\"");
    Http.Answer some = handler.get(task + "/form-variables?variableNames="
        + View.REPLY_DUE_TEXT.key() + "," + AcceptAssignment.ASSIGNMENT_DECISION.name());
    assertThat(some.body()).contains(View.REPLY_DUE_TEXT.key()).doesNotContain(View.LEAD_AGENCY_NAME.key());

    // when the record changes while the task waits, the form shows it as it is now
    jdbc.sql("UPDATE proposal SET reply_due = ? WHERE id = ?").params(LocalDate.of(2026, 10, 9), id).update();
    assertThat(driver.variable(accept, View.REPLY_DUE_TEXT.key())).isEqualTo("2026年10月9日（周五）");
    assertThat(engine.getTaskService().getVariableTyped(accept.getId(), View.REPLY_DUE_TEXT.key()).getValue())
        .isEqualTo("2026年10月9日（周五）");
    assertThat(engine.getTaskService().getVariablesLocal(accept.getId(), List.of(View.REPLY_DUE_TEXT.key())))
        .containsOnlyKeys(View.REPLY_DUE_TEXT.key());

    // and somebody who may not see the task reads none of it, whichever way they ask
    Http stranger = Http.as("http://localhost:" + port, "jyj-handler", "demo");
    for (String read : List.of("/form-variables", "/variables", "/localVariables",
        "/variables/" + View.LEAD_AGENCY_NAME.key(), "/localVariables/" + View.LEAD_AGENCY_NAME.key())) {
      Http.Answer refused = stranger.get(task + read);
      assertThat(refused.status()).as(read).isIn(403, 404);
      assertThat(refused.body()).as(read).doesNotContain("县委政法委").doesNotContain("2026年10月9日");
    }
    // while the handler reads one view as engine-rest gives a variable
    assertThat(handler.get(task + "/localVariables/" + View.LEAD_AGENCY_NAME.key()).body())
        .contains("\"type\":\"String\"", "\"value\":\"县委政法委\"");
  }

  @Test
  void shouldGiveTheAgencyOptionsAsJsonForTasklistToParse() {
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于完善乡镇养老服务设施的建议");
    walk.review(id, "ACCEPT", "NORMAL");
    Task assign = driver.task(id, AssignAgencies.KEY);

    Http.Answer form = Http.as("http://localhost:" + port, "congress-clerk", "demo")
        .get("/engine-rest/task/" + assign.getId() + "/form-variables?deserializeValues=false");

    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("\"agencyOptions\":{\"type\":\"Json\",\"value\":\"[{\\\"label\\\":\\\"");
    assertThat(engine.getTaskService().getVariable(assign.getId(), View.AGENCY_OPTIONS.key()))
        .isInstanceOf(org.camunda.spin.json.SpinJsonNode.class);
  }

  private List<String> viewsOf(String taskKey) {
    return process.task(taskKey).orElseThrow().views().stream().map(View::key).toList();
  }

  private Task coOpinionTask(String id, String agency) {
    return driver.tasks(id, ProvideCoOpinion.KEY).stream()
        .filter(task -> agency.equals(driver.variable(task, ProcessVariables.CO_AGENCY.name())))
        .findFirst()
        .orElseThrow();
  }

  /** The task's own variables (the views); the agency options (Json) as their text. */
  private Map<String, Object> localViews(Task task) {
    Map<String, Object> views = new HashMap<>();
    engine.getTaskService().getVariablesLocal(task.getId()).forEach((name, value) ->
        views.put(name, value instanceof String ? value : String.valueOf(value)));
    return views;
  }
}
