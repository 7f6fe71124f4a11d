package cn.renda.proposals.process;

import static cn.renda.proposals.process.ProcessVariables.*;

import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.platform.Actors;
import cn.renda.proposals.proposal.Classification;
import cn.renda.proposals.proposal.CommunicationMethod;
import cn.renda.proposals.proposal.Priority;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ReplyDraft;
import cn.renda.proposals.proposal.Satisfaction;
import cn.renda.proposals.proposal.TimelineAction;
import cn.renda.proposals.web.Violations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The completion of each user task ({@code complete} listeners in the model, {@code ${taskCompletion.…}}): reads the task's variables, applies
 * the business rules and records the decision in the proposal's record, in the transaction of the completion. A
 * refused value aborts the completion with every field at fault, so the task stays open and nothing is stored.
 */
@Component("taskCompletion")
public class TaskCompletion {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProposalRecords records;
  private final AgencyDirectory agencies;
  private final Deadlines deadlines;
  private final Actors actors;
  private final ZoneId zone;

  public TaskCompletion(
      ProposalRecords records,
      AgencyDirectory agencies,
      Deadlines deadlines,
      Actors actors,
      CalendarProperties calendar) {
    this.records = records;
    this.agencies = agencies;
    this.deadlines = deadlines;
    this.actors = actors;
    this.zone = calendar.zone();
  }


  // The model refers to these listeners as ${taskCompletion.review} etc. (delegate expressions): a listener invoked
  // that way throws its refusal to the caller as is, where a method expression would wrap it into a generic error.

  public TaskListener getReview() {
    return completing(this::review);
  }

  public TaskListener getAssign() {
    return completing(this::assign);
  }

  public TaskListener getAcceptAssignment() {
    return completing(this::acceptAssignment);
  }

  public TaskListener getCoOpinion() {
    return completing(this::coOpinion);
  }

  public TaskListener getDraftReply() {
    return completing(this::draftReply);
  }

  public TaskListener getApproveExtension() {
    return completing(this::approveExtension);
  }

  public TaskListener getSignOff() {
    return completing(this::signOff);
  }

  public TaskListener getFeedback() {
    return completing(this::feedback);
  }

  public TaskListener getSuperviseDissatisfaction() {
    return completing(this::superviseDissatisfaction);
  }

  public TaskListener getSuperviseOverdue() {
    return completing(this::superviseOverdue);
  }

  public TaskListener getEvaluate() {
    return completing(this::evaluate);
  }

  public TaskListener getProgress() {
    return completing(this::progress);
  }

  /** 审查立案: accept (with a case number), convert to a suggestion, or reject with a reason. */
  public void review(DelegateTask task) {
    Violations v = new Violations();
    Decisions.Review decision = decision(task, REVIEW_DECISION, "审查结论", Decisions.Review.class, v);
    String comment = string(task, REVIEW_COMMENT);
    ProposalRules.comment(REVIEW_COMMENT, comment, "审查意见", decision == Decisions.Review.REJECT, ProposalRules.COMMENT_MAX, v);
    Priority priority = choice(task, PRIORITY, Priority.class, v);
    v.throwIfAny();

    String id = proposalId(task);
    forget(task, REVIEW_COMMENT);
    if (decision == Decisions.Review.REJECT) {
      records.reject(id, comment, actors.current());
      return;
    }
    Priority effective = priority == null ? Priority.NORMAL : priority;
    boolean convert = decision == Decisions.Review.CONVERT_TO_SUGGESTION;
    int caseNumber = records.accept(id, convert, effective, comment, actors.current());
    task.setVariable(PRIORITY, effective.name());
    task.setVariable(CASE_NUMBER, caseNumber);
    task.setVariable(KIND, records.get(id).kind().name());
  }

