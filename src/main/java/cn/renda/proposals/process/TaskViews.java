package cn.renda.proposals.process;

import static cn.renda.proposals.process.ProcessVariables.*;

import cn.renda.proposals.agency.Agency;
import cn.renda.proposals.agency.AgencyDirectory;
import cn.renda.proposals.calendar.CalendarProperties;
import cn.renda.proposals.identity.DeputyDirectory;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.RecordDetails;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * What each Tasklist form shows read-only: a presentation snapshot of the proposal's record, taken when the task is
 * created ({@link TaskPreparation}) and stored as <b>task-local</b> variables, because a Camunda Form can only show
 * variables.
 *
 * <p>These variables are presentation only. The record is the source of truth; the process never reads them, no
 * gateway or listener depends on them, and they vanish with the task. A snapshot can be older than the record (a
 * task open for weeks shows the record as it was when the task was created), which is why nothing may decide on it.
 *
 * <p>Each task gets exactly the views its form shows ({@link #VIEWS}), every one of them set (an empty text when there
 * is nothing to show, which the form hides). Being local, a view never leaks to another task: in particular a
 * co-agency's task never carries the co-opinions of the other co-agencies, which only the lead agency's drafting and
 * sign-off tasks show.
 */
@Component
public class TaskViews {

  private static final List<String> PROPOSAL = List.of(
      PROPOSAL_TITLE, PROPOSAL_CONTENT, PROPOSAL_KIND_LABEL, PRIORITY_LABEL, CASE_NUMBER_TEXT, DEPUTY_NAMES);
  private static final List<String> ASSIGNMENT = List.of(LEAD_AGENCY_NAME, CO_AGENCY_NAMES, REPLY_DUE_TEXT);
  // before review there is neither a case number nor a priority to show
  private static final List<String> SUBMISSION = List.of(PROPOSAL_TITLE, PROPOSAL_CONTENT, PROPOSAL_KIND_LABEL,
      DEPUTY_NAMES);

  /** The views of each user task, by task definition key. */
  public static final Map<String, List<String>> VIEWS = Map.ofEntries(
      Map.entry(ProposalProcess.REVIEW_PROPOSAL, SUBMISSION),
      Map.entry(ProposalProcess.ASSIGN_AGENCIES, with(PROPOSAL, ASSIGNMENT, List.of(AGENCY_OPTIONS))),
      Map.entry(ProposalProcess.ACCEPT_ASSIGNMENT, with(PROPOSAL, ASSIGNMENT, List.of(CO_OPINION_DUE_TEXT))),
      Map.entry(ProposalProcess.PROVIDE_CO_OPINION, with(PROPOSAL, ASSIGNMENT, List.of(CO_OPINION_DUE_TEXT))),
      Map.entry(ProposalProcess.DRAFT_REPLY, with(PROPOSAL, ASSIGNMENT,
          List.of(LATEST_REPLY_DUE_TEXT, CO_OPINIONS_SUMMARY, RETURN_COMMENT, FEEDBACK_SUMMARY, EXTENSION_SUMMARY))),
      Map.entry(ProposalProcess.APPROVE_EXTENSION, with(PROPOSAL, ASSIGNMENT, List.of(LATEST_REPLY_DUE_TEXT))),
      Map.entry(ProposalProcess.SIGN_OFF_REPLY, with(PROPOSAL, ASSIGNMENT,
          List.of(REPLY_ISSUER_NAME, CO_OPINIONS_SUMMARY))),
      Map.entry(ProposalProcess.GIVE_FEEDBACK, with(PROPOSAL, ASSIGNMENT, List.of(REPLY_ISSUER_NAME))),
      Map.entry(ProposalProcess.SUPERVISE_DISSATISFACTION, with(PROPOSAL, ASSIGNMENT,
          List.of(REPLY_ISSUER_NAME, FEEDBACK_SUMMARY))),
      Map.entry(ProposalProcess.SUPERVISE_OVERDUE, with(PROPOSAL, ASSIGNMENT, List.of(OVERDUE_SUMMARY))),
      Map.entry(ProposalProcess.EVALUATE_HANDLING, with(PROPOSAL, ASSIGNMENT,
          List.of(REPLY_ISSUER_NAME, FEEDBACK_SUMMARY))),
      Map.entry(ProposalProcess.REPORT_PROGRESS, with(PROPOSAL, ASSIGNMENT, List.of(PROGRESS_HISTORY))));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

  private final ProposalRecords records;
  private final RecordDetails details;
  private final AgencyDirectory agencies;
  private final DeputyDirectory deputies;
  private final Deadlines deadlines;
  private final ZoneId zone;

  public TaskViews(
      ProposalRecords records,
      RecordDetails details,
      AgencyDirectory agencies,
      DeputyDirectory deputies,
      Deadlines deadlines,
      CalendarProperties calendar) {
    this.records = records;
    this.details = details;
    this.agencies = agencies;
    this.deputies = deputies;
    this.deadlines = deadlines;
    this.zone = calendar.zone();
  }

  /** Sets the task's views as task-local variables. */
  public void show(DelegateTask task, ProposalRecord record) {
    views(task.getTaskDefinitionKey(), record).forEach(task::setVariableLocal);
  }

  /** The views of a task of that key on the record as it is now (texts; the agency options as Json). */
  public Map<String, Object> views(String taskKey, ProposalRecord record) {
    Map<String, Object> views = new LinkedHashMap<>();
    for (String name : VIEWS.getOrDefault(taskKey, List.of())) {
      views.put(name, view(name, record));
    }
    return views;
  }

  private Object view(String name, ProposalRecord record) {
    return switch (name) {
      case PROPOSAL_TITLE -> record.title();
      case PROPOSAL_CONTENT -> record.content();
      case PROPOSAL_KIND_LABEL -> record.kind().label()
          + (record.kind() != record.submittedKind() ? "（由" + record.submittedKind().label() + "转为建议）" : "");
      case PRIORITY_LABEL -> record.priority().label();
      case CASE_NUMBER_TEXT -> record.caseNumber() == null
          ? "尚未立案"
          : "第" + record.caseNumber() + "号（" + record.session() + "，" + record.kind().label() + "）";
      case DEPUTY_NAMES -> deputyNames(record);
      case LEAD_AGENCY_NAME -> agencyName(record.leadAgency());
      case CO_AGENCY_NAMES -> record.leadAgency() == null ? "" : coAgencyNames(record);
      case REPLY_ISSUER_NAME -> agencyName(record.replyIssuer());
      case REPLY_DUE_TEXT -> day(record.replyDue());
      case CO_OPINION_DUE_TEXT -> day(record.coOpinionDue());
      case LATEST_REPLY_DUE_TEXT -> record.firstAssignedAt() == null
          ? ""
          : day(deadlines.latestReplyDue(record.firstAssignedAt().atZone(zone).toLocalDate()))
              + "（首次交办之日起六个月）";
      case CO_OPINIONS_SUMMARY -> coOpinions(record);
      case RETURN_COMMENT -> returnComment(record);
      case FEEDBACK_SUMMARY -> feedback(record);
      case EXTENSION_SUMMARY -> extension(record);
      case OVERDUE_SUMMARY -> overdue(record);
      case PROGRESS_HISTORY -> progress(record);
      case AGENCY_OPTIONS -> agencyOptions();
      default -> throw new IllegalStateException("No view named " + name);
    };
  }

  private String deputyNames(ProposalRecord record) {
    String lead = deputies.nameOf(record.leadDeputy()) + "（领衔）";
    if (record.coSigners().isEmpty()) {
      return lead;
    }
    String coSigners = record.coSigners().stream().map(deputies::nameOf).collect(Collectors.joining("、"));
    return lead + "；附议：" + coSigners + "（共 " + record.deputies().size() + " 名代表）";
  }

  private String coAgencyNames(ProposalRecord record) {
    List<String> codes = coAgencyCodes(record);
    return codes.isEmpty() ? "无" : codes.stream().map(this::agencyName).collect(Collectors.joining("、"));
  }

  private List<String> coAgencyCodes(ProposalRecord record) {
    return records.coAgencies(record.id(), record.assignmentRound());
  }

  private String coOpinions(ProposalRecord record) {
    List<String> parts = new ArrayList<>();
    for (RecordDetails.CoOpinion opinion : details.coOpinions(record.id(), record.assignmentRound())) {
      String agency = "【" + agencyName(opinion.agencyCode()) + "】";
      parts.add(switch (opinion.status()) {
        case "SUBMITTED" -> agency + "（" + day(opinion.submittedAt()) + " 提出）\n" + opinion.text();
        case "LATE" -> agency + "超期未提出协办意见";
        default -> agency + "尚未提出协办意见";
      });
    }
    return String.join("\n\n", parts);
  }

  private String returnComment(ProposalRecord record) {
    List<RecordDetails.Reply> round = details.replies(record.id()).stream()
        .filter(reply -> reply.rehandlingRound() == record.rehandlingRound())
        .toList();
    if (round.isEmpty()) {
      return "";
    }
    RecordDetails.Reply last = round.get(round.size() - 1);
    if (!"RETURNED".equals(last.status())) {
      return "";
    }
    return "第" + last.version() + "稿于 " + day(last.signedAt()) + " 被退回：" + orNone(last.signOffComment());
  }

  private String feedback(ProposalRecord record) {
    return details.feedback(record.id()).stream()
        .map(f -> (f.round() == 0 ? "首次答复" : "第" + f.round() + "次重新办理答复") + "：" + f.satisfaction().label()
            + (f.comment() == null || f.comment().isBlank() ? "" : "——" + f.comment()))
        .collect(Collectors.joining("\n"));
  }

  private String extension(ProposalRecord record) {
    return details.latestExtension(record.id())
        .map(e -> "申请延期至 " + day(e.requestedUntil()) + "（原期限 " + day(e.previousDue()) + "），理由：" + e.reason()
            + "\n审批结果：" + switch (e.decision() == null ? "" : e.decision()) {
              case "APPROVE" -> "批准延期";
              case "REJECT" -> "不予延期";
              default -> "待审批";
            } + (e.decisionComment() == null || e.decisionComment().isBlank() ? "" : "——" + e.decisionComment()))
        .orElse("");
  }

  private String overdue(ProposalRecord record) {
    LocalDate due = record.replyDue();
    if (due == null) {
      return "";
    }
    long late = ChronoUnit.DAYS.between(due, deadlines.today());
    return "答复期限 " + day(due) + (late > 0 ? "，已超期 " + late + " 天" : "，今日到期") + "；当前环节："
        + record.status().label() + "；主办单位：" + agencyName(record.leadAgency());
  }

  private String progress(ProposalRecord record) {
    List<RecordDetails.ProgressReport> reports = details.progressReports(record.id());
    if (reports.isEmpty()) {
      return "尚无落实情况报告";
    }
    return reports.stream()
        .map(r -> day(r.reportedAt()) + "（" + (r.resolved() ? "已解决" : "尚未解决") + "）：" + r.report())
        .collect(Collectors.joining("\n\n"));
  }

  private Object agencyOptions() {
    ArrayNode options = JSON.createArrayNode();
    for (Agency agency : agencies.all()) {
      options.addObject().put("label", agency.name()).put("value", agency.code());
    }
    return SpinValues.jsonValue(options.toString()).create();
  }

  private String agencyName(String code) {
    if (code == null) {
      return "";
    }
    return agencies.find(code).map(Agency::name).orElse(code);
  }

  private String day(Instant instant) {
    return instant == null ? "" : day(instant.atZone(zone).toLocalDate());
  }

  private static String day(LocalDate date) {
    if (date == null) {
      return "";
    }
    DayOfWeek weekday = date.getDayOfWeek();
    return DAY.format(date) + "（" + WEEKDAYS[weekday.getValue() - 1] + "）";
  }

  private static String orNone(String text) {
    return text == null || text.isBlank() ? "（未说明）" : text;
  }

  @SafeVarargs
  private static List<String> with(List<String>... parts) {
    return Stream.of(parts).flatMap(List::stream).toList();
  }
}
