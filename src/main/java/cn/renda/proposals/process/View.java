package cn.renda.proposals.process;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a Tasklist form shows read-only about the proposal, computed from the record when the task's variables are
 * read ({@link TaskViews}, {@link FormViews}): a Camunda Form can only show variables, so a view reads as one of the
 * task's own. Presentation only: never stored, and the process never reads a view.
 */
public enum View {
  PROPOSAL_TITLE("proposalTitle"),
  PROPOSAL_CONTENT("proposalContent"),
  PROPOSAL_KIND_LABEL("proposalKindLabel"),
  PRIORITY_LABEL("priorityLabel"),
  CASE_NUMBER_TEXT("caseNumberText"),
  DEPUTY_NAMES("deputyNames"),
  LEAD_AGENCY_NAME("leadAgencyName"),
  CO_AGENCY_NAMES("coAgencyNames"),
  REPLY_ISSUER_NAME("replyIssuerName"),
  REPLY_DUE_TEXT("replyDueText"),
  LATEST_REPLY_DUE_TEXT("latestReplyDueText"),
  CO_OPINION_DUE_TEXT("coOpinionDueText"),
  CO_OPINIONS_SUMMARY("coOpinionsSummary"),
  RETURN_COMMENT("returnComment"),
  FEEDBACK_SUMMARY("feedbackSummary"),
  EXTENSION_SUMMARY("extensionSummary"),
  OVERDUE_SUMMARY("overdueSummary"),
  PROGRESS_HISTORY("progressHistory"),
  /** The agencies to choose from, as the options of a select (Json). */
  AGENCY_OPTIONS("agencyOptions");

  /** The proposal itself, once it has a case number. */
  public static final List<View> PROPOSAL = List.of(PROPOSAL_TITLE, PROPOSAL_CONTENT, PROPOSAL_KIND_LABEL,
      PRIORITY_LABEL, CASE_NUMBER_TEXT, DEPUTY_NAMES);
  /** Its current assignment. */
  public static final List<View> ASSIGNMENT = List.of(LEAD_AGENCY_NAME, CO_AGENCY_NAMES, REPLY_DUE_TEXT);
  /** The proposal as submitted: before review there is neither a case number nor a priority to show. */
  public static final List<View> SUBMISSION = List.of(PROPOSAL_TITLE, PROPOSAL_CONTENT, PROPOSAL_KIND_LABEL,
      DEPUTY_NAMES);

  private final Variable<String> variable;
  private final boolean json;

  View(String name) {
    this.json = name.equals("agencyOptions");
    this.variable = json ? Variable.json(name) : Variable.text(name);
  }

  public Variable<String> variable() {
    return variable;
  }

  /** Whether the view is a Json document (a select's options) rather than a text. */
  public boolean isJson() {
    return json;
  }

  /** The variable's name, as the form's field key. */
  public String key() {
    return variable.name();
  }

  /** The proposal and its assignment, and these. */
  static List<View> proposalAndAssignment(View... more) {
    return Stream.of(PROPOSAL.stream(), ASSIGNMENT.stream(), Stream.of(more)).flatMap(s -> s).toList();
  }
}
