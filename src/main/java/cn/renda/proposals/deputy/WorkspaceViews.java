package cn.renda.proposals.deputy;

import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.process.ConfirmCoSignature;
import cn.renda.proposals.process.Deadlines;
import cn.renda.proposals.process.DecideShortMotion;
import cn.renda.proposals.process.DeputyTasks;
import cn.renda.proposals.process.GiveFeedback;
import cn.renda.proposals.proposal.CoSignatureAnswer;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.proposal.ProposalViews;
import cn.renda.proposals.proposal.Texts;
import cn.renda.proposals.web.Problem;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What the workspace's pages show, in the deputies' words: the status as a sentence about who does what now, the
 * days left until the reply is due, the co-signers' answers, the public course of the proposal and its delivered
 * replies. Built from the record as our API gives it to a deputy, so a deputy's page never shows what the API would
 * not (drafts, co-opinions, dispute reasons and internal comments are not in it).
 */
@Component
class WorkspaceViews {

  /** A proposal in the list. */
  record Row(String id, String name, String role, String status, String step, String leadAgency,
      String coAgencies, String replyDue, String daysLeft, boolean overdue) {}

  /** A proposal named, with a link. */
  record Link(String id, String name) {}

  record CoSigner(String name, String answer, String answeredAt, String tone) {}

  record Step(String day, String label, String detail) {}

  record Reply(String heading, String issuer, String date, String classification, String contact, String text) {}

  record Feedback(String heading, String satisfaction, String comment, String communication) {}

  /** A task of the deputy's on this proposal, with its due day. */
  record Action(String key, String due) {}

  /** A proposal's page. */
  record Page(String id, String name, String kind, String session, String status, String step, String leadDeputy,
      boolean lead, String submittedAt, String content, String leadAgency, String coAgencies, String replyDue,
      String daysLeft, boolean overdue, String coSigningDue, String rejection, List<CoSigner> coSigners,
      int standing, List<Reply> replies, List<Feedback> feedback, List<Step> timeline, Action confirm,
      Action shortMotion, Action feedbackTask, boolean withdrawable) {}

  /** What the submission form holds (kept on refusal). */
  record SubmissionForm(String kind, String session, String title, String content, List<String> coSigners) {}

  /** A refusal of a field, in Chinese. */
  record Error(String field, String message) {}

  private final Deadlines deadlines;
  private final ZoneId zone;

  WorkspaceViews(Deadlines deadlines, CalendarProperties calendar) {
    this.deadlines = deadlines;
    this.zone = calendar.zone();
  }

  String name(ProposalRecords.Headline headline) {
    return Texts.proposal(headline);
  }

  Row row(ProposalViews.Detail detail, String deputy, Date coSigningEnds) {
    ProposalStatus status = ProposalStatus.valueOf(detail.status().code());
    boolean owed = status.replyOwed() && detail.replyDue() != null;
    return new Row(detail.id(), name(detail), detail.leadDeputy().id().equals(deputy) ? "领衔" : "附议",
        statusWords(status), step(detail, status, coSigningEnds), lead(detail), coAgencies(detail),
        owed ? Texts.day(detail.replyDue()) : null, owed ? daysLeft(detail.replyDue()) : null,
        owed && detail.overdue());
  }

  Page proposal(ProposalViews.Detail detail, String deputy, List<DeputyTasks.Open> open, Date coSigningEnds) {
    ProposalStatus status = ProposalStatus.valueOf(detail.status().code());
    boolean lead = detail.leadDeputy().id().equals(deputy);
    boolean owed = status.replyOwed() && detail.replyDue() != null;
    List<CoSigner> coSigners = detail.coSignatures().stream()
        .map(signature -> new CoSigner(signature.deputy().name(), signature.answer().label(),
            signature.answeredAt() == null ? "" : Texts.day(signature.answeredAt(), zone),
            tone(CoSignatureAnswer.valueOf(signature.answer().code()))))
        .toList();
    int standing = 1 + (int) detail.coSignatures().stream()
        .filter(signature -> CoSignatureAnswer.valueOf(signature.answer().code()).counts()).count();
    List<Reply> replies = detail.replies().stream()
        .map(reply -> new Reply("第" + reply.version() + "稿答复" + (reply.rehandlingRound() > 0 ? "（重新办理）" : ""),
            reply.issuer() == null ? "" : reply.issuer().name(),
            reply.replyDate() == null ? "" : Texts.day(reply.replyDate()),
            reply.classification() == null ? "" : reply.classification().code() + "类："
                + reply.classification().label(),
            reply.contactPerson() == null ? "" : reply.contactPerson()
                + (reply.contactPhone() == null ? "" : "，联系电话：" + reply.contactPhone()),
            reply.text()))
        .toList();
    List<Feedback> feedback = detail.feedback().stream()
        .map(f -> new Feedback(f.round() == 0 ? "对答复的评价" : "对重新办理答复的评价", f.satisfaction().label(),
            f.comment(), f.deputyCommunication() == null ? null : f.deputyCommunication().label()))
        .toList();
    List<Step> timeline = detail.timeline().stream()
        .map(entry -> new Step(Texts.day(entry.at(), zone), entry.label(), entry.detail()))
        .toList();
    return new Page(detail.id(), name(detail), detail.kind().label(), detail.session(), statusWords(status),
        step(detail, status, coSigningEnds), detail.leadDeputy().name(), lead, Texts.day(detail.submittedAt(), zone),
        detail.content(), lead(detail), coAgencies(detail), owed ? Texts.day(detail.replyDue()) : null,
        owed ? daysLeft(detail.replyDue()) : null, owed && detail.overdue(),
        coSigningEnds == null ? null : day(coSigningEnds),
        status == ProposalStatus.REJECTED ? detail.reviewComment() : null, coSigners, standing, replies, feedback,
        timeline, action(open, ConfirmCoSignature.KEY), action(open, DecideShortMotion.KEY),
        lead ? action(open, GiveFeedback.KEY) : null,
        // while the short motion's choice is open, its own form offers the withdrawal
        lead && status.withdrawable() && status != ProposalStatus.SHORT_OF_CO_SIGNERS);
  }