  /**
   * 交办: lead agency, co-agencies (possibly none), issuer (default: the lead agency). The reply deadline is set on
   * the first assignment and kept afterwards unless a new one is given (recorded in the timeline).
   */
  public void assign(DelegateTask task) {
    Violations v = new Violations();
    String lead = string(task, LEAD_AGENCY);
    List<String> coAgencies = codes(task, CO_AGENCIES, v);
    String issuer = string(task, REPLY_ISSUER);
    LocalDate newDeadline = date(task, REPLY_DEADLINE, zone, v);
    ProposalRules.assignment(lead, coAgencies, issuer, agencies::isActive, v);

    String id = proposalId(task);
    ProposalRecord record = records.get(id);
    LocalDate replyDue;
    if (record.replyDue() == null) {
      replyDue = deadlines.firstReplyDue();
      if (newDeadline != null) {
        v.add(REPLY_DEADLINE, "first-assignment", "首次交办的答复期限按规定计算（交办之日起三个月），不能另行指定",
            "the first assignment's reply deadline is fixed (three months); it can only be changed on re-assignment");
      }
    } else if (newDeadline != null) {
      LocalDate latest = deadlines.latestReplyDue(record.firstAssignedAt().atZone(zone).toLocalDate());
      replyDue = deadlines.onWorkingDay(newDeadline);
      if (!newDeadline.isAfter(deadlines.today())) {
        v.add(REPLY_DEADLINE, "future", "新的答复期限须晚于今天", "replyDeadline must be after today");
      } else if (replyDue.isAfter(latest)) {
        v.add(REPLY_DEADLINE, "too-late", "答复期限最迟为首次交办之日起六个月（" + latest + "）",
            "replyDeadline cannot be later than six months after the first assignment (" + latest + ")");
      }
    } else {
      replyDue = record.replyDue();
    }
    v.throwIfAny();

    String effectiveIssuer = issuer == null ? lead : issuer;
    records.assign(id, lead, coAgencies, effectiveIssuer, replyDue, deadlines.coOpinionDue(replyDue), actors.current());
    forget(task, DISPUTE_REASON, REPLY_DEADLINE);
    task.setVariable(LEAD_AGENCY, lead);
    task.setVariable(CO_AGENCIES, SpinValues.jsonValue(JSON.valueToTree(coAgencies).toString()).create());
    task.setVariable(REPLY_ISSUER, effectiveIssuer);
  }

  /** 签收 or 退回 (with the reason). */
  public void acceptAssignment(DelegateTask task) {
    Violations v = new Violations();
    Decisions.Assignment decision = decision(task, ASSIGNMENT_DECISION, "签收或退回", Decisions.Assignment.class, v);
    String reason = string(task, DISPUTE_REASON);
    ProposalRules.comment(DISPUTE_REASON, reason, "退回理由", decision == Decisions.Assignment.DISPUTE,
        ProposalRules.COMMENT_MAX, v);
    v.throwIfAny();
    if (decision == Decisions.Assignment.DISPUTE) {
      records.dispute(proposalId(task), reason, actors.current());
    } else {
      records.acceptAssignment(proposalId(task), false, actors.current());
    }
  }

  /** 协办意见 of one co-agency. */
  public void coOpinion(DelegateTask task) {
    Violations v = new Violations();
    String opinion = string(task, CO_OPINION);
    ProposalRules.comment(CO_OPINION, opinion, "协办意见", true, ProposalRules.OPINION_MAX, v);
    v.throwIfAny();
    records.coOpinion(proposalId(task), string(task, CO_AGENCY), opinion, actors.current());
  }

