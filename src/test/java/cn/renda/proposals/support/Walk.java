package cn.renda.proposals.support;

import static cn.renda.proposals.process.ProcessVariables.*;
import static cn.renda.proposals.process.ProposalProcess.*;

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
    variables.put(REVIEW_DECISION, decision);
    variables.put(PRIORITY, priority);
    if (decision.equals("REJECT")) {
      variables.put(REVIEW_COMMENT, "不属于本级人大职权范围");
    }
    driver.complete("congress-clerk", id, REVIEW_PROPOSAL, variables);
  }

  public void assign(String id, String lead, String... coAgencies) {
    driver.complete("gov-clerk", id, ASSIGN_AGENCIES, Map.of(LEAD_AGENCY, lead, CO_AGENCIES, codes(coAgencies)));
  }

  public void accept(String id, String lead) {
    driver.complete(lead + "-handler", id, ACCEPT_ASSIGNMENT, Map.of(ASSIGNMENT_DECISION, "ACCEPT"));
  }

  /** The co-agency's opinion (its handler completes its own co-opinion task). */
  public void coOpinion(String id, String agency) {
    var task = driver.tasks(id, PROVIDE_CO_OPINION).stream()
        .filter(t -> agency.equals(driver.variable(t, CO_AGENCY)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no co-opinion task of " + agency));
    driver.complete(agency + "-handler", task, Map.of(CO_OPINION, agency + "的协办意见：同意主办单位意见。"));
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
    variables.put(DRAFT_ACTION, "SUBMIT");
    variables.put(REPLY_TEXT, "经研究，现将意见答复如下：……感谢您对我县工作的关心和支持。");
    variables.put(CLASSIFICATION, classification);
    variables.put(COMMUNICATION_METHOD, "FACE_TO_FACE");
    variables.put(CONTACT_PERSON, "金海军");
    variables.put(CONTACT_PHONE, "0580-5082584");
    variables.put(PUBLISHABLE, true);
    if (planned != null) {
      variables.put(PLANNED_RESOLUTION_DATE, planned.toString());
    }
    return variables;
  }

  public void draft(String id, String lead, String classification, LocalDate planned) {
    driver.complete(lead + "-handler", id, DRAFT_REPLY, reply(classification, planned));
  }

  public void signOff(String id, String lead, String decision) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(SIGN_OFF_DECISION, decision);
    if (decision.equals("RETURN")) {
      variables.put(SIGN_OFF_COMMENT, "请补充具体措施和时间表");
    }
    driver.complete(lead + "-leader", id, SIGN_OFF_REPLY, variables);
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
    variables.put(SATISFACTION, satisfaction);
    if (satisfaction.equals("DISSATISFIED")) {
      variables.put(FEEDBACK_COMMENT, "答复未提出具体措施");
    }
    driver.complete("maohongding", id, GIVE_FEEDBACK, variables);
  }

  public void evaluate(String id, String classification) {
    driver.complete("congress-clerk", id, EVALUATE_HANDLING,
        Map.of(FINAL_CLASSIFICATION, classification, EVALUATION_COMMENT, "办理认真，答复及时"));
  }

  public static JsonValue codes(String... codes) {
    return SpinValues.jsonValue(Arrays.stream(codes).map(c -> "\"" + c + "\"").toList().toString()).create();
  }

  public static List<String> list(String... values) {
    return List.of(values);
  }
}
