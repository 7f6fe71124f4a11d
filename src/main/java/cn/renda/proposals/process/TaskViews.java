package cn.renda.proposals.process;

import cn.renda.proposals.agency.Agency;
import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.proposal.AssignmentRounds;
import cn.renda.proposals.proposal.CoOpinions;
import cn.renda.proposals.proposal.CommunicationMethod;
import cn.renda.proposals.proposal.Extensions;
import cn.renda.proposals.proposal.Feedbacks;
import cn.renda.proposals.proposal.ProgressReports;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.Replies;
import cn.renda.proposals.proposal.ReplyStatus;
import cn.renda.proposals.proposal.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Computes the {@link View}s a task's form shows, from the proposal's record as it is when the form is read
 * ({@link FormViews}; nothing is stored). Each task shows exactly the views of its contract, every one of them set
 * (an empty text when there is nothing to show, which the form hides); a view belongs to its task only: in
 * particular a co-agency's task never shows the co-opinions of the other co-agencies, which only the lead agency's
 * drafting and sign-off tasks show. Nothing may decide on a view: the process reads the record.
 */
@Component
public class TaskViews {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AssignmentRounds rounds;
  private final CoOpinions coOpinions;
  private final Replies replies;
  private final Feedbacks feedbacks;
  private final Extensions extensions;
  private final ProgressReports progressReports;
  private final AgencyDirectory agencies;
  private final Deadlines deadlines;
  private final ZoneId zone;

  public TaskViews(AssignmentRounds rounds, CoOpinions coOpinions, Replies replies, Feedbacks feedbacks,
      Extensions extensions, ProgressReports progressReports, AgencyDirectory agencies, Deadlines deadlines,
      CalendarProperties calendar) {
    this.rounds = rounds;
    this.coOpinions = coOpinions;
    this.replies = replies;
    this.feedbacks = feedbacks;
    this.extensions = extensions;
    this.progressReports = progressReports;
    this.agencies = agencies;
    this.deadlines = deadlines;
    this.zone = calendar.zone();
  }

  /**
   * The views on the record as it is now. Lateness is counted to the day the task was {@code created}, so that a
   * view reads the same until the record changes.
   */
  public Map<View, String> views(List<View> views, ProposalRecord record, Instant created) {
    LocalDate asOf = created == null ? deadlines.today() : created.atZone(zone).toLocalDate();
    Map<View, String> texts = new EnumMap<>(View.class);
    for (View view : views) {
      texts.put(view, text(view, record, asOf));
    }
    return texts;
  }

  private String text(View view, ProposalRecord record, LocalDate asOf) {
    return switch (view) {
      case PROPOSAL_TITLE -> record.title();
      case PROPOSAL_CONTENT -> record.content();
      case PROPOSAL_KIND_LABEL -> record.kind().label()
          + (record.kind() != record.submittedKind() ? "（由" + record.submittedKind().label() + "转为建议）" : "");
      case PRIORITY_LABEL -> record.priority().label();
      case CASE_NUMBER_TEXT -> record.caseNumber() == null
          ? "尚未立案"
          : "第" + record.caseNumber() + "号（" + record.session() + "，" + record.kind().label() + "）";
      case DEPUTY_NAMES -> deputyNames(record);
      case LEAD_AGENCY_NAME -> agencies.nameOf(record.leadAgency());
      case CO_AGENCY_NAMES -> record.leadAgency() == null ? "" : coAgencyNames(record);
      case REPLY_ISSUER_NAME -> agencies.nameOf(record.replyIssuer());
      case REPLY_DUE_TEXT -> Texts.day(record.replyDue());
      case CO_OPINION_DUE_TEXT -> Texts.day(record.coOpinionDue());
      case LATEST_REPLY_DUE_TEXT -> record.firstAssignedAt() == null
          ? ""
          : Texts.day(deadlines.latestReplyDue(record.firstAssignedAt().atZone(zone).toLocalDate()))
              + "（首次交办之日起六个月）";
      case CO_OPINIONS_SUMMARY -> coOpinions(record);
      case RETURN_COMMENT -> returnComment(record);
      case FEEDBACK_SUMMARY -> feedback(record);
      case EXTENSION_SUMMARY -> extension(record);
      case OVERDUE_SUMMARY -> overdue(record, asOf);
      case PROGRESS_HISTORY -> progress(record);
      case AGENCY_OPTIONS -> agencyOptions();
    };
  }

  private static String deputyNames(ProposalRecord record) {
    String lead = record.nameOf(record.leadDeputy()) + "（领衔）";
    if (record.coSigners().isEmpty()) {
      return lead;
    }
    String coSigners = record.coSigners().stream().map(record::nameOf).collect(Collectors.joining("、"));
    return lead + "；附议：" + coSigners + "（共 " + record.deputies().size() + " 名代表）";
  }

