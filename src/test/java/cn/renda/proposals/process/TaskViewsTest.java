package cn.renda.proposals.process;

import static cn.renda.proposals.process.ProcessVariables.*;
import static cn.renda.proposals.process.ProposalProcess.*;
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

  private static final Set<String> ALL_VIEWS = TaskViews.VIEWS.values().stream()
      .flatMap(List::stream)
      .collect(Collectors.toSet());

  @LocalServerPort int port;

  @BeforeEach
  void today() {
    driver.today(LocalDate.of(2026, 7, 1));
  }

  @Test
  void shouldShowTheLeadAgencyAllCoOpinionsAndEachCoAgencyNoneOfTheOthers() {
    // given a motion of eleven deputies, assigned to zfw with sfj and fy
    String id = driver.submitMotion(ProcessDriver.newSession(), "关于推进矛盾纠纷多元化解的议案");
    assertThat(localViews(driver.task(id, REVIEW_PROPOSAL))).satisfies(views -> {
      assertThat(views.keySet()).containsExactlyInAnyOrderElementsOf(TaskViews.VIEWS.get(REVIEW_PROPOSAL));
      assertThat((String) views.get(DEPUTY_NAMES)).startsWith("毛宏定（领衔）；附议：").endsWith("（共 11 名代表）");
      assertThat(views.get(PROPOSAL_KIND_LABEL)).isEqualTo("议案");
    });
    walk.review(id, "ACCEPT", "KEY");
    Map<String, Object> assignViews = localViews(driver.task(id, ASSIGN_AGENCIES));
    assertThat(assignViews.get(CASE_NUMBER_TEXT)).asString().matches("第1号（T\\w+，议案）");
    assertThat(assignViews.get(PRIORITY_LABEL)).isEqualTo("重点");
    assertThat(assignViews.get(AGENCY_OPTIONS)).asString().contains("{\"label\":\"县委政法委\",\"value\":\"zfw\"}");
    walk.assign(id, "zfw", "sfj", "fy");
    assertThat(localViews(driver.task(id, ACCEPT_ASSIGNMENT))).containsEntry(LEAD_AGENCY_NAME, "县委政法委")
        .containsEntry(CO_AGENCY_NAMES, "县司法局、县人民法院")
        .containsEntry(REPLY_DUE_TEXT, "2026-10-08（周四）");
    walk.accept(id, "zfw");

    // when the court gives its opinion before the justice bureau opens its task
    String courtOpinion = "县人民法院协办意见：建议完善诉调对接机制。";
    driver.complete("fy-handler", coOpinionTask(id, "fy"), Map.of(CO_OPINION, courtOpinion));

    // then the justice bureau's task shows the proposal, not the court's opinion, whatever it asks for
    Task bureauTask = coOpinionTask(id, "sfj");
    assertThat(localViews(bureauTask).keySet())
        .containsExactlyInAnyOrderElementsOf(TaskViews.VIEWS.get(PROVIDE_CO_OPINION));
    Http bureau = Http.as("http://localhost:" + port, "sfj-handler", "demo");
    Http.Answer formVariables = bureau.get("/engine-rest/task/" + bureauTask.getId() + "/form-variables");
    assertThat(formVariables.status()).isEqualTo(200);
    assertThat(formVariables.body()).contains("关于推进矛盾纠纷多元化解的议案").doesNotContain(courtOpinion);
    assertThat(bureau.get("/engine-rest/task/" + bureauTask.getId() + "/variables").body()).doesNotContain(courtOpinion);

    // and the lead agency's draft shows both opinions once the bureau has answered
    walk.coOpinion(id, "sfj");
    Map<String, Object> draftViews = localViews(driver.task(id, DRAFT_REPLY));
    assertThat(draftViews.keySet()).containsExactlyInAnyOrderElementsOf(TaskViews.VIEWS.get(DRAFT_REPLY));
    assertThat((String) draftViews.get(CO_OPINIONS_SUMMARY))
        .contains("【县司法局】", "sfj的协办意见", "【县人民法院】", courtOpinion);
    assertThat(draftViews.get(RETURN_COMMENT)).isEqualTo("");
    assertThat(draftViews.get(LATEST_REPLY_DUE_TEXT)).asString().matches("2027-01-0\\d（周.）（首次交办之日起六个月）");
  }

  @Test
  void shouldShowTheReplyForSignOffAndTheReturnCommentWhenDraftingAgain() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "jyj");
    walk.draft(id, "jyj", "A", null);

    Map<String, Object> signOffViews = localViews(driver.task(id, SIGN_OFF_REPLY));
    assertThat(signOffViews.keySet()).containsExactlyInAnyOrderElementsOf(TaskViews.VIEWS.get(SIGN_OFF_REPLY));
    assertThat(signOffViews).containsEntry(REPLY_ISSUER_NAME, "县教育局").containsEntry(CO_OPINIONS_SUMMARY, "");
    assertThat(driver.variable(driver.task(id, SIGN_OFF_REPLY), REPLY_TEXT)).asString().startsWith("经研究");

    walk.signOff(id, "jyj", "RETURN");

    assertThat(localViews(driver.task(id, DRAFT_REPLY)).get(RETURN_COMMENT)).asString()
        .matches("第1稿于 2026-07-01（周三） 被退回：请补充具体措施和时间表");
  }

  @Test
  void shouldTellSupervisorsHowLateTheReplyIs() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "czj");

    driver.fire(id, "Timer_ReplyOverdue");

    Map<String, Object> views = localViews(driver.task(id, SUPERVISE_OVERDUE));
    assertThat(views.keySet()).containsExactlyInAnyOrderElementsOf(TaskViews.VIEWS.get(SUPERVISE_OVERDUE));
    assertThat(views.get(OVERDUE_SUMMARY))
        .isEqualTo("答复期限 2026-10-08（周四），已超期 1 天；当前环节：答复拟稿；主办单位：县财政局");
  }

  @Test
  void shouldShowFeedbackForEvaluationAndEarlierReportsForTheNextOne() {
    String id = walk.toDrafting(ProcessDriver.newSession(), "zjj");
    walk.draft(id, "zjj", "B", LocalDate.of(2026, 12, 31));
    walk.signOff(id, "zjj", "APPROVE");
    walk.feedback(id, "BASICALLY_SATISFIED");
    assertThat(localViews(driver.task(id, EVALUATE_HANDLING)))
        .containsEntry(FEEDBACK_SUMMARY, "首次答复：基本满意")
        .containsEntry(REPLY_ISSUER_NAME, "县住房和城乡建设局");
    walk.evaluate(id, "B");
    assertThat(localViews(driver.task(id, REPORT_PROGRESS))).containsEntry(PROGRESS_HISTORY, "尚无落实情况报告");

    driver.today(LocalDate.of(2026, 12, 30));
    driver.complete("zjj-handler", id, REPORT_PROGRESS, Map.of(PROGRESS_REPORT, "项目已立项，正在招标", RESOLVED, false));

    assertThat(localViews(driver.task(id, REPORT_PROGRESS)).get(PROGRESS_HISTORY))
        .isEqualTo("2026-12-30（周三）（尚未解决）：项目已立项，正在招标");
  }

  @Test
  void shouldKeepViewsOutOfTheProcessWhenTasklistSubmitsThemBack() {
    // given a draft task, completed through the REST API the way Tasklist submits a Camunda Form: with the
    // read-only fields it showed
    String id = walk.toDrafting(ProcessDriver.newSession(), "jtj");
    Task draft = driver.task(id, DRAFT_REPLY);
    Map<String, Object> submitted = new LinkedHashMap<>();
    localViews(draft).forEach((name, value) -> submitted.put(name, Map.of("value", value)));
    Walk.reply("A", null).forEach((name, value) -> submitted.put(name, Map.of("value", value)));

    // when
    Http.Answer answer = Http.as("http://localhost:" + port, "jtj-handler", "demo")
        .post("/engine-rest/task/" + draft.getId() + "/submit-form", Map.of("variables", submitted));

    // then the answers reach the process, the views stay with the completed task
    assertThat(answer.status()).as(answer.body()).isEqualTo(204);
    Map<String, Object> processVariables = engine.getRuntimeService().getVariables(instance(id).getId());
    assertThat(processVariables).containsKey(REPLY_TEXT);
    assertThat(processVariables.keySet()).doesNotContainAnyElementsOf(ALL_VIEWS);
    assertThat(driver.tasks(id, SIGN_OFF_REPLY)).hasSize(1);
  }

  private Task coOpinionTask(String id, String agency) {
    return driver.tasks(id, PROVIDE_CO_OPINION).stream()
        .filter(task -> agency.equals(driver.variable(task, CO_AGENCY)))
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
