package cn.renda.proposals.process;

import static cn.renda.proposals.process.ProcessVariables.*;
import static cn.renda.proposals.process.ProposalProcess.*;
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

  private static final List<String> INTERNAL = List.of(REVIEW_COMMENT, DISPUTE_REASON, EXTENSION_REASON,
      EXTENSION_UNTIL, EXTENSION_COMMENT, SIGN_OFF_COMMENT, CO_OPINION);

  @LocalServerPort int port;

  @Test
  void shouldKeepInternalRemarksInTheRecordAndOutOfTheDeputysTask() {
    driver.today(LocalDate.of(2026, 7, 1));
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于内部意见不外泄的建议");
    driver.complete("congress-clerk", id, REVIEW_PROPOSAL,
        Map.of(REVIEW_DECISION, "ACCEPT", PRIORITY, "NORMAL", REVIEW_COMMENT, "内部：请政府办重点关注"));
    walk.assign(id, "zfw", "sfj");
    driver.complete("zfw-handler", id, ACCEPT_ASSIGNMENT,
        Map.of(ASSIGNMENT_DECISION, "DISPUTE", DISPUTE_REASON, "内部：职责不清"));
    walk.assign(id, "sfj", "zfw");
    walk.accept(id, "sfj");
    walk.coOpinion(id, "zfw");
    driver.today(LocalDate.of(2026, 9, 20));
    driver.complete("sfj-handler", id, DRAFT_REPLY,
        Map.of(DRAFT_ACTION, "REQUEST_EXTENSION", EXTENSION_REASON, "内部：经费未落实", EXTENSION_UNTIL, "2026-11-30"));
    driver.complete("gov-clerk", id, APPROVE_EXTENSION,
        Map.of(EXTENSION_DECISION, "APPROVE", EXTENSION_COMMENT, "内部：同意，但须按期"));
    walk.draft(id, "sfj", "A", null);
    walk.signOff(id, "sfj", "RETURN");
    walk.draft(id, "sfj", "A", null);
    walk.signOff(id, "sfj", "APPROVE");

    // the record has every remark
    assertThat(records.get(id).reviewComment()).isEqualTo("内部：请政府办重点关注");
    assertThat(timelineDetails(id, "DISPUTED")).containsExactly("内部：职责不清");
    assertThat(timelineDetails(id, "REPLY_RETURNED")).containsExactly("请补充具体措施和时间表");

    // the deputy's feedback task shows none of them
    String task = driver.task(id, GIVE_FEEDBACK).getId();
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
