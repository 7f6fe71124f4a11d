package cn.renda.proposals.support;


import cn.renda.proposals.identity.Groups;
import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.process.AssignAgencies;
import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.EvaluateHandling;
import cn.renda.proposals.process.GiveFeedback;
import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ProvideCoOpinion;
import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.process.SignOffReply;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/** The usual steps of the lifecycle, each taken by the demo user whose job it is, with sensible values. */
@Component
public class Walk {

  private final ProcessDriver driver;

  public Walk(ProcessDriver driver) {
    this.driver = driver;
  }

  public ProcessDriver driver() {
    return driver;
  }

  public void review(String id, String decision, String priority) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(ReviewProposal.REVIEW_DECISION.name(), decision);
    variables.put(ProcessVariables.PRIORITY.name(), priority);
    if (decision.equals("REJECT")) {
      variables.put(ReviewProposal.REVIEW_COMMENT.name(), "不属于本级人大职权范围");
    }
    driver.complete("congress-clerk", id, ReviewProposal.KEY, variables);
  }

  public void assign(String id, String lead, String... coAgencies) {
    driver.complete("gov-clerk", id, AssignAgencies.KEY,
        Map.of(AssignAgencies.LEAD_AGENCY.name(), lead, AssignAgencies.CO_AGENCIES.name(), codes(coAgencies)));
  }

  public void accept(String id, String lead) {
    driver.complete(lead + "-handler", id, AcceptAssignment.KEY,
        Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(), "ACCEPT"));
  }

  /** The co-agency's opinion (its handler completes its own co-opinion task, the one offered to its agency). */
  public void coOpinion(String id, String agency) {
    var task = driver.task(id, ProvideCoOpinion.KEY, Groups.agency(agency));
    driver.complete(agency + "-handler", task, Map.of(ProvideCoOpinion.CO_OPINION.name(), agency + "的协办意见：同意主办单位意见。"));
  }

  /** Submitted, accepted and assigned, accepted by the lead agency, co-opinions given: drafting. */
  public String toDrafting(String session, String lead, String... coAgencies) {
    String id = driver.submitSuggestion(session, "关于加强海岛交通建设的建议");
    review(id, "ACCEPT", "NORMAL");
    assign(id, lead, coAgencies);
    accept(id, lead);
    for (String coAgency : coAgencies) {
      coOpinion(id, coAgency);
    }
    return id;
  }

  public static Map<String, Object> reply(String classification, LocalDate planned) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(DraftReply.DRAFT_ACTION.name(), "SUBMIT");
    variables.put(DraftReply.REPLY_TEXT.name(), "经研究，现将意见答复如下：……感谢您对我县工作的关心和支持。");
    variables.put(DraftReply.CLASSIFICATION.name(), classification);
    variables.put(DraftReply.COMMUNICATION_METHOD.name(), "FACE_TO_FACE");
    variables.put(DraftReply.CONTACT_PERSON.name(), "金海军");
    variables.put(DraftReply.CONTACT_PHONE.name(), "0580-5082584");
    variables.put(DraftReply.PUBLISHABLE.name(), true);
    if (planned != null) {
      variables.put(DraftReply.PLANNED_RESOLUTION_DATE.name(), planned.toString());
    }
    return variables;
  }

  public void draft(String id, String lead, String classification, LocalDate planned) {
    driver.complete(lead + "-handler", id, DraftReply.KEY, reply(classification, planned));
  }

  public void signOff(String id, String lead, String decision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SignOffReply.SIGN_OFF_DECISION.name(), decision);
    if (decision.equals("RETURN")) {
      variables.put(SignOffReply.SIGN_OFF_COMMENT.name(), "请补充具体措施和时间表");
    }
    driver.complete(lead + "-leader", id, SignOffReply.KEY, variables);
  }

  /** Drafted (class A) and signed off: the deputy is asked for feedback. */
  public String toFeedback(String session, String lead, String... coAgencies) {
    String id = toDrafting(session, lead, coAgencies);
    draft(id, lead, "A", null);
    signOff(id, lead, "APPROVE");
    return id;
  }

  public void feedback(String id, String satisfaction) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(GiveFeedback.SATISFACTION.name(), satisfaction);
    if (satisfaction.equals("DISSATISFIED")) {
      variables.put(GiveFeedback.FEEDBACK_COMMENT.name(), "答复未提出具体措施");
    }
    driver.complete("maohongding", id, GiveFeedback.KEY, variables);
  }

  public void evaluate(String id, String classification) {
    driver.complete("congress-clerk", id, EvaluateHandling.KEY,
        Map.of(EvaluateHandling.FINAL_CLASSIFICATION.name(), classification,
            EvaluateHandling.EVALUATION_COMMENT.name(), "办理认真，答复及时"));
  }

  public static JsonValue codes(String... codes) {
    return SpinValues.jsonValue(Arrays.stream(codes).map(c -> "\"" + c + "\"").toList().toString()).create();
  }

  public static List<String> list(String... values) {
    return List.of(values);
  }
}