  /** The refusals, each in Chinese, with the co-signer named where a co-signer is at fault. */
  List<Error> errors(List<Problem.FieldError> errors, List<String> coSigners, Map<String, String> names) {
    return errors.stream().map(error -> {
      String message = error.messageZh();
      if (error.field() != null && error.field().startsWith("coSigners[")) {
        try {
          int index = Integer.parseInt(error.field().substring(10, error.field().indexOf(']')));
          String id = index < coSigners.size() ? coSigners.get(index) : null;
          if (id != null && names.containsKey(id)) {
            message = message.replace("：" + id, "：" + names.get(id) + "（" + id + "）");
          }
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
          // not an indexed field after all: the message as it is
        }
      }
      return new Error(error.field(), message);
    }).toList();
  }

  private static String name(ProposalViews.Detail detail) {
    return detail.kind().label() + (detail.caseNumber() == null ? "" : "第" + detail.caseNumber() + "号")
        + "《" + detail.title() + "》";
  }

  private String daysLeft(LocalDate due) {
    long days = ChronoUnit.DAYS.between(deadlines.today(), due);
    if (days > 0) {
      return "还剩 " + days + " 天";
    }
    return days == 0 ? "今天到期" : "已超期 " + (-days) + " 天";
  }

  private static String lead(ProposalViews.Detail detail) {
    return detail.agencies().stream().filter(a -> a.role().equals("LEAD")).map(ProposalViews.Assignment::name)
        .findFirst().orElse(null);
  }

  private static String coAgencies(ProposalViews.Detail detail) {
    String names = detail.agencies().stream().filter(a -> !a.role().equals("LEAD"))
        .map(ProposalViews.Assignment::name).collect(Collectors.joining("、"));
    return names.isEmpty() ? null : names;
  }

  /** The status as deputies read it: the internal steps of the agency (extension, sign-off) are "办理中". */
  private static String statusWords(ProposalStatus status) {
    return switch (status) {
      case DRAFTING, EXTENSION_REQUESTED, SIGN_OFF -> "答复办理中";
      default -> status.label();
    };
  }

  /** Who does what now, in a sentence. */
  private String step(ProposalViews.Detail detail, ProposalStatus status, Date coSigningEnds) {
    String lead = lead(detail) == null ? "承办单位" : lead(detail);
    return switch (status) {
      case CO_SIGNING -> "等待附议代表确认" + (coSigningEnds == null ? "" : "，" + day(coSigningEnds) + "截止");
      case SHORT_OF_CO_SIGNERS -> "确认附议的代表不足 10 名，请领衔代表选择改作建议提交或撤回";
      case SUBMITTED -> "县人大常委会办公室审查中";
      case ASSIGNING -> "已立案，等待县人民政府办公室交办";
      case AWAITING_ACCEPTANCE -> "已交办" + lead + "，等待签收";
      case CO_OPINIONS -> lead + "办理中，协办单位正在提出意见";
      case DRAFTING, EXTENSION_REQUESTED, SIGN_OFF -> lead + "正在办理答复";
      case AWAITING_FEEDBACK -> "答复已送达，等待领衔代表评价";
      case REHANDLING -> lead + "正在重新办理";
      case UNDER_SUPERVISION -> "县人大常委会办公室督办审议中";
      case EVALUATION -> "县人大常委会办公室办结评定中";
      case FOLLOW_UP -> lead + "跟踪落实承诺事项";
      case CLOSED -> "已办结";
      case REJECTED -> "经审查不予立案";
      case WITHDRAWN -> "领衔代表已撤回";
    };
  }

  private static String tone(CoSignatureAnswer answer) {
    return switch (answer) {
      case CONFIRMED, ON_PAPER -> "ok";
      case PENDING -> "waiting";
      case DECLINED, NO_ANSWER -> "off";
    };
  }

  private Action action(List<DeputyTasks.Open> open, String key) {
    return open.stream().filter(task -> task.key().equals(key)).findFirst()
        .map(task -> new Action(key, day(task.due())))
        .orElse(null);
  }

  private String day(Date due) {
    return due == null ? "" : Texts.day(due.toInstant(), zone);
  }
}
