package cn.renda.proposals.process;

/** The process model {@code bpmn/proposal-handling.bpmn}: its key and the ids of its user tasks. */
public final class ProposalProcess {

  public static final String KEY = "proposal-handling";

  public static final String REVIEW_PROPOSAL = "reviewProposal";
  public static final String ASSIGN_AGENCIES = "assignAgencies";
  public static final String ACCEPT_ASSIGNMENT = "acceptAssignment";
  public static final String PROVIDE_CO_OPINION = "provideCoOpinion";
  public static final String DRAFT_REPLY = "draftReply";
  public static final String APPROVE_EXTENSION = "approveExtension";
  public static final String SIGN_OFF_REPLY = "signOffReply";
  public static final String GIVE_FEEDBACK = "giveFeedback";
  public static final String SUPERVISE_DISSATISFACTION = "superviseDissatisfaction";
  public static final String SUPERVISE_OVERDUE = "superviseOverdue";
  public static final String EVALUATE_HANDLING = "evaluateHandling";
  public static final String REPORT_PROGRESS = "reportProgress";

  private ProposalProcess() {}
}
