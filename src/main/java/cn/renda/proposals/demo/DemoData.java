package cn.renda.proposals.demo;


import cn.renda.proposals.platform.EngineClock;
import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.process.AssignAgencies;
import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.EvaluateHandling;
import cn.renda.proposals.process.GiveFeedback;
import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ProposalSubmission;
import cn.renda.proposals.process.ProvideCoOpinion;
import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.process.SignOffReply;
import cn.renda.proposals.proposal.CaseNumbers;
import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.ProposalKind;
import cn.renda.proposals.proposal.ProposalRecords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo's proposals, created on an empty database only, through the same services and tasks as live data: the
 * seed's case no. 28 (2020) carried to its published reply and follow-up, and a handful of proposals waiting at
 * different steps, so that Tasklist, Cockpit and the public pages are not empty on a first look.
 */
@Component
@Profile("demo")
@Order(30)
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final List<String> CO_SIGNERS = List.of("zhanglihua", "wangjianguo", "lixiaoming", "chenhaiyan",
      "liuzhiqiang", "yangxiuying", "huangweidong", "zhoujunjie", "wuhaibo", "xulina");

  private final ProposalSubmission submission;
  private final CaseNumbers caseNumbers;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ProposalRecords records;

  DemoData(ProposalSubmission submission, CaseNumbers caseNumbers, TaskService taskService,
      IdentityService identityService, ProposalRecords records) {
    this.submission = submission;
    this.caseNumbers = caseNumbers;
    this.taskService = taskService;
    this.identityService = identityService;
    this.records = records;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!records.none()) {
      return;
    }
    try {
      seedCase();
    } finally {
      EngineClock.backToNow();
    }
    waitingProposals();
    log.info("Demo proposals created: the seed's case no. 28 and {} proposals at different steps", 8);
  }

  /** The reference case, with its real text, dates and classification. */
  private void seedCase() {
    JsonNode seed = readSeed();
    String session = seed.get("session").asText();
    caseNumbers.continueAfter(session, ProposalKind.MOTION, seed.get("caseNumber").asInt() - 1);
    on(LocalDate.of(2020, 4, 2));
    String id = submission.submit(new NewProposal(ProposalKind.MOTION, session, seed.get("title").asText(),
        seed.get("content").asText(), seed.get("leadDeputy").asText(), CO_SIGNERS), "congress-clerk");
    on(LocalDate.of(2020, 4, 8));
    complete("congress-clerk", id, ReviewProposal.KEY, Map.of(ReviewProposal.REVIEW_DECISION.name(), "ACCEPT",
        ProcessVariables.PRIORITY.name(), seed.get("priority").asText()));
    on(LocalDate.of(2020, 5, 6));
    List<String> coAgencies = new ArrayList<>();
    seed.get("coAgencies").forEach(code -> coAgencies.add(code.asText()));
    complete("gov-clerk", id, AssignAgencies.KEY, Map.of(AssignAgencies.LEAD_AGENCY.name(),
        seed.get("leadAgency").asText(),
        AssignAgencies.CO_AGENCIES.name(), json(coAgencies), AssignAgencies.REPLY_ISSUER.name(),
            seed.get("replyIssuer").asText()));
    on(LocalDate.of(2020, 5, 7));
    complete("zfw-handler", id, AcceptAssignment.KEY, Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(), "ACCEPT"));
    on(LocalDate.of(2020, 5, 28));
    for (String coAgency : coAgencies) {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(ProvideCoOpinion.KEY)
          .taskCandidateGroup("agency-" + coAgency).singleResult();
      complete(coAgency + "-handler", task, Map.of(ProvideCoOpinion.CO_OPINION.name(), "同意主办单位的答复意见，本单位将按职责做好相关工作。"));
    }
    on(LocalDate.of(2020, 7, 27));
    Map<String, Object> reply = new HashMap<>();
    reply.put(DraftReply.REPLY_TEXT.name(), seed.get("replyText").asText());
    reply.put(DraftReply.CLASSIFICATION.name(), seed.get("classification").asText());
    reply.put(DraftReply.COMMUNICATION_METHOD.name(), seed.get("communicationMethod").asText());
    reply.put(DraftReply.CONTACT_PERSON.name(), seed.get("contactPerson").asText());
    reply.put(DraftReply.CONTACT_PHONE.name(), seed.get("contactPhone").asText());
    reply.put(DraftReply.PUBLISHABLE.name(), true);
    reply.put(DraftReply.PLANNED_RESOLUTION_DATE.name(), seed.get("plannedResolutionDate").asText());
    complete("zfw-handler", id, DraftReply.KEY, reply);
    on(LocalDate.parse(seed.get("replyDate").asText()));
    complete("zfw-leader", id, SignOffReply.KEY, Map.of(SignOffReply.SIGN_OFF_DECISION.name(), "APPROVE"));
    on(LocalDate.of(2020, 8, 10));
    complete("maohongding", id, GiveFeedback.KEY, Map.of(GiveFeedback.SATISFACTION.name(), "SATISFIED"));
    on(LocalDate.of(2020, 8, 20));
    complete("congress-clerk", id, EvaluateHandling.KEY,
        Map.of(EvaluateHandling.FINAL_CLASSIFICATION.name(), "B", EvaluateHandling.EVALUATION_COMMENT.name(),
            "答复认真，承诺事项列入跟踪落实"));
  }

  /** Proposals of the current session waiting at different steps, at today's date. */
  private void waitingProposals() {
    String session = String.valueOf(LocalDate.now(ZONE).getYear());
    submitSuggestion(session, "zhanglihua", "关于加强农村道路交通安全管理的建议");

    String assigning = submitSuggestion(session, "wangjianguo", "关于推进城乡供水一体化的建议");
    accept(assigning, "NORMAL");

    String accepting = submission.submit(new NewProposal(ProposalKind.MOTION, session, "关于改善海岛渔民医疗条件的议案",
        "海岛渔民就医路途远、费用高，建议加强乡镇卫生院能力建设，推进远程医疗和巡回医疗。", "chenhaiyan",
        List.of("maohongding", "zhanglihua", "wangjianguo", "lixiaoming", "liuzhiqiang", "yangxiuying",
            "huangweidong", "zhoujunjie", "wuhaibo", "xulina")), "congress-clerk");
    accept(accepting, "KEY");
    assign(accepting, "wjj", "hyj");

    String coOpinion = submitSuggestion(session, "lixiaoming", "关于提升中小学校园安全水平的建议");
    accept(coOpinion, "NORMAL");
    assign(coOpinion, "jyj", "jtj");
    complete("jyj-handler", coOpinion, AcceptAssignment.KEY, Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(),
        "ACCEPT"));

    String drafting = submitSuggestion(session, "liuzhiqiang", "关于完善县城停车设施的建议");
    toDrafting(drafting, "zjj");

    String signOff = submitSuggestion(session, "huangweidong", "关于加大渔业转产转业扶持力度的建议");
    toDrafting(signOff, "hyj");
    complete("hyj-handler", signOff, DraftReply.KEY, reply("C", null));

    String feedback = submitSuggestion(session, "maohongding", "关于规范校外培训机构管理的建议");
    toDrafting(feedback, "jyj");
    complete("jyj-handler", feedback, DraftReply.KEY, reply("A", null));
    complete("jyj-leader", feedback, SignOffReply.KEY, Map.of(SignOffReply.SIGN_OFF_DECISION.name(), "APPROVE"));

    // assigned four months ago and still unanswered: the job executor escalates it once the application runs
    try {
      on(LocalDate.now(ZONE).minusMonths(4));
      String overdue = submitSuggestion(session, "xulina", "关于加快老旧小区改造的建议");
      toDrafting(overdue, "zjj");
    } finally {
      EngineClock.backToNow();
    }
  }

  private String submitSuggestion(String session, String deputy, String title) {
    return submission.submit(new NewProposal(ProposalKind.SUGGESTION, session, title,
        "（演示数据）" + title.replace("关于", "建议").replace("的建议", "") + "，请有关部门研究办理。", deputy, List.of()),
        "congress-clerk");
  }

  private void accept(String id, String priority) {
    complete("congress-clerk", id, ReviewProposal.KEY, Map.of(ReviewProposal.REVIEW_DECISION.name(), "ACCEPT",
        ProcessVariables.PRIORITY.name(), priority));
  }

  private void assign(String id, String lead, String... coAgencies) {
    complete("gov-clerk", id, AssignAgencies.KEY, Map.of(AssignAgencies.LEAD_AGENCY.name(), lead,
        AssignAgencies.CO_AGENCIES.name(), json(List.of(coAgencies))));
  }

  private void toDrafting(String id, String lead) {
    accept(id, "NORMAL");
    assign(id, lead);
    complete(lead + "-handler", id, AcceptAssignment.KEY, Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(),
        "ACCEPT"));
  }

  private static Map<String, Object> reply(String classification, LocalDate planned) {
    Map<String, Object> reply = new HashMap<>();
    reply.put(DraftReply.REPLY_TEXT.name(), "您提出的建议收悉。经研究，现答复如下：我局高度重视，已会同有关部门开展调研，将结合实际逐步推进。感谢您对我县工作的关心和支持。");
    reply.put(DraftReply.CLASSIFICATION.name(), classification);
    reply.put(DraftReply.COMMUNICATION_METHOD.name(), "PHONE");
    reply.put(DraftReply.CONTACT_PERSON.name(), "王磊");
    reply.put(DraftReply.CONTACT_PHONE.name(), "0580-5081234");
    reply.put(DraftReply.PUBLISHABLE.name(), true);
    if (planned != null) {
      reply.put(DraftReply.PLANNED_RESOLUTION_DATE.name(), planned.toString());
    }
    return reply;
  }

  private void complete(String user, String id, String taskKey, Map<String, Object> variables) {
    complete(user, taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(taskKey)
        .singleResult(), variables);
  }

  /** Completes the task as the demo user whose work it is, with that user's rights. */
  private void complete(String user, Task task, Map<String, Object> variables) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
    identityService.setAuthentication(user, groups);
    try {
      taskService.complete(task.getId(), variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static Object json(List<String> codes) {
    try {
      return SpinValues.jsonValue(new ObjectMapper().writeValueAsString(codes)).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void on(LocalDate day) {
    EngineClock.travelTo(Instant.from(day.atTime(LocalTime.of(10, 0)).atZone(ZONE)));
  }

  private static JsonNode readSeed() {
    try (InputStream in = new ClassPathResource("demo/proposal-28.json").getInputStream()) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the seed's case", e);
    }
  }
}
