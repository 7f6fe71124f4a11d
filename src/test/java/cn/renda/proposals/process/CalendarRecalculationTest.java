package cn.renda.proposals.process;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.InventedCalendar;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TableSnapshot;
import cn.renda.proposals.support.Walk;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Entering a year's arrangement moves the open deadlines that fall on it, in the engine (task due dates, timers) and
 * in the record, and writes each move to the proposal's timeline; reverting moves them back. 2027's arrangement here
 * is {@link InventedCalendar#year2027() invented for the tests}. Before it is entered, 2027 counts weekends only.
 */
@IntegrationTest
class CalendarRecalculationTest extends ProcessTestBase {

  private static final LocalDate FEB_4 = LocalDate.of(2027, 2, 4);
  private static final LocalDate FEB_5 = LocalDate.of(2027, 2, 5);
  private static final LocalDate FEB_8 = LocalDate.of(2027, 2, 8);
  private static final LocalDate FEB_9 = LocalDate.of(2027, 2, 9);
  private static final LocalDate FEB_15 = LocalDate.of(2027, 2, 15);
  private static final LocalDate FEB_20 = LocalDate.of(2027, 2, 20);

  @LocalServerPort int port;
  @Autowired CalendarChanges changes;

  @AfterEach
  void withoutThe2027Arrangement() {
    // the shared database goes back to 2027 without data, as the other tests expect it
    changes.revert(2027, 0, null, "test");
  }

  @Test
  void shouldMoveEveryOpenDeadlineOnTheNewArrangementAndBackOnRevert() {
    // given proposals waiting at 签收, 协办, 答复拟稿 and 代表评价 with deadlines in 2027, counted on weekends only
    driver.at(LocalDate.of(2026, 11, 9), LocalTime.of(10, 0));
    String drafting = walk.toDrafting(ProcessDriver.newSession(), "zjj"); // reply: 3 months, Tuesday 9 February
    driver.at(LocalDate.of(2027, 1, 8), LocalTime.of(10, 0));
    String coOpinion = driver.submitSuggestion(ProcessDriver.newSession(), "关于改善海岛渡口候船条件的建议");
    walk.review(coOpinion, "ACCEPT", "NORMAL");
    walk.assign(coOpinion, "jtj", "sfj");
    walk.accept(coOpinion, "jtj"); // co-opinion: 1 month, Monday 8 February
    driver.at(LocalDate.of(2027, 1, 25), LocalTime.of(10, 0));
    String feedback = walk.toDrafting(ProcessDriver.newSession(), "wjj");
    // not published: the shared database's public list must not begin with a reply from 2027
    Map<String, Object> unpublished = new HashMap<>(Walk.reply("A", null));
    unpublished.put(DraftReply.PUBLISHABLE.name(), false);
    driver.complete("wjj-handler", feedback, DraftReply.KEY, unpublished);
    walk.signOff(feedback, "wjj", "APPROVE"); // 代表评价: 15 working days, Monday 15 February
    driver.at(LocalDate.of(2027, 1, 29), LocalTime.of(9, 0));
    String acceptance = driver.submitSuggestion(ProcessDriver.newSession(), "关于增设农村客运班线的建议");
    walk.review(acceptance, "ACCEPT", "NORMAL");
    walk.assign(acceptance, "zfw"); // 5 working days: Friday 5 February
    Set<String> mine = Set.of(drafting, coOpinion, feedback, acceptance);

    assertThat(driver.task(acceptance, AcceptAssignment.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(FEB_5));
    assertThat(records.get(coOpinion).coOpinionDue()).isEqualTo(FEB_8);
    assertThat(records.get(drafting).replyDue()).isEqualTo(FEB_9);
    assertThat(driver.task(feedback, GiveFeedback.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(FEB_15));

    // when the congress office previews the invented 2027 arrangement on 29 January
    driver.at(LocalDate.of(2027, 1, 29), LocalTime.of(10, 0));
    int withoutData = clerk().get("/api/calendar/2027").json().get("version").asInt();
    Http.Answer preview = clerk().post("/api/calendar/2027/preview", InventedCalendar.year2027());

    // then it lists exactly these moves of the four proposals, each with every place that holds the deadline
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.json().get("basedOn").asInt()).isEqualTo(withoutData);
    assertThat(moves(preview.json(), mine)).containsExactlyInAnyOrder(
        acceptance + " acceptAssignment 签收期限 2027-02-05 → 2027-02-04 [TASK acceptAssignment,"
            + " TIMER Timer_DisputeWindow]",
        coOpinion + " CO_OPINION 协办意见期限 2027-02-08 → 2027-02-15 [RECORD CO_OPINION, TASK provideCoOpinion,"
            + " TIMER Timer_CoOpinionDeadline, TIMER Timer_CoOpinionReminder]",
        drafting + " REPLY 答复期限 2027-02-09 → 2027-02-15 [RECORD REPLY, TASK draftReply,"
            + " TIMER Timer_ReplyReminder, REPEATING_TIMER Timer_ReplyOverdue]",
        feedback + " giveFeedback 代表评价期限 2027-02-15 → 2027-02-20 [TASK giveFeedback, TIMER Timer_FeedbackWindow]");
    // and nothing moved yet
    assertThat(records.get(drafting).replyDue()).isEqualTo(FEB_9);
    assertThat(driver.job(acceptance, "Timer_DisputeWindow").getDuedate()).isEqualTo(ProcessDriver.endOf(FEB_5));

    // when it applies it
    Http.Answer applied = clerk().put("/api/calendar/2027?basedOn=" + withoutData, InventedCalendar.year2027());

    // then the outcome is what the preview said, move for move
    assertThat(applied.status()).isEqualTo(200);
    assertThat(applied.json().get("changed").asBoolean()).isTrue();
    int version = applied.json().at("/version/version").asInt();
    assertThat(version).isEqualTo(withoutData + 1);
    assertThat(applied.json().at("/version/changedBy").asText()).isEqualTo("congress-clerk");
    assertThat(applied.json().get("moves")).isEqualTo(preview.json().get("moves"));

    // and the engine and the record hold the new dates
    assertThat(driver.task(acceptance, AcceptAssignment.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(FEB_4));
    assertThat(driver.job(acceptance, "Timer_DisputeWindow").getDuedate()).isEqualTo(ProcessDriver.endOf(FEB_4));

    assertThat(records.get(coOpinion).coOpinionDue()).isEqualTo(FEB_15);
    assertThat(coOpinionRowDue(coOpinion)).isEqualTo(FEB_15);
    assertThat(driver.task(coOpinion, ProvideCoOpinion.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(FEB_15));
    assertThat(driver.job(coOpinion, "Timer_CoOpinionDeadline").getDuedate()).isEqualTo(ProcessDriver.endOf(FEB_15));
    assertThat(driver.job(coOpinion, "Timer_CoOpinionReminder").getDuedate()).isEqualTo(nineOn(FEB_8));
    assertThat(records.get(coOpinion).replyDue()).isEqualTo(LocalDate.of(2027, 4, 8)); // not on the new days

    assertThat(records.get(drafting).replyDue()).isEqualTo(FEB_15);
    assertThat(driver.task(drafting, DraftReply.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(FEB_15));
    assertThat(driver.job(drafting, "Timer_ReplyReminder").getDuedate()).isEqualTo(nineOn(FEB_8));
    assertThat(driver.job(drafting, "Timer_ReplyOverdue").getDuedate()).isEqualTo(ProcessDriver.endOf(FEB_15));
    assertThat(driver.variable(driver.task(drafting, DraftReply.KEY), View.REPLY_DUE_TEXT.key()))
        .isEqualTo("2027年2月15日（周一）");

    assertThat(driver.task(feedback, GiveFeedback.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(FEB_20));
    assertThat(driver.job(feedback, "Timer_FeedbackWindow").getDuedate()).isEqualTo(ProcessDriver.endOf(FEB_20));

    // and each move is in its proposal's timeline (the co-opinion's as an internal step)
    assertThat(timelineDetails(acceptance, "DEADLINE_RECALCULATED")).containsExactly(
        "因2027年节假日安排调整（第" + version + "版），签收期限由 2027年2月5日（周五） 调整为 2027年2月4日（周四）");
    assertThat(timelineDetails(coOpinion, "INTERNAL_DEADLINE_RECALCULATED")).containsExactly(
        "因2027年节假日安排调整（第" + version + "版），协办意见期限由 2027年2月8日（周一） 调整为 2027年2月15日（周一）");
    assertThat(timelineDetails(drafting, "DEADLINE_RECALCULATED")).containsExactly(
        "因2027年节假日安排调整（第" + version + "版），答复期限由 2027年2月9日（周二） 调整为 2027年2月15日（周一）");
    assertThat(timelineDetails(feedback, "DEADLINE_RECALCULATED")).containsExactly(
        "因2027年节假日安排调整（第" + version + "版），代表评价期限由 2027年2月15日（周一） 调整为 2027年2月20日（周六）");

    // when the same arrangement is applied again
    TableSnapshot before = TableSnapshot.of(jdbc);
    Http.Answer again = clerk().put("/api/calendar/2027", InventedCalendar.year2027());

    // then nothing changes anywhere
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("changed").asBoolean()).isFalse();
    assertThat(again.json().get("moves")).isEmpty();
    assertThat(TableSnapshot.of(jdbc).changedSince(before)).isEmpty();

    // when the office reverts 2027 to no data, after previewing it
    Http.Answer revertPreview = clerk().post("/api/calendar/2027/revert/preview", Map.of("version", 0));
    Http.Answer reverted = clerk().post("/api/calendar/2027/revert", Map.of("version", 0, "basedOn", version));

    // then the earlier dates are back, everywhere, as previewed
    assertThat(reverted.status()).isEqualTo(200);
    assertThat(reverted.json().get("moves")).isEqualTo(revertPreview.json().get("moves"));
    assertThat(moves(reverted.json(), mine)).hasSize(4);
    assertThat(reverted.json().at("/version/version").asInt()).isEqualTo(version + 1);
    assertThat(reverted.json().at("/version/action").asText()).isEqualTo("REVERTED");
    assertThat(driver.task(acceptance, AcceptAssignment.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(FEB_5));
    assertThat(driver.job(acceptance, "Timer_DisputeWindow").getDuedate()).isEqualTo(ProcessDriver.endOf(FEB_5));
    assertThat(records.get(coOpinion).coOpinionDue()).isEqualTo(FEB_8);
    assertThat(coOpinionRowDue(coOpinion)).isEqualTo(FEB_8);
    assertThat(driver.task(coOpinion, ProvideCoOpinion.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(FEB_8));
    assertThat(driver.job(coOpinion, "Timer_CoOpinionDeadline").getDuedate()).isEqualTo(ProcessDriver.endOf(FEB_8));
    assertThat(driver.job(coOpinion, "Timer_CoOpinionReminder").getDuedate())
        .isEqualTo(nineOn(LocalDate.of(2027, 2, 1)));
    assertThat(records.get(drafting).replyDue()).isEqualTo(FEB_9);
    assertThat(driver.task(drafting, DraftReply.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(FEB_9));
    assertThat(driver.job(drafting, "Timer_ReplyReminder").getDuedate()).isEqualTo(nineOn(LocalDate.of(2027, 2, 2)));
    assertThat(driver.job(drafting, "Timer_ReplyOverdue").getDuedate()).isEqualTo(ProcessDriver.endOf(FEB_9));
    assertThat(driver.task(feedback, GiveFeedback.KEY).getDueDate()).isEqualTo(ProcessDriver.endOf(FEB_15));
    assertThat(driver.job(feedback, "Timer_FeedbackWindow").getDuedate()).isEqualTo(ProcessDriver.endOf(FEB_15));
    assertThat(timelineDetails(drafting, "DEADLINE_RECALCULATED")).hasSize(2).last().asString()
        .isEqualTo("因2027年节假日安排调整（第" + (version + 1) + "版），答复期限由 2027年2月15日（周一） 调整为 2027年2月9日（周二）");

    // and the audit has both versions: who, when, what
    JsonNode versions = clerk().get("/api/calendar/2027/versions").json();
    assertThat(versions.size()).isGreaterThanOrEqualTo(2);
    assertThat(versions.get(1).get("action").asText()).isEqualTo("CHANGED");
    assertThat(versions.get(1).get("summary").asText()).startsWith("新增放假 2027-01-01、2027-02-05");
    assertThat(versions.get(1).get("movedDeadlines").asInt()).isGreaterThanOrEqualTo(4);
    assertThat(versions.get(0).get("changedBy").asText()).isEqualTo("congress-clerk");
    assertThat(versions.get(0).get("revertedTo").asInt()).isZero();
  }

  @Test
  void shouldFireATimerMovedIntoThePastOnceAndNeverRemindTwice() {
    // given a proposal waiting at 签收 (5 working days: Friday 5 February on weekends only, Thursday 4 February on the
    // new arrangement, which works Sunday 31 January) and two drafting ones with replies due on 9 and 10 February
    driver.at(LocalDate.of(2026, 11, 9), LocalTime.of(10, 0));
    String remindedBefore = walk.toDrafting(ProcessDriver.newSession(), "czj");
    driver.at(LocalDate.of(2026, 11, 10), LocalTime.of(10, 0));
    String reminderDue = walk.toDrafting(ProcessDriver.newSession(), "jyj");
    driver.at(LocalDate.of(2027, 1, 29), LocalTime.of(9, 0));
    String acceptance = driver.submitSuggestion(ProcessDriver.newSession(), "关于规范渔港停泊秩序的建议");
    walk.review(acceptance, "ACCEPT", "NORMAL");
    walk.assign(acceptance, "hyj");
    // the first one's reminder went out on 2 February, before the arrangement was entered
    driver.fire(remindedBefore, "Timer_ReplyReminder");
    assertThat(alerts(remindedBefore)).extracting(a -> a.get("kind")).containsExactly("REPLY_REMINDER");

    // when the arrangement is applied on Friday 5 February at 9:00 (the second reminder, due on 3 February, has not
    // run yet)
    driver.at(FEB_5, LocalTime.of(9, 0));
    assertThat(clerk().put("/api/calendar/2027", InventedCalendar.year2027()).status()).isEqualTo(200);

    // then the dispute window ended yesterday: its timer is due, and fires once
    Job window = driver.job(acceptance, "Timer_DisputeWindow");
    assertThat(window.getDuedate()).isEqualTo(ProcessDriver.endOf(FEB_4));
    assertThat(engine.getManagementService().createJobQuery().jobId(window.getId()).executable().count()).isOne();
    engine.getManagementService().executeJob(window.getId());
    assertThat(driver.jobs(acceptance, "Timer_DisputeWindow")).isEmpty();
    assertThat(timelineDetails(acceptance, "ASSIGNMENT_ACCEPTED_TACITLY")).hasSize(1);
    assertThat(records.get(acceptance).status()).isEqualTo(ProposalStatus.DRAFTING);

    // and the reply that was reminded of gets no second reminder for its new deadline
    assertThat(records.get(remindedBefore).replyDue()).isEqualTo(FEB_15);
    assertThat(driver.jobs(remindedBefore, "Timer_ReplyReminder")).isEmpty();

    // and the reminder that was due runs once, about the new deadline
    assertThat(records.get(reminderDue).replyDue()).isEqualTo(FEB_15);
    Job reminder = driver.job(reminderDue, "Timer_ReplyReminder");
    assertThat(reminder.getDuedate()).isEqualTo(nineOn(LocalDate.of(2027, 2, 3)));
    engine.getManagementService().executeJob(reminder.getId());
    assertThat(driver.jobs(reminderDue, "Timer_ReplyReminder")).isEmpty();

    // when both replies' new deadline passes
    driver.fire(remindedBefore, "Timer_ReplyOverdue");
    driver.fire(reminderDue, "Timer_ReplyOverdue");

    // then each was reminded once and alerted once, about the new deadline, and the escalation repeats from it weekly
    for (String id : List.of(remindedBefore, reminderDue)) {
      assertThat(alerts(id)).extracting(a -> a.get("kind") + " " + a.get("repetition"))
          .containsExactly("REPLY_REMINDER 0", "REPLY_OVERDUE 0");
      assertThat(notificationKinds(id)).containsExactly("REMINDER", "OVERDUE");
      assertThat(driver.job(id, "Timer_ReplyOverdue").getDuedate())
          .isEqualTo(ProcessDriver.endOf(LocalDate.of(2027, 2, 22)));
    }
    assertThat(alerts(remindedBefore).get(0).get("deadline").toString()).isEqualTo("2027-02-09");
    assertThat(alerts(reminderDue).get(0).get("deadline").toString()).isEqualTo("2027-02-15");
    assertThat(alerts(reminderDue).get(1).get("deadline").toString()).isEqualTo("2027-02-15");
  }

  @Test
  void shouldRemindOnceAtOnceWhenTheReminderMovesIntoThePast() {
    // given a reply due three months after 30 October 2026: Saturday 30 January, so Monday 1 February on weekends
    // only, and the reminder at 9:00 on 25 January
    driver.at(LocalDate.of(2026, 10, 30), LocalTime.of(10, 0));
    String id = walk.toDrafting(ProcessDriver.newSession(), "mzj");
    assertThat(records.get(id).replyDue()).isEqualTo(LocalDate.of(2027, 2, 1));

    // when on 24 January at noon the arrangement makes Sunday 31 January a working day
    driver.at(LocalDate.of(2027, 1, 24), LocalTime.of(12, 0));
    clerk().put("/api/calendar/2027", InventedCalendar.year2027());

    // then the reply is due on that Sunday, and its reminder (9:00 a week before) is due already
    assertThat(records.get(id).replyDue()).isEqualTo(LocalDate.of(2027, 1, 31));
    Job reminder = driver.job(id, "Timer_ReplyReminder");
    assertThat(reminder.getDuedate()).isEqualTo(nineOn(LocalDate.of(2027, 1, 24)));

    // and runs once
    engine.getManagementService().executeJob(reminder.getId());
    assertThat(driver.jobs(id, "Timer_ReplyReminder")).isEmpty();
    assertThat(alerts(id)).extracting(a -> a.get("kind") + " " + a.get("deadline"))
        .containsExactly("REPLY_REMINDER 2027-01-31");
    assertThat(notificationKinds(id)).containsExactly("REMINDER");
  }

  // --- helpers ------------------------------------------------------------------------------------------------

  private Http clerk() {
    return Http.as("http://localhost:" + port, "congress-clerk", "demo");
  }

  /** The moves of these proposals, one line each: proposal, step, deadline, from → to, [what holds it]. */
  private static List<String> moves(JsonNode answer, Set<String> proposals) {
    List<String> lines = new ArrayList<>();
    for (JsonNode move : answer.get("moves")) {
      if (!proposals.contains(move.get("proposalId").asText())) {
        continue;
      }
      List<String> targets = StreamSupport.stream(move.get("changes").spliterator(), false)
          .map(change -> change.get("target").asText() + " " + change.get("element").asText())
          .toList();
      lines.add(move.get("proposalId").asText() + " " + move.get("step").asText() + " "
          + move.get("deadline").asText() + " " + move.get("from").asText() + " → " + move.get("to").asText() + " "
          + targets.toString());
    }
    return lines;
  }

  private LocalDate coOpinionRowDue(String id) {
    return jdbc.sql("SELECT due FROM co_opinion WHERE proposal_id = ? AND status = 'OPEN'").param(id)
        .query(LocalDate.class).single();
  }

  private List<String> notificationKinds(String id) {
    return jdbc.sql("SELECT kind FROM notification WHERE proposal_id = ? AND alert_id IS NOT NULL ORDER BY created_at")
        .param(id).query(String.class).list();
  }

  private static Date nineOn(LocalDate day) {
    return Date.from(day.atTime(9, 0).atZone(ProcessDriver.ZONE).toInstant());
  }
}
