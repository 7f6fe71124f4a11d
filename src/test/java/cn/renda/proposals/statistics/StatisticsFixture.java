package cn.renda.proposals.statistics;

import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.process.ApproveExtension;
import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.ReportProgress;
import cn.renda.proposals.process.SuperviseDissatisfaction;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Proposals with chosen outcomes for the statistics tests, built once per test run through the real process: 20 of
 * session {@link #session()} (18 assigned to the lead agencies zfw, sfj, mzj and jtj, with co-agencies fy, xfj and
 * sfj; one rejected; one waiting for reassignment after a dispute) and 3 of a second session. Every expected figure
 * of the tests is worked out by hand from the outcomes written here. The figures are made on {@link #TODAY}.
 *
 * <p>Assigned on Monday 2026-03-02 unless said otherwise: the reply is due on Tuesday 2026-06-02, co-opinions on
 * 2026-04-02.
 */
@Component
class StatisticsFixture {

  /** The day the tests read the figures on. */
  static final LocalDate TODAY = LocalDate.of(2026, 7, 20);
  static final LocalDate ASSIGNED = LocalDate.of(2026, 3, 2);

  private final ProcessDriver driver;
  private final Walk walk;
  private String session;
  private String otherSession;
  private final Map<String, String> ids = new LinkedHashMap<>();

  StatisticsFixture(ProcessDriver driver, Walk walk) {
    this.driver = driver;
    this.walk = walk;
  }

  /** The main session. */
  synchronized String session() {
    build();
    return session;
  }

  synchronized String otherSession() {
    build();
    return otherSession;
  }

  /** The id of a proposal by its name in this class (P1 …). */
  synchronized String id(String name) {
    build();
    return ids.get(name);
  }

  private void build() {
    if (session != null) {
      return;
    }
    String main = ProcessDriver.newSession();
    String other = ProcessDriver.newSession();
    try {
      zfw(main);
      sfj(main);
      mzj(main);
      jtj(main);
      notAssigned(main);
      other(other);
    } finally {
      driver.resetClock();
    }
    session = main;
    otherSession = other;
  }

  private void zfw(String s) {
    // P1: co-agency fy in time; class A after 面商, delivered 04-15 (on time); satisfied; closed as A
    String p1 = assigned("P1", s, "zfw", "fy");
    on(3, 3);
    walk.accept(p1, "zfw");
    on(3, 10);
    walk.coOpinion(p1, "fy");
    on(4, 14);
    draft(p1, "zfw", "A", "FACE_TO_FACE", null);
    on(4, 15);
    walk.signOff(p1, "zfw", "APPROVE");
    on(4, 20);
    walk.feedback(p1, "SATISFIED");
    on(4, 25);
    walk.evaluate(p1, "A");

    // P2: late (06-10, class C by phone); dissatisfied, rehandled (座谈, due 07-13, delivered 07-01); satisfied;
    // closed as C
    String p2 = acceptedDrafting("P2", s, "zfw");
    on(6, 9);
    draft(p2, "zfw", "C", "PHONE", null);
    on(6, 10);
    walk.signOff(p2, "zfw", "APPROVE");
    on(6, 12);
    walk.feedback(p2, "DISSATISFIED");
    on(6, 30);
    draft(p2, "zfw", "C", "MEETING", null);
    on(7, 1);
    walk.signOff(p2, "zfw", "APPROVE");
    on(7, 3);
    walk.feedback(p2, "SATISFIED");
    on(7, 6);
    walk.evaluate(p2, "C");

    // P3: extension to 06-30 approved; delivered 06-25 (on time), class B (走访) planned 09-30; basically satisfied;
    // evaluated B, following up (report due 09-30)
    String p3 = acceptedDrafting("P3", s, "zfw");
    on(5, 20);
    requestExtension(p3, "zfw", "2026-06-30");
    on(5, 21);
    driver.complete("gov-clerk", p3, ApproveExtension.KEY,
        Map.of(ApproveExtension.EXTENSION_DECISION.name(), "APPROVE"));
    on(6, 24);
    draft(p3, "zfw", "B", "VISIT", LocalDate.of(2026, 9, 30));
    on(6, 25);
    walk.signOff(p3, "zfw", "APPROVE");
    on(6, 29);
    walk.feedback(p3, "BASICALLY_SATISFIED");
    on(7, 2);
    walk.evaluate(p3, "B");

    // P4: drafting, no reply: overdue since 06-02 (48 days on 07-20)
    acceptedDrafting("P4", s, "zfw");
  }

  private void sfj(String s) {
    // P5: first assigned to zfw (co xfj), zfw gives it back on 03-04, sfj takes it on 03-05; xfj's co-opinion late;
    // delivered 05-06 (on time: the reply clock runs from 03-02), class A in writing; no feedback; closed as A
    String p5 = assigned("P5", s, "zfw", "xfj");
    on(3, 4);
    driver.complete("zfw-handler", p5, AcceptAssignment.KEY, Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(),
        "DISPUTE", AcceptAssignment.DISPUTE_REASON.name(), "该事项属于司法行政职责"));
    on(3, 5);
    walk.assign(p5, "sfj", "xfj");
    on(3, 6);
    walk.accept(p5, "sfj");
    driver.fire(driver.jobs(p5, "Timer_CoOpinionDeadline").get(0));
    on(5, 5);
    draft(p5, "sfj", "A", "WRITTEN", null);
    on(5, 6);
    walk.signOff(p5, "sfj", "APPROVE");
    driver.fire(p5, "Timer_FeedbackWindow");
    walk.evaluate(p5, "A");

    // P6: class B (面商) delivered 04-20, planned 06-30; satisfied; evaluated B; resolved on 06-29: the promise kept
    String p6 = acceptedDrafting("P6", s, "sfj");
    on(4, 17);
    draft(p6, "sfj", "B", "FACE_TO_FACE", LocalDate.of(2026, 6, 30));
    on(4, 20);
    walk.signOff(p6, "sfj", "APPROVE");
    on(4, 22);
    walk.feedback(p6, "SATISFIED");
    on(4, 24);
    walk.evaluate(p6, "B");
    on(6, 29);
    driver.complete("sfj-handler", p6, ReportProgress.KEY,
        Map.of(ReportProgress.PROGRESS_REPORT.name(), "工程已完工并投入使用", ReportProgress.RESOLVED.name(), true));

    // P7: class B (电话) delivered 04-21, planned 06-15; satisfied; evaluated B; the report due 06-15 is missing
    String p7 = acceptedDrafting("P7", s, "sfj");
    on(4, 21);
    draft(p7, "sfj", "B", "PHONE", LocalDate.of(2026, 6, 15));
    walk.signOff(p7, "sfj", "APPROVE");
    on(4, 23);
    walk.feedback(p7, "SATISFIED");
    on(4, 27);
    walk.evaluate(p7, "B");

    // P8: class D by phone, delivered 05-11; dissatisfied; rehandled in writing (06-01); dissatisfied again; the
    // congress office closes it; closed as D
    String p8 = acceptedDrafting("P8", s, "sfj");
    on(5, 11);
    draft(p8, "sfj", "D", "PHONE", null);
    walk.signOff(p8, "sfj", "APPROVE");
    on(5, 13);
    walk.feedback(p8, "DISSATISFIED");
    on(6, 1);
    draft(p8, "sfj", "D", "WRITTEN", null);
    walk.signOff(p8, "sfj", "APPROVE");
    on(6, 3);
    walk.feedback(p8, "DISSATISFIED");
    on(6, 5);
    driver.complete("congress-clerk", p8, SuperviseDissatisfaction.KEY,
        Map.of(SuperviseDissatisfaction.SUPERVISION_DECISION.name(), "CLOSE",
            SuperviseDissatisfaction.SUPERVISION_COMMENT.name(), "受政策所限，予以办结"));
    on(6, 8);
    walk.evaluate(p8, "D");
  }

  private void mzj(String s) {
    // P9: a key motion; class A (面商) delivered 05-28; satisfied; closed as A
    on(3, 2);
    String p9 = driver.submitMotion(s, "关于完善农村养老服务体系的议案");
    ids.put("P9", p9);
    walk.review(p9, "ACCEPT", "KEY");
    walk.assign(p9, "mzj");
    on(3, 3);
    walk.accept(p9, "mzj");
    on(5, 27);
    draft(p9, "mzj", "A", "FACE_TO_FACE", null);
    on(5, 28);
    walk.signOff(p9, "mzj", "APPROVE");
    on(6, 1);
    walk.feedback(p9, "SATISFIED");
    on(6, 3);
    walk.evaluate(p9, "A");

    // P10: class B (座谈) delivered on the deadline 06-02 (on time); basically satisfied; waiting for evaluation
    String p10 = acceptedDrafting("P10", s, "mzj");
    on(6, 1);
    draft(p10, "mzj", "B", "MEETING", LocalDate.of(2026, 12, 31));
    on(6, 2);
    walk.signOff(p10, "mzj", "APPROVE");
    on(6, 5);
    walk.feedback(p10, "BASICALLY_SATISFIED");

    // P11: extension to 06-22 refused; class C by phone delivered 06-05 (late); feedback not given yet
    String p11 = acceptedDrafting("P11", s, "mzj");
    on(5, 25);
    requestExtension(p11, "mzj", "2026-06-22");
    on(5, 26);
    driver.complete("gov-clerk", p11, ApproveExtension.KEY, Map.of(ApproveExtension.EXTENSION_DECISION.name(),
        "REJECT", ApproveExtension.EXTENSION_COMMENT.name(), "理由不充分，请按期答复"));
    on(6, 4);
    draft(p11, "mzj", "C", "PHONE", null);
    on(6, 5);
    walk.signOff(p11, "mzj", "APPROVE");

    // P12: assigned 05-06 (due 08-06), drafting: open, not overdue
    on(5, 6);
    String p12 = suggestion("P12", s);
    walk.assign(p12, "mzj");
    on(5, 7);
    walk.accept(p12, "mzj");

    // P18: assigned 07-01 with co-agency fy, accepted 07-02: fy's co-opinion open (due 08-03)
    on(7, 1);
    String p18 = suggestion("P18", s);
    walk.assign(p18, "mzj", "fy");
    on(7, 2);
    walk.accept(p18, "mzj");
  }

  private void jtj(String s) {
    // P13: co-agency sfj in time; class A (走访) delivered 03-30; satisfied; closed as A
    String p13 = assigned("P13", s, "jtj", "sfj");
    on(3, 3);
    walk.accept(p13, "jtj");
    on(3, 16);
    walk.coOpinion(p13, "sfj");
    on(3, 27);
    draft(p13, "jtj", "A", "VISIT", null);
    on(3, 30);
    walk.signOff(p13, "jtj", "APPROVE");
    on(4, 2);
    walk.feedback(p13, "SATISFIED");
    on(4, 8);
    walk.evaluate(p13, "A");

    // P14: co-agency sfj late; class A by phone delivered 05-15; satisfied; closed as A
    String p14 = assigned("P14", s, "jtj", "sfj");
    on(3, 3);
    walk.accept(p14, "jtj");
    driver.fire(driver.jobs(p14, "Timer_CoOpinionDeadline").get(0));
    on(5, 14);
    draft(p14, "jtj", "A", "PHONE", null);
    on(5, 15);
    walk.signOff(p14, "jtj", "APPROVE");
    on(5, 18);
    walk.feedback(p14, "SATISFIED");
    on(5, 20);
    walk.evaluate(p14, "A");

    // P15: assigned 07-17, not yet accepted: open, not overdue
    on(7, 17);
    String p15 = suggestion("P15", s);
    walk.assign(p15, "jtj");

    // P16: a key motion; class B in writing delivered 06-03 (late), planned 10-30; no feedback; following up
    on(3, 2);
    String p16 = driver.submitMotion(s, "关于加快海岛客运码头改造的议案");
    ids.put("P16", p16);
    walk.review(p16, "ACCEPT", "KEY");
    walk.assign(p16, "jtj");
    on(3, 3);
    walk.accept(p16, "jtj");
    on(6, 2);
    draft(p16, "jtj", "B", "WRITTEN", LocalDate.of(2026, 10, 30));
    on(6, 3);
    walk.signOff(p16, "jtj", "APPROVE");
    driver.fire(p16, "Timer_FeedbackWindow");
    walk.evaluate(p16, "B");

    // P17: co-agency fy in time; drafted 07-10, waiting for sign-off: overdue since 06-02
    String p17 = assigned("P17", s, "jtj", "fy");
    on(3, 3);
    walk.accept(p17, "jtj");
    on(3, 20);
    walk.coOpinion(p17, "fy");
    on(7, 10);
    draft(p17, "jtj", "A", "FACE_TO_FACE", null);

    // P23: jtj gives it back on 03-03; waiting for the government office to assign it again
    String p23 = assigned("P23", s, "jtj");
    on(3, 3);
    driver.complete("jtj-handler", p23, AcceptAssignment.KEY, Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(),
        "DISPUTE", AcceptAssignment.DISPUTE_REASON.name(), "不属于本单位职责"));
  }

  private void notAssigned(String s) {
    // P22: rejected at review; P24: waiting for review
    on(3, 2);
    String p22 = driver.submitSuggestion(s, "关于调整本届会议议程的建议");
    ids.put("P22", p22);
    walk.review(p22, "REJECT", "NORMAL");
    ids.put("P24", driver.submitSuggestion(s, "关于增设公交站点的建议"));
  }

  private void other(String s) {
    // the same agencies in another session: none of it may show in the main session's figures
    String p19 = acceptedDrafting("P19", s, "zfw");
    on(4, 10);
    draft(p19, "zfw", "A", "PHONE", null);
    walk.signOff(p19, "zfw", "APPROVE");
    acceptedDrafting("P20", s, "sfj");
    String p21 = assigned("P21", s, "mzj", "fy");
    on(3, 3);
    walk.accept(p21, "mzj");
    walk.coOpinion(p21, "fy");
  }

  /** Submitted, accepted and assigned on 03-02. */
  private String assigned(String name, String s, String lead, String... coAgencies) {
    on(3, 2);
    String id = suggestion(name, s);
    walk.assign(id, lead, coAgencies);
    return id;
  }

  /** Assigned on 03-02 without co-agencies and accepted on 03-03: drafting. */
  private String acceptedDrafting(String name, String s, String lead) {
    String id = assigned(name, s, lead);
    on(3, 3);
    walk.accept(id, lead);
    return id;
  }

  private String suggestion(String name, String s) {
    String id = driver.submitSuggestion(s, "关于改进" + name + "相关工作的建议");
    ids.put(name, id);
    walk.review(id, "ACCEPT", "NORMAL");
    return id;
  }

  private void draft(String id, String lead, String classification, String method, LocalDate planned) {
    Map<String, Object> reply = Walk.reply(classification, planned);
    reply.put(DraftReply.COMMUNICATION_METHOD.name(), method);
    driver.complete(lead + "-handler", id, DraftReply.KEY, reply);
  }

  private void requestExtension(String id, String lead, String until) {
    driver.complete(lead + "-handler", id, DraftReply.KEY, Map.of(DraftReply.DRAFT_ACTION.name(), "REQUEST_EXTENSION",
        DraftReply.EXTENSION_REASON.name(), "需财政预算调整后方能答复", DraftReply.EXTENSION_UNTIL.name(), until));
  }

  private void on(int month, int day) {
    driver.today(LocalDate.of(2026, month, day));
  }
}
