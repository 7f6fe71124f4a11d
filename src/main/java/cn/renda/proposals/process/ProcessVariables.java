package cn.renda.proposals.process;

import cn.renda.proposals.web.Violations;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The variables of {@code proposal-handling}: their names (DESIGN.md, "The lifecycle") and typed reading. No other
 * class spells a variable name. Values arrive from Tasklist forms (strings, booleans, Json arrays), from the engine
 * REST API (typed or as strings) and from Java; each reader accepts all of these and reports a wrong value as a
 * field error instead of failing.
 */
public final class ProcessVariables {

  // start form (Tasklist): the submission, moved into the record and then removed from the process
  public static final String TITLE = "title";
  public static final String CONTENT = "content";
  public static final String CO_SIGNERS = "coSigners";
  // set at start
  public static final String PROPOSAL_ID = "proposalId";
  public static final String LEAD_DEPUTY = "leadDeputy";
  public static final String KIND = "kind";
  public static final String SESSION = "session";
  public static final String PRIORITY = "priority";
  public static final String CASE_NUMBER = "caseNumber";
  // reviewProposal
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REVIEW_COMMENT = "reviewComment";
  // assignAgencies
  public static final String LEAD_AGENCY = "leadAgency";
  public static final String CO_AGENCIES = "coAgencies";
  public static final String REPLY_ISSUER = "replyIssuer";
  public static final String REPLY_DEADLINE = "replyDeadline";
  // acceptAssignment
  public static final String ASSIGNMENT_DECISION = "assignmentDecision";
  public static final String DISPUTE_REASON = "disputeReason";
  // provideCoOpinion (coAgency is the multi-instance element variable)
  public static final String CO_AGENCY = "coAgency";
  public static final String CO_OPINION = "coOpinion";
  // draftReply
  public static final String DRAFT_ACTION = "draftAction";
  public static final String REPLY_TEXT = "replyText";
  public static final String CLASSIFICATION = "classification";
  public static final String COMMUNICATION_METHOD = "communicationMethod";
  public static final String CONTACT_PERSON = "contactPerson";
  public static final String CONTACT_PHONE = "contactPhone";
  public static final String PUBLISHABLE = "publishable";
  public static final String PLANNED_RESOLUTION_DATE = "plannedResolutionDate";
  public static final String EXTENSION_REASON = "extensionReason";
  public static final String EXTENSION_UNTIL = "extensionUntil";
  // approveExtension
  public static final String EXTENSION_DECISION = "extensionDecision";
  public static final String EXTENSION_COMMENT = "extensionComment";
  // signOffReply
  public static final String SIGN_OFF_DECISION = "signOffDecision";
  public static final String SIGN_OFF_COMMENT = "signOffComment";
  // giveFeedback
  public static final String SATISFACTION = "satisfaction";
  public static final String FEEDBACK_COMMENT = "feedbackComment";
  public static final String REHANDLING_ROUND = "rehandlingRound";
  // superviseDissatisfaction
  public static final String SUPERVISION_DECISION = "supervisionDecision";
  public static final String SUPERVISION_COMMENT = "supervisionComment";
  // superviseOverdue
  public static final String SUPERVISION_NOTE = "supervisionNote";
  // evaluateHandling
  public static final String FINAL_CLASSIFICATION = "finalClassification";
  public static final String EVALUATION_COMMENT = "evaluationComment";
  // reportProgress
  public static final String PROGRESS_REPORT = "progressReport";
  public static final String RESOLVED = "resolved";
  // escalation sub-processes (local)
  public static final String ALERT_RAISED = "alertRaised";

  // task views: task-local presentation snapshots for the Tasklist forms, set by TaskViews. The process never
  // reads them; the record is the source of truth.
  public static final String PROPOSAL_TITLE = "proposalTitle";
  public static final String PROPOSAL_CONTENT = "proposalContent";
  public static final String PROPOSAL_KIND_LABEL = "proposalKindLabel";
  public static final String PRIORITY_LABEL = "priorityLabel";
  public static final String CASE_NUMBER_TEXT = "caseNumberText";
  public static final String DEPUTY_NAMES = "deputyNames";
  public static final String LEAD_AGENCY_NAME = "leadAgencyName";
  public static final String CO_AGENCY_NAMES = "coAgencyNames";
  public static final String REPLY_ISSUER_NAME = "replyIssuerName";
  public static final String REPLY_DUE_TEXT = "replyDueText";
  public static final String LATEST_REPLY_DUE_TEXT = "latestReplyDueText";
  public static final String CO_OPINION_DUE_TEXT = "coOpinionDueText";
  public static final String CO_OPINIONS_SUMMARY = "coOpinionsSummary";
  public static final String RETURN_COMMENT = "returnComment";
  public static final String FEEDBACK_SUMMARY = "feedbackSummary";
  public static final String EXTENSION_SUMMARY = "extensionSummary";
  public static final String OVERDUE_SUMMARY = "overdueSummary";
  public static final String PROGRESS_HISTORY = "progressHistory";
  public static final String AGENCY_OPTIONS = "agencyOptions";