  /** 答复拟稿: a reply version for sign-off, or a request for more time (延期申请). */
  public void draftReply(DelegateTask task) {
    Violations v = new Violations();
    Decisions.DraftAction action = choice(task, DRAFT_ACTION, Decisions.DraftAction.class, v);
    String id = proposalId(task);
    if (action == Decisions.DraftAction.REQUEST_EXTENSION) {
      requestExtension(task, id, v);
      return;
    }
    String text = string(task, REPLY_TEXT);
    Classification classification = choice(task, CLASSIFICATION, Classification.class, v);
    CommunicationMethod communication = choice(task, COMMUNICATION_METHOD, CommunicationMethod.class, v);
    String contactPerson = string(task, CONTACT_PERSON);
    String contactPhone = string(task, CONTACT_PHONE);
    boolean publishable = bool(task, PUBLISHABLE, false, v);
    LocalDate planned = date(task, PLANNED_RESOLUTION_DATE, zone, v);
    ProposalRules.reply(text, classification, communication, contactPerson, contactPhone, planned, deadlines.today(), v);
    v.throwIfAny();
    records.draftReply(id,
        new ReplyDraft(text, classification, communication, contactPerson, contactPhone, publishable,
            classification == Classification.B ? planned : null),
        actors.current());
    task.setVariable(DRAFT_ACTION, Decisions.DraftAction.SUBMIT.name());
  }

  private void requestExtension(DelegateTask task, String id, Violations v) {
    String reason = string(task, EXTENSION_REASON);
    LocalDate until = date(task, EXTENSION_UNTIL, zone, v);
    ProposalRules.comment(EXTENSION_REASON, reason, "延期理由", true, ProposalRules.COMMENT_MAX, v);
    ProposalRecord record = records.get(id);
    if (v.required(EXTENSION_UNTIL, until, "申请延期至") && !v.has(EXTENSION_UNTIL)) {
      LocalDate latest = deadlines.latestReplyDue(record.firstAssignedAt().atZone(zone).toLocalDate());
      if (!until.isAfter(record.replyDue())) {
        v.add(EXTENSION_UNTIL, "not-later", "申请的日期须晚于当前答复期限（" + record.replyDue() + "）",
            "extensionUntil must be after the current reply deadline (" + record.replyDue() + ")");
      } else if (deadlines.onWorkingDay(until).isAfter(latest)) {
        v.add(EXTENSION_UNTIL, "too-late", "答复期限最迟为首次交办之日起六个月（" + latest + "）",
            "the reply deadline cannot be later than six months after the first assignment (" + latest + ")");
      }
    }
    v.throwIfAny();
    records.requestExtension(id, reason, deadlines.onWorkingDay(until), actors.current());
  }

  /** 延期审批 by the government office. */
  public void approveExtension(DelegateTask task) {
    Violations v = new Violations();
    Decisions.Extension decision = decision(task, EXTENSION_DECISION, "是否批准延期", Decisions.Extension.class, v);
    String comment = string(task, EXTENSION_COMMENT);
    ProposalRules.comment(EXTENSION_COMMENT, comment, "审批意见", decision == Decisions.Extension.REJECT,
        ProposalRules.COMMENT_MAX, v);
    v.throwIfAny();
    records.decideExtension(proposalId(task), decision == Decisions.Extension.APPROVE, comment, actors.current());
    forget(task, EXTENSION_REASON, EXTENSION_UNTIL, EXTENSION_COMMENT);
  }

  /** 签发 by the lead agency's leader, or return with a comment. */
  public void signOff(DelegateTask task) {
    Violations v = new Violations();
    Decisions.SignOff decision = decision(task, SIGN_OFF_DECISION, "签发结论", Decisions.SignOff.class, v);
    String comment = string(task, SIGN_OFF_COMMENT);
    ProposalRules.comment(SIGN_OFF_COMMENT, comment, "退回意见", decision == Decisions.SignOff.RETURN,
        ProposalRules.COMMENT_MAX, v);
    v.throwIfAny();
    records.signOff(proposalId(task), decision == Decisions.SignOff.APPROVE, comment, actors.current());
    forget(task, SIGN_OFF_COMMENT);
  }

  /** 代表评价 by the lead deputy. NO_RESPONSE is what silence means; nobody chooses it. */
  public void feedback(DelegateTask task) {
    Violations v = new Violations();
    Satisfaction satisfaction = decision(task, SATISFACTION, "评价意见", Satisfaction.class, v);
    if (satisfaction == Satisfaction.NO_RESPONSE) {
      v.add(SATISFACTION, "choice", "请选择满意、基本满意或不满意", "satisfaction must be SATISFIED, BASICALLY_SATISFIED or DISSATISFIED");
    }
    String comment = string(task, FEEDBACK_COMMENT);
    ProposalRules.comment(FEEDBACK_COMMENT, comment, "评价说明", satisfaction == Satisfaction.DISSATISFIED,
        ProposalRules.COMMENT_MAX, v);
    v.throwIfAny();
    records.feedback(proposalId(task), satisfaction, comment, actors.current());
  }

