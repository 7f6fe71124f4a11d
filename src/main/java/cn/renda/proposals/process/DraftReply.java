package cn.renda.proposals.process;

import static cn.renda.proposals.process.Answer.Retention.DECISION;

import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.process.Decisions.DraftAction;
import cn.renda.proposals.proposal.Classification;
import cn.renda.proposals.proposal.CommunicationMethod;
import cn.renda.proposals.proposal.Extensions;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRules;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.proposal.Replies;
import cn.renda.proposals.proposal.ReplyDraft;
import cn.renda.proposals.proposal.Texts;
import cn.renda.proposals.web.Violations;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * 答复拟稿: a reply version for sign-off, or a request for more time (延期申请). No reply reaches sign-off without the
 * communication with the deputy recorded; a B reply needs the date by which the promise will be kept. The reply's
 * answers stay in the process: sign-off, feedback and evaluation show them, and a redraft starts from them.
 */
@Component(DraftReply.KEY)
public class DraftReply extends TaskContract {

  public static final String KEY = "draftReply";
  public static final Variable<DraftAction> DRAFT_ACTION = Variable.choice("draftAction", DraftAction.class);
  public static final Variable<String> REPLY_TEXT = Variable.text("replyText");
  public static final Variable<Classification> CLASSIFICATION = Variable.choice("classification", Classification.class);
  public static final Variable<CommunicationMethod> COMMUNICATION_METHOD =
      Variable.choice("communicationMethod", CommunicationMethod.class);
  public static final Variable<String> CONTACT_PERSON = Variable.text("contactPerson");
  public static final Variable<String> CONTACT_PHONE = Variable.text("contactPhone");
  public static final Variable<Boolean> PUBLISHABLE = Variable.flag("publishable");
  public static final Variable<LocalDate> PLANNED_RESOLUTION_DATE = Variable.date("plannedResolutionDate");
  public static final Variable<String> EXTENSION_REASON = Variable.text("extensionReason");
  public static final Variable<LocalDate> EXTENSION_UNTIL = Variable.date("extensionUntil");

  private static final Condition SUBMITTING = Condition.isNot(DRAFT_ACTION, DraftAction.REQUEST_EXTENSION);
  private static final Condition ASKING_FOR_TIME = Condition.is(DRAFT_ACTION, DraftAction.REQUEST_EXTENSION);

  private final Replies replies;
  private final Extensions extensions;
  private final Deadlines deadlines;
  private final ZoneId zone;

  public DraftReply(Support support, Replies replies, Extensions extensions, Deadlines deadlines,
      CalendarProperties calendar) {
    super(support, Spec.task(KEY)
        .candidates(Candidates.LEAD_AGENCY)
        .waitsIn(record -> record.rehandlingRound() > 0 ? ProposalStatus.REHANDLING : ProposalStatus.DRAFTING)
        .answers(
            Answer.of(DRAFT_ACTION, "提交签发或申请延期").orElse(DraftAction.SUBMIT).retained(DECISION),
            Answer.of(REPLY_TEXT, "答复正文").required().max(ProposalRules.REPLY_MAX).appliesWhen(SUBMITTING),
            Answer.of(CLASSIFICATION, "类别标记（A/B/C/D）").required().appliesWhen(SUBMITTING),
            Answer.of(COMMUNICATION_METHOD, "沟通方式").appliesWhen(SUBMITTING)
                .required("communication-required", "答复前须与代表沟通，请填写沟通方式",
                    "the communication with the deputy must be recorded before the reply goes to sign-off"),
            Answer.of(CONTACT_PERSON, "联系人").max(ProposalRules.CONTACT_PERSON_MAX).appliesWhen(SUBMITTING),
            Answer.of(CONTACT_PHONE, "联系电话").matching(ProposalRules.PHONE).appliesWhen(SUBMITTING),
            Answer.of(PUBLISHABLE, "可以公开").appliesWhen(SUBMITTING),
            Answer.of(PLANNED_RESOLUTION_DATE, "计划解决日期")
                .appliesWhen(Condition.is(CLASSIFICATION, Classification.B))
                .required("required-for-b", "类别标记为B时须填写计划解决日期", "a B reply needs the planned resolution date"),
            Answer.of(EXTENSION_REASON, "延期理由").required().max(ProposalRules.COMMENT_MAX)
                .appliesWhen(ASKING_FOR_TIME),
            Answer.of(EXTENSION_UNTIL, "申请延期至").required().appliesWhen(ASKING_FOR_TIME))
        .views(View.proposalAndAssignment(View.LATEST_REPLY_DUE_TEXT, View.CO_OPINIONS_SUMMARY, View.RETURN_COMMENT,
            View.FEEDBACK_SUMMARY, View.EXTENSION_SUMMARY)));
    this.replies = replies;
    this.extensions = extensions;
    this.deadlines = deadlines;
    this.zone = calendar.zone();
  }

  @Override
  protected void complete(Completion completion) {
    if (completion.get(DRAFT_ACTION) == DraftAction.REQUEST_EXTENSION) {
      requestExtension(completion);
      return;
    }
    Classification classification = completion.get(CLASSIFICATION);
    LocalDate planned = completion.get(PLANNED_RESOLUTION_DATE);
    LocalDate today = deadlines.today();
    if (planned != null && !planned.isAfter(today)) {
      completion.violations().add(PLANNED_RESOLUTION_DATE.name(), "future",
          "计划解决日期须晚于今天（" + Texts.day(today) + "）", "plannedResolutionDate must be after today (" + today + ")");
    }
    completion.refuseIfAny();
    replies.draft(completion.id(),
        new ReplyDraft(completion.get(REPLY_TEXT), classification, completion.get(COMMUNICATION_METHOD),
            completion.get(CONTACT_PERSON), completion.get(CONTACT_PHONE),
            Boolean.TRUE.equals(completion.get(PUBLISHABLE)), classification == Classification.B ? planned : null),
        completion.actor());
  }

  /** More time, up to six months from the first assignment, on a working day. */
  private void requestExtension(Completion completion) {
    ProposalRecord record = completion.record();
    LocalDate until = completion.get(EXTENSION_UNTIL);
    Violations v = completion.violations();
    LocalDate latest = deadlines.latestReplyDue(record.firstAssignedAt().atZone(zone).toLocalDate());
    if (!until.isAfter(record.replyDue())) {
      v.add(EXTENSION_UNTIL.name(), "not-later", "申请的日期须晚于当前答复期限（" + Texts.day(record.replyDue()) + "）",
          "extensionUntil must be after the current reply deadline (" + record.replyDue() + ")");
    } else if (deadlines.onWorkingDay(until).isAfter(latest)) {
      v.add(EXTENSION_UNTIL.name(), "too-late", "答复期限最迟为首次交办之日起六个月（" + Texts.day(latest) + "）",
          "the reply deadline cannot be later than six months after the first assignment (" + latest + ")");
    }
    completion.refuseIfAny();
    extensions.request(completion.id(), completion.get(EXTENSION_REASON), deadlines.onWorkingDay(until),
        completion.actor());
  }
}
