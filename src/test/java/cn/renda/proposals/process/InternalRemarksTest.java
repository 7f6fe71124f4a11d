package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Internal remarks (review comment, dispute reason, extension request and decision, a leader's return comment) are
 * recorded, but never reach a deputy, who may read the variables of the feedback task.
 */
@IntegrationTest
class InternalRemarksTest extends ProcessTestBase {

  private static final List<String> INTERNAL = List.of(ReviewProposal.REVIEW_COMMENT.name(),
      AcceptAssignment.DISPUTE_REASON.name(), DraftReply.EXTENSION_REASON.name(),
      DraftReply.EXTENSION_UNTIL.name(), ApproveExtension.EXTENSION_COMMENT.name(),
          SignOffReply.SIGN_OFF_COMMENT.name(), ProvideCoOpinion.CO_OPINION.name());

  @LocalServerPort int port;

  @Test
  void shouldKeepInternalRemarksInTheRecordAndOutOfTheDeputysTask() {
    driver.today(LocalDate.of(2026, 7, 1));
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于内部意见不外泄的建议");
    driver.complete("congress-clerk", id, ReviewProposal.KEY,
        Map.of(ReviewProposal.REVIEW_DECISION.name(), "ACCEPT", ProcessVariables.PRIORITY.name(), "NORMAL",
            ReviewProposal.REVIEW_COMMENT.name(), "内部：请政府办重点关注"));
    walk.assign(id, "zfw", "sfj");
    driver.complete("zfw-handler", id, AcceptAssignment.KEY,
        Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(), "DISPUTE", AcceptAssignment.DISPUTE_REASON.name(),
            "内部：职责不清"));
    walk.assign(id, "sfj", "zfw");
    walk.accept(id, "sfj");
    walk.coOpinion(id, "zfw");
    driver.today(LocalDate.of(2026, 9, 20));
    driver.complete("sfj-handler", id, DraftReply.KEY,
        Map.of(DraftReply.DRAFT_ACTION.name(), "REQUEST_EXTENSION", DraftReply.EXTENSION_REASON.name(), "内部：经费未落实",
            DraftReply.EXTENSION_UNTIL.name(), "2026-11-30"));
    driver.complete("gov-clerk", id, ApproveExtension.KEY,
        Map.of(ApproveExtension.EXTENSION_DECISION.name(), "APPROVE", ApproveExtension.EXTENSION_COMMENT.name(),
            "内部：同意，但须按期"));
    walk.draft(id, "sfj", "A", null);
    walk.signOff(id, "sfj", "RETURN");
    walk.draft(id, "sfj", "A", null);
    walk.signOff(id, "sfj", "APPROVE");

    // the record has every remark
    assertThat(records.get(id).reviewComment()).isEqualTo("内部：请政府办重点关注");
    assertThat(timelineDetails(id, "DISPUTED")).containsExactly("内部：职责不清");
    assertThat(timelineDetails(id, "REPLY_RETURNED")).containsExactly("请补充具体措施和时间表");

    // the deputy's feedback task shows none of them
    String task = driver.task(id, GiveFeedback.KEY).getId();
    Http.Answer variables = Http.as("http://localhost:" + port, "maohongding", "demo")
        .get("/engine-rest/task/" + task + "/form-variables");
    assertThat(variables.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    variables.json().fieldNames().forEachRemaining(names::add);
    assertThat(names).doesNotContainAnyElementsOf(INTERNAL);
    assertThat(variables.body()).doesNotContain("内部：");
    JsonNode process = Http.as("http://localhost:" + port, "maohongding", "demo")
        .get("/engine-rest/task/" + task + "/variables").json();
    assertThat(process.toString()).doesNotContain("内部：");
  }
}