  /** 督办审议 after a repeated dissatisfied feedback. */
  public void superviseDissatisfaction(DelegateTask task) {
    Violations v = new Violations();
    Decisions.Supervision decision = decision(task, SUPERVISION_DECISION, "督办审议结论", Decisions.Supervision.class, v);
    String comment = string(task, SUPERVISION_COMMENT);
    ProposalRules.comment(SUPERVISION_COMMENT, comment, "审议意见", true, ProposalRules.COMMENT_MAX, v);
    v.throwIfAny();
    records.superviseDissatisfaction(proposalId(task), decision == Decisions.Supervision.ANOTHER_ROUND, comment,
        actors.current());
    forget(task, SUPERVISION_COMMENT);
  }

  /** 超期督办: what the supervisors did about the overdue work. */
  public void superviseOverdue(DelegateTask task) {
    Violations v = new Violations();
    String note = string(task, SUPERVISION_NOTE);
    ProposalRules.comment(SUPERVISION_NOTE, note, "督办情况", true, ProposalRules.COMMENT_MAX, v);
    v.throwIfAny();
    records.timeline(proposalId(task), actors.current(), TimelineAction.SUPERVISED, note);
    forget(task, SUPERVISION_NOTE);
  }

  /** 办结评定 by the congress office. */
  public void evaluate(DelegateTask task) {
    Violations v = new Violations();
    Classification classification = decision(task, FINAL_CLASSIFICATION, "评定类别标记", Classification.class, v);
    String comment = string(task, EVALUATION_COMMENT);
    ProposalRules.comment(EVALUATION_COMMENT, comment, "评定意见", false, ProposalRules.COMMENT_MAX, v);
    v.throwIfAny();
    records.evaluate(proposalId(task), classification, comment, actors.current());
    forget(task, EVALUATION_COMMENT);
  }

  /** 跟踪落实: a progress report, and whether the promise is kept. */
  public void progress(DelegateTask task) {
    Violations v = new Violations();
    String report = string(task, PROGRESS_REPORT);
    ProposalRules.comment(PROGRESS_REPORT, report, "落实情况", true, ProposalRules.OPINION_MAX, v);
    boolean resolved = bool(task, RESOLVED, false, v);
    v.throwIfAny();
    records.progressReport(proposalId(task), report, resolved, actors.current());
    task.setVariable(RESOLVED, resolved);
  }

  /**
   * Wraps a completion listener: a task whose execution has just ended (someone completed the same task a moment
   * before, in a transaction that committed while this one ran) is a conflict, not input to validate — the engine
   * would otherwise drop the submitted variables and the rules would report them missing.
   */
  private static TaskListener completing(TaskListener listener) {
    return task -> {
      if (task.getExecution() == null) {
        throw new OptimisticLockingException("Task " + task.getId() + " was completed concurrently");
      }
      listener.notify(task);
    };
  }

  /** A required decision: one of the enum's names. */
  private static <E extends Enum<E>> E decision(
      DelegateTask task, String name, String nameZh, Class<E> type, Violations violations) {
    violations.required(name, string(task, name), nameZh);
    return choice(task, name, type, violations);
  }

  /**
   * Comments and reasons live in the record once recorded; the process keeps only decisions. Removing them also keeps
   * internal remarks (a dispute reason, a leader's return comment, an extension request …) out of reach of everyone
   * who may read the process's variables through a later task — the deputy giving feedback in particular.
   */
  private static void forget(DelegateTask task, String... names) {
    for (String name : names) {
      task.removeVariable(name);
    }
  }
}