  /**
   * The answers each user task asks for that stay in the process after its completion (decisions the gateways read,
   * and a few texts). They are cleared when the task is created again (a second sign-off, a second feedback …) so that
   * a completion never carries over an answer of an earlier round. Comments and reasons need no clearing: the
   * completion records them and removes them from the process. Co-opinions are kept apart per co-agency (local to
   * its instance of the multi-instance), so no agency sees another's opinion.
   */
  public static final Map<String, List<String>> ANSWERS = Map.ofEntries(
      Map.entry(ProposalProcess.ACCEPT_ASSIGNMENT, List.of(ASSIGNMENT_DECISION)),
      Map.entry(ProposalProcess.PROVIDE_CO_OPINION, List.of(CO_OPINION)),
      Map.entry(ProposalProcess.DRAFT_REPLY, List.of(DRAFT_ACTION)),
      Map.entry(ProposalProcess.APPROVE_EXTENSION, List.of(EXTENSION_DECISION)),
      Map.entry(ProposalProcess.SIGN_OFF_REPLY, List.of(SIGN_OFF_DECISION)),
      Map.entry(ProposalProcess.GIVE_FEEDBACK, List.of(SATISFACTION, FEEDBACK_COMMENT)),
      Map.entry(ProposalProcess.SUPERVISE_DISSATISFACTION, List.of(SUPERVISION_DECISION)),
      Map.entry(ProposalProcess.REPORT_PROGRESS, List.of(PROGRESS_REPORT, RESOLVED)));

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProcessVariables() {}

  public static String proposalId(VariableScope scope) {
    return (String) scope.getVariable(PROPOSAL_ID);
  }

  /** A text value; blank is treated as absent. */
  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value instanceof String s ? s : String.valueOf(value);
    return text.isBlank() ? null : text.strip();
  }

  /** One of the enum's names, or null when absent; a value outside the enum is a field error. */
  public static <E extends Enum<E>> E choice(VariableScope scope, String name, Class<E> type, Violations violations) {
    String value = string(scope, name);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(constant.name());
      }
      violations.add(name, "choice", "取值无效：" + value + "（可选：" + String.join("、", allowed) + "）",
          name + " must be one of " + allowed + ", not " + value);
      return null;
    }
  }

  /** A date given as {@code yyyy-MM-dd} (forms, REST) or as a Date (Java); null when absent. */
  public static LocalDate date(VariableScope scope, String name, ZoneId zone, Violations violations) {
    Object value = scope.getVariable(name);
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(zone).toLocalDate();
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    String text = String.valueOf(value).strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      violations.add(name, "date", "日期格式应为 yyyy-MM-dd：" + text, name + " must be a date yyyy-MM-dd, not " + text);
      return null;
    }
  }

  /** A yes/no value (checkbox, Boolean, "true"/"false"); {@code fallback} when absent. */
  public static boolean bool(VariableScope scope, String name, boolean fallback, Violations violations) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = String.valueOf(value).strip();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    violations.add(name, "boolean", "应为是或否（true/false）：" + text, name + " must be true or false, not " + text);
    return fallback;
  }

  /**
   * A list of codes: a Json array (forms, REST), a Java collection, or a JSON array or comma-separated text.
   * Absent means empty.
   */
  public static List<String> codes(VariableScope scope, String name, Violations violations) {
    Object value = scope.getVariable(name);
    List<String> result = new ArrayList<>();
    if (value == null) {
      return result;
    }
    if (value instanceof SpinJsonNode json) {
      if (!json.isArray()) {
        violations.add(name, "array", "应为单位代码列表", name + " must be a JSON array of codes");
        return result;
      }
      json.elements().forEach(element -> result.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(element -> result.add(String.valueOf(element)));
    } else {
      String text = String.valueOf(value).strip();
      if (text.startsWith("[")) {
        try {
          result.addAll(JSON.readValue(text, new TypeReference<List<String>>() {}));
        } catch (Exception e) {
          violations.add(name, "array", "应为单位代码列表", name + " must be a JSON array of codes");
        }
      } else if (!text.isEmpty()) {
        for (String part : text.split("[,，、\\s]+")) {
          if (!part.isBlank()) {
            result.add(part.strip());
          }
        }
      }
    }
    return result.stream().map(String::strip).filter(code -> !code.isEmpty()).toList();
  }
}
