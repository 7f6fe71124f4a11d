package cn.renda.proposals.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.process.AssignAgencies;
import cn.renda.proposals.process.GiveFeedback;
import cn.renda.proposals.process.ProvideCoOpinion;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.Outbox;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestMailServer;
import cn.renda.proposals.support.TestMailServer.Received;
import cn.renda.proposals.support.TestNotifications;
import cn.renda.proposals.support.TestWebhookReceiver;
import cn.renda.proposals.support.Walk;
import cn.renda.proposals.web.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each notification of the lifecycle reaches the right people once, in Chinese, with a link, through a real SMTP
 * server, and only after the step that caused it has committed.
 */
@IntegrationTest
class NotificationMailTest {

  private static final String FROM = "renda@county.example";
  private static final List<String> DEPUTIES = Stream.concat(Stream.of("maohongding"),
      ProcessDriver.CO_SIGNERS.stream())
      .map(id -> id + "@demo.example")
      .toList();

  @Autowired ProcessDriver driver;
  @Autowired Walk walk;
  @Autowired Outbox outbox;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    driver.resetClock();
  }

  @Test
  void shouldTellEveryDeputyOfARejectionWithTheReason() {
    // given a motion of eleven deputies
    String id = driver.submitMotion(ProcessDriver.newSession(), "关于设立县级渔业发展基金的议案");

    // when the congress office rejects it
    walk.review(id, "REJECT", "NORMAL");

    // then the notification waits in the outbox until its job runs
    assertThat(TestMailServer.about(id)).isEmpty();
    assertThat(outbox.delivery(id, "REJECTED", "MAIL").status()).isEqualTo("PENDING");
    outbox.deliver(id);

    // and each deputy receives it once, with the reason
    List<Received> mails = TestMailServer.about(id);
    assertThat(mails).extracting(Received::mailbox).containsExactlyInAnyOrderElementsOf(DEPUTIES);
    assertThat(mails).allSatisfy(mail -> {
      assertThat(mail.subject()).isEqualTo("【不予立案通知】议案《关于设立县级渔业发展基金的议案》");
      assertThat(mail.body())
          .startsWith("尊敬的代表：")
          .contains("经县人大常委会办公室审查，决定不予立案", "理由：不属于本级人大职权范围")
          .contains(TestNotifications.BASE_URL + "/deputy/proposals/" + id);
      assertThat(mail.from()).contains(FROM);
    });
    assertThat(outbox.delivery(id, "REJECTED", "MAIL").status()).isEqualTo("SENT");

    // when the job were run again (a late node), nothing more is sent
    assertThat(outbox.deliver(id)).isZero();
    assertThat(TestMailServer.about(id)).hasSize(DEPUTIES.size());
  }

  @Test
  void shouldTellLeadAgencyAndCoAgencyOfTheirTasksWithLinks() {
    // given an accepted suggestion
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于完善矛盾纠纷多元化解机制的建议");
    walk.review(id, "ACCEPT", "NORMAL");

    // when it is assigned to 县委政法委 with 县司法局
    walk.assign(id, "zfw", "sfj");
    outbox.deliver(id);

    // then the lead agency's handlers are told, with a link to their acceptance task
    String acceptTask = driver.task(id, AcceptAssignment.KEY).getId();
    assertThat(TestMailServer.about(id)).singleElement().satisfies(mail -> {
      assertThat(mail.mailbox()).isEqualTo("zfw-handler@demo.example");
      assertThat(mail.subject()).isEqualTo("【交办通知】建议第1号《关于完善矛盾纠纷多元化解机制的建议》");
      assertThat(mail.body())
          .startsWith("县委政法委（经办人）：")
          .contains("交由你单位主办，协办单位：县司法局", "请于 ", "前在任务列表中签收", "逾期未退回的视为签收")
          .contains(TestNotifications.BASE_URL + "/camunda/app/tasklist/default/#/?task=" + acceptTask);
    });

    // when the lead agency accepts, the co-agency is asked for its opinion
    walk.accept(id, "zfw");
    outbox.deliver(id);
    String coOpinionTask = driver.task(id, ProvideCoOpinion.KEY).getId();
    assertThat(TestMailServer.about(id)).hasSize(2)
        .filteredOn(mail -> mail.mailbox().equals("sfj-handler@demo.example"))
        .singleElement()
        .satisfies(mail -> {
          assertThat(mail.subject()).isEqualTo("【协办通知】建议第1号《关于完善矛盾纠纷多元化解机制的建议》");
          assertThat(mail.body())
              .contains("由县委政法委主办，你单位为协办单位", "前在任务列表中提出协办意见")
              .contains("#/?task=" + coOpinionTask);
        });
  }

  @Test
  void shouldRemindTheAgencyAndAlertBothOfficesWhenAKeyReplyIsOverdue() {
    // given a key proposal drafted by 县卫生健康局, reply due 2026-10-08
    driver.today(LocalDate.of(2026, 7, 1));
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于加快建设县医院新院区的建议");
    walk.review(id, "ACCEPT", "KEY");
    walk.assign(id, "wjj");
    walk.accept(id, "wjj");
    outbox.deliver(id);

    // when the reminder comes
    driver.fire(id, "Timer_ReplyReminder");
    outbox.deliver(id);

    // then the agency is reminded once
    assertThat(TestMailServer.about(id)).filteredOn(mail -> mail.subject().startsWith("【答复期限提醒】"))
        .singleElement()
        .satisfies(mail -> {
          assertThat(mail.mailbox()).isEqualTo("wjj-handler@demo.example");
          assertThat(mail.body()).contains("的答复将于 2026年10月8日（周四） 到期", "请县卫生健康局抓紧办理");
        });

    // when the deadline passes
    driver.fire(id, "Timer_ReplyOverdue");
    outbox.deliver(id);

    // then both offices are alerted once each, about the supervision task
    assertThat(TestMailServer.about(id)).filteredOn(mail -> mail.subject().startsWith("【答复超期预警】"))
        .extracting(Received::mailbox)
        .containsExactlyInAnyOrder("gov-clerk@demo.example", "congress-clerk@demo.example");
    assertThat(TestMailServer.about(id)).filteredOn(mail -> mail.subject().startsWith("【答复超期预警】"))
        .allSatisfy(mail -> assertThat(mail.body())
            .startsWith("县人民政府办公室（督查室）、县人大常委会办公室：")
            .contains("的答复已于 2026年10月8日（周四） 到期", "请督办", "超期督办")
            .contains(TestNotifications.BASE_URL + "/camunda/app/tasklist/default/"));
    assertThat(TestMailServer.about(id)).hasSize(4);
  }

  @Test
  void shouldSendTheReplyToEveryDeputyAndAskTheLeadDeputyForFeedback() {
    // given a motion of eleven deputies handled by 县信访局
    String id = driver.submitMotion(ProcessDriver.newSession(), "关于健全信访工作联席会议制度的议案");
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, "xfj");
    walk.accept(id, "xfj");
    walk.draft(id, "xfj", "A", null);

    // when the reply is signed off
    walk.signOff(id, "xfj", "APPROVE");
    outbox.deliver(id);

    // then every deputy receives the letter once
    List<Received> replies = TestMailServer.about(id).stream()
        .filter(mail -> mail.subject().equals("【答复（复函）】议案第1号《关于健全信访工作联席会议制度的议案》"))
        .toList();
    assertThat(replies).extracting(Received::mailbox).containsExactlyInAnyOrderElementsOf(DEPUTIES);
    assertThat(replies).allSatisfy(mail -> assertThat(mail.body())
        .contains("县信访局已作出答复", "类别标记：A（所提议案建议被采纳,有关问题已解决）", "联系人：金海军")
        .contains("复函全文：", "经研究，现将意见答复如下：……感谢您对我县工作的关心和支持。")
        .contains(TestNotifications.BASE_URL + "/public/proposals/" + id)
        .contains(TestNotifications.BASE_URL + "/deputy/proposals/" + id));

    // and the lead deputy alone is asked to rate it, with a link to the proposal in the workspace
    assertThat(driver.task(id, GiveFeedback.KEY).getAssignee()).isEqualTo("maohongding");
    assertThat(TestMailServer.about(id)).filteredOn(mail -> mail.subject().startsWith("【请对答复进行评价】"))
        .singleElement()
        .satisfies(mail -> {
          assertThat(mail.mailbox()).isEqualTo("maohongding@demo.example");
          assertThat(mail.body())
              .startsWith("毛宏定代表：")
              .contains("满意、基本满意或不满意", "逾期未评价的，记为未反馈")
              .contains(TestNotifications.BASE_URL + "/deputy/proposals/" + id);
        });
  }

  @Test
  void shouldTellTheLeadAgencyWhenTheDeputyIsDissatisfied() {
    // given a reply of 县财政局 waiting for feedback
    String id = walk.toFeedback(ProcessDriver.newSession(), "czj");
    outbox.deliver(id);

    // when the deputy is dissatisfied
    walk.feedback(id, "DISSATISFIED");
    outbox.deliver(id);

    // then the agency is told to handle it again, with the deputy's words
    assertThat(TestMailServer.about(id)).filteredOn(mail -> mail.subject().startsWith("【代表不满意】"))
        .singleElement()
        .satisfies(mail -> {
          assertThat(mail.mailbox()).isEqualTo("czj-handler@demo.example");
          assertThat(mail.body()).contains("表示不满意", "代表意见：答复未提出具体措施", "请重新办理");
        });
  }

  @Test
  void shouldUseTheGroupsOwnAddressAndWebhookWhereConfigured() throws Exception {
    // given 县交通运输局 receives mail at its office address and 县海洋与渔业局 has a webhook (TestNotifications)
    String toJtj = driver.submitSuggestion(ProcessDriver.newSession(), "关于开通海岛公交夜班线路的建议");
    walk.review(toJtj, "ACCEPT", "NORMAL");
    String toHyj = driver.submitSuggestion(ProcessDriver.newSession(), "关于加强休渔期执法检查的建议");
    walk.review(toHyj, "ACCEPT", "NORMAL");

    // when each is assigned
    walk.assign(toJtj, "jtj");
    walk.assign(toHyj, "hyj");
    outbox.deliver(toJtj);
    outbox.deliver(toHyj);

    // then 县交通运输局's mail goes to its office address, not to its members
    assertThat(TestMailServer.about(toJtj)).extracting(Received::mailbox).containsExactly(TestNotifications.JTJ_OFFICE);

    // and 县海洋与渔业局 gets the mail and one JSON POST
    assertThat(TestMailServer.about(toHyj)).extracting(Received::mailbox).containsExactly("hyj-handler@demo.example");
    List<JsonNode> calls = TestWebhookReceiver.calls().stream()
        .filter(call -> call.path().equals(TestNotifications.HYJ_WEBHOOK_PATH))
        .map(call -> json(call.body()))
        .filter(body -> body.get("proposalId").asText().equals(toHyj))
        .toList();
    assertThat(calls).singleElement().satisfies(body -> {
      assertThat(body.get("kind").asText()).isEqualTo("ASSIGNED");
      assertThat(body.get("kindLabel").asText()).isEqualTo("交办通知");
      assertThat(body.get("subject").asText()).isEqualTo("【交办通知】建议第1号《关于加强休渔期执法检查的建议》");
      assertThat(body.get("text").asText()).contains("交由你单位主办");
      assertThat(body.get("link").asText()).contains("#/?task=");
    });
    assertThat(outbox.delivery(toHyj, "ASSIGNED", "WEBHOOK").status()).isEqualTo("SENT");
  }

  @Test
  void shouldRecordNothingWhenTheStepIsRefused() {
    // given an accepted suggestion
    String id = driver.submitSuggestion(ProcessDriver.newSession(), "关于规范农村宅基地审批的建议");
    walk.review(id, "ACCEPT", "NORMAL");

    // when the assignment names an unknown agency, the completion is refused
    assertThatThrownBy(() -> driver.complete("gov-clerk", id, AssignAgencies.KEY,
            Map.of(AssignAgencies.LEAD_AGENCY.name(), "nosuch", AssignAgencies.CO_AGENCIES.name(), Walk.codes())))
        .isInstanceOf(InvalidInputException.class);

    // then no notification exists for it
    assertThat(outbox.deliveries(id)).isEmpty();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE proposal_id = ?").param(id).query(Long.class).single())
        .isZero();
  }

  private static JsonNode json(String body) {
    try {
      return new ObjectMapper().readTree(body);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