  private String coAgencyNames(ProposalRecord record) {
    List<String> codes = rounds.currentCoAgencies(record);
    return codes.isEmpty() ? "无" : codes.stream().map(agencies::nameOf).collect(Collectors.joining("、"));
  }

  private String coOpinions(ProposalRecord record) {
    List<String> parts = new ArrayList<>();
    for (CoOpinions.CoOpinion opinion : coOpinions.of(record.id(), record.assignmentRound())) {
      String agency = "【" + agencies.nameOf(opinion.agencyCode()) + "】";
      parts.add(switch (opinion.status()) {
        case SUBMITTED -> agency + "（" + Texts.day(opinion.submittedAt(), zone) + " 提出）\n" + opinion.text();
        case LATE -> agency + "超期未提出协办意见";
        case OPEN -> agency + "尚未提出协办意见";
      });
    }
    return String.join("\n\n", parts);
  }

  private String returnComment(ProposalRecord record) {
    List<Replies.Reply> round = replies.versions(record.id()).stream()
        .filter(reply -> reply.rehandlingRound() == record.rehandlingRound())
        .toList();
    if (round.isEmpty()) {
      return "";
    }
    Replies.Reply last = round.get(round.size() - 1);
    if (last.status() != ReplyStatus.RETURNED) {
      return "";
    }
    return "第" + last.version() + "稿于 " + Texts.day(last.signedAt(), zone) + " 被退回：" + orNone(last.signOffComment());
  }

  private String feedback(ProposalRecord record) {
    List<Replies.Reply> versions = replies.versions(record.id());
    return feedbacks.of(record.id()).stream()
        .map(f -> (f.round() == 0 ? "首次答复" : "第" + f.round() + "次重新办理答复") + "：" + f.satisfaction().label()
            + (f.comment() == null || f.comment().isBlank() ? "" : "——" + f.comment())
            + communication(f, versions))
        .collect(Collectors.joining("\n"));
  }

  /** The deputy's account of the agency's communication beside the agency's own, and whether they differ. */
  private static String communication(Feedbacks.Feedback feedback, List<Replies.Reply> versions) {
    if (feedback.deputyCommunication() == null) {
      return "";
    }
    CommunicationMethod recorded = versions.stream()
        .filter(reply -> reply.rehandlingRound() == feedback.round() && reply.delivered())
        .reduce((first, second) -> second).map(Replies.Reply::communicationMethod).orElse(null);
    boolean agrees = feedback.deputyCommunication().agreesWith(recorded);
    return "（代表反映答复前的沟通：" + feedback.deputyCommunication().label() + "；承办单位填报："
        + (recorded == null ? "无" : recorded.label()) + (agrees ? "）" : "，二者不一致）");
  }

  private String extension(ProposalRecord record) {
    return extensions.latest(record.id())
        .map(e -> "申请延期至 " + Texts.day(e.requestedUntil()) + "（原期限 " + Texts.day(e.previousDue()) + "），理由："
            + e.reason() + "\n审批结果：" + (e.decision() == null ? "待审批" : e.decision().label())
            + (e.decisionComment() == null || e.decisionComment().isBlank() ? "" : "——" + e.decisionComment()))
        .orElse("");
  }

  private String overdue(ProposalRecord record, LocalDate asOf) {
    LocalDate due = record.replyDue();
    if (due == null) {
      return "";
    }
    long late = ChronoUnit.DAYS.between(due, asOf);
    return "答复期限 " + Texts.day(due) + (late > 0 ? "，已超期 " + late + " 天" : "，今日到期") + "；当前环节："
        + record.status().label() + "；主办单位：" + agencies.nameOf(record.leadAgency());
  }

  private String progress(ProposalRecord record) {
    List<ProgressReports.ProgressReport> reports = progressReports.of(record.id());
    if (reports.isEmpty()) {
      return "尚无落实情况报告";
    }
    return reports.stream()
        .map(r -> Texts.day(r.reportedAt(), zone) + "（" + (r.resolved() ? "已解决" : "尚未解决") + "）：" + r.report())
        .collect(Collectors.joining("\n\n"));
  }

  private String agencyOptions() {
    ArrayNode options = JSON.createArrayNode();
    for (Agency agency : agencies.all()) {
      options.addObject().put("label", agency.name()).put("value", agency.code());
    }
    return options.toString();
  }

  private static String orNone(String text) {
    return text == null || text.isBlank() ? "（未说明）" : text;
  }

}
