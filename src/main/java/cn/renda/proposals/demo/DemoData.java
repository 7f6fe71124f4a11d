package cn.renda.proposals.demo;

import cn.renda.proposals.calendar.WorkingDayCalendar;
import cn.renda.proposals.platform.EngineClock;
import cn.renda.proposals.process.AcceptAssignment;
import cn.renda.proposals.process.ApproveExtension;
import cn.renda.proposals.process.AssignAgencies;
import cn.renda.proposals.process.ConfirmCoSignature;
import cn.renda.proposals.process.DraftReply;
import cn.renda.proposals.process.EvaluateHandling;
import cn.renda.proposals.process.GiveFeedback;
import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ProposalSubmission;
import cn.renda.proposals.process.ProvideCoOpinion;
import cn.renda.proposals.process.ReportProgress;
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
 * seed's case no. 28 (2020) carried to its published reply and its kept promise, sixteen proposals of this year's
 * session handled by several agencies with different results (on time and late, extended, disputed, rehandled, each
 * classification, promises kept and follow-ups overdue), so that 办理统计 has something to say, and a handful of
 * proposals waiting at different steps, so that Tasklist, Cockpit and the public pages are not empty on a first look.
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
  private final WorkingDayCalendar calendar;
  /** The day the last reply was delivered. */
  private LocalDate delivered;

  DemoData(ProposalSubmission submission, CaseNumbers caseNumbers, TaskService taskService,
      IdentityService identityService, ProposalRecords records, WorkingDayCalendar calendar) {
    this.submission = submission;
    this.caseNumbers = caseNumbers;
    this.taskService = taskService;
    this.identityService = identityService;
    this.records = records;
    this.calendar = calendar;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!records.none()) {
      return;
    }
    try {
      seedCase();
      handledThisYear();
    } finally {
      EngineClock.backToNow();
    }
    waitingProposals();
    log.info("Demo proposals created: the seed's case no. 28, {} handled this year and {} at different steps", 16,
        8);
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
    // the promise of the B reply is kept by its planned date: the classification becomes A and the case is closed
    on(LocalDate.of(2020, 12, 28));
    complete("zfw-handler", id, ReportProgress.KEY, Map.of(ReportProgress.PROGRESS_REPORT.name(),
        "全县矛盾纠纷调处化解中心已建成运行，县级部门和乡镇力量集中入驻，群众反映问题实现“最多跑一地”。",
        ReportProgress.RESOLVED.name(), true));
  }

  /**
   * This year's session as a county office sees it in the autumn: proposals assigned at the 交办会 eight months ago
   * and handled since, by agencies that did well and agencies that did not. Every date is relative to today and on a
   * working day, so the demo looks the same whenever it is started.
   */
  private void handledThisYear() {
    LocalDate assigned = calendar.onOrAfterWorkingDay(LocalDate.now(ZONE).minusMonths(8));
    String session = String.valueOf(assigned.getYear());
    LocalDate due = calendar.onOrAfterWorkingDay(assigned.plusMonths(3));
    LocalDate late = due.plusDays(6);

    // 县教育局: early replies, satisfied deputies, a promise kept
    String school = handled(session, assigned, "zhanglihua", "关于推进城乡学校结对帮扶的建议", "jyj", "hyj");
    reply(school, "jyj", assigned.plusDays(35), "A", "FACE_TO_FACE", null);
    rated(school, "zhanglihua", "SATISFIED", "A");
    String mental = handled(session, assigned, "lixiaoming", "关于加强学生心理健康教育的建议", "jyj");
    reply(mental, "jyj", assigned.plusDays(42), "A", "MEETING", null);
    rated(mental, "lixiaoming", "SATISFIED", "A");
    String boarding = handled(session, assigned, "wuhaibo", "关于改善海岛学校寄宿条件的建议", "jyj");
    reply(boarding, "jyj", assigned.plusDays(50), "B", "VISIT", assigned.plusDays(150));
    rated(boarding, "wuhaibo", "SATISFIED", "B");
    kept(boarding, "jyj", assigned.plusDays(140), "寄宿楼改造工程已完工，新学期投入使用。");

    // 县交通运输局: one late and rehandled, one extended, one in time
    String buses = handled(session, assigned, "chenhaiyan", "关于优化城乡公交线路的建议", "jtj", "zjj");
    reply(buses, "jtj", late, "C", "PHONE", null);
    feedback(buses, "chenhaiyan", late.plusDays(4), "DISSATISFIED");
    reply(buses, "jtj", late.plusDays(24), "C", "MEETING", null);
    rated(buses, "chenhaiyan", "BASICALLY_SATISFIED", "C");
    String roads = handled(session, assigned, "liuzhiqiang", "关于加快农村公路提档升级的建议", "jtj");
    on(due.minusDays(10));
    complete("jtj-handler", roads, DraftReply.KEY, Map.of(DraftReply.DRAFT_ACTION.name(), "REQUEST_EXTENSION",
        DraftReply.EXTENSION_REASON.name(), "需待省级补助资金下达后确定建设计划", DraftReply.EXTENSION_UNTIL.name(),
        calendar.onOrAfterWorkingDay(due.plusDays(30)).toString()));
    on(due.minusDays(8));
    complete("gov-clerk", roads, ApproveExtension.KEY, Map.of(ApproveExtension.EXTENSION_DECISION.name(), "APPROVE"));
    reply(roads, "jtj", due.plusDays(20), "B", "WRITTEN", assigned.plusDays(400));
    rated(roads, "liuzhiqiang", "SATISFIED", "B");
    String rides = handled(session, assigned, "yangxiuying", "关于规范网约车管理的建议", "jtj");
    reply(rides, "jtj", assigned.plusDays(60), "A", "PHONE", null);
    rated(rides, "yangxiuying", "SATISFIED", "A");

    // 县住房和城乡建设局: late and dissatisfied, a follow-up report missing, a key motion answered in time
    String lifts = handled(session, assigned, "huangweidong", "关于推进老旧小区加装电梯的建议", "zjj");
    reply(lifts, "zjj", late.plusDays(3), "C", "PHONE", null);
    feedback(lifts, "huangweidong", late.plusDays(7), "DISSATISFIED");
    reply(lifts, "zjj", late.plusDays(28), "C", "FACE_TO_FACE", null);
    rated(lifts, "huangweidong", "BASICALLY_SATISFIED", "C");
    String drains = handled(session, assigned, "zhoujunjie", "关于加强城市排水防涝设施建设的建议", "zjj");
    reply(drains, "zjj", assigned.plusDays(70), "B", "VISIT", assigned.plusDays(200));
    rated(drains, "zhoujunjie", "SATISFIED", "B");
    String water = handledMotion(session, assigned, "关于加快海岛供水工程建设的议案", "zjj", "czj");
    reply(water, "zjj", assigned.plusDays(80), "B", "FACE_TO_FACE", assigned.plusDays(420));
    rated(water, "chenhaiyan", "SATISFIED", "B");

    // 县卫生健康局: in time, satisfied, a promise kept
    String clinics = handled(session, assigned, "xulina", "关于提升乡镇卫生院服务能力的建议", "wjj", "mzj");
    reply(clinics, "wjj", assigned.plusDays(30), "A", "FACE_TO_FACE", null);
    rated(clinics, "xulina", "SATISFIED", "A");
    String doctors = handled(session, assigned, "wangjianguo", "关于推进家庭医生签约服务的建议", "wjj");
    reply(doctors, "wjj", assigned.plusDays(45), "B", "MEETING", assigned.plusDays(120));
    rated(doctors, "wangjianguo", "SATISFIED", "B");
    kept(doctors, "wjj", assigned.plusDays(118), "家庭医生签约服务已覆盖全县各乡镇。");

    // 县民政局: taken over after 县财政局 gave it back; 县财政局: a late reply
    String relief = submitSuggestion(session, "zhanglihua", "关于完善困难群众救助机制的建议");
    on(assigned.minusDays(10));
    accept(relief, "NORMAL");
    on(assigned);
    assign(relief, "czj");
    on(assigned.plusDays(2));
    complete("czj-handler", relief, AcceptAssignment.KEY, Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(),
        "DISPUTE", AcceptAssignment.DISPUTE_REASON.name(), "社会救助属民政部门职责"));
    on(assigned.plusDays(3));
    assign(relief, "mzj");
    on(assigned.plusDays(4));
    complete("mzj-handler", relief, AcceptAssignment.KEY, Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(),
        "ACCEPT"));
    reply(relief, "mzj", assigned.plusDays(40), "A", "FACE_TO_FACE", null);
    rated(relief, "zhanglihua", "SATISFIED", "A");
    String elderly = handled(session, assigned, "lixiaoming", "关于加强农村留守老人关爱服务的建议", "mzj");
    reply(elderly, "mzj", assigned.plusDays(75), "C", "PHONE", null);
    rated(elderly, "lixiaoming", "BASICALLY_SATISFIED", "C");
    String fuel = handled(session, assigned, "wuhaibo", "关于加大渔业油价补贴发放力度的建议", "czj", "hyj");
    reply(fuel, "czj", late, "B", "WRITTEN", assigned.plusDays(430));
    rated(fuel, "wuhaibo", "SATISFIED", "B");
    String fund = handled(session, assigned, "chenhaiyan", "关于设立乡村振兴专项资金的建议", "czj");
    reply(fund, "czj", assigned.plusDays(78), "A", "PHONE", null);
    rated(fund, "chenhaiyan", "BASICALLY_SATISFIED", "A");

    // 县海洋与渔业局
    String fishery = handled(session, assigned, "huangweidong", "关于加强海洋渔业资源保护的建议", "hyj", "sfj");
    reply(fishery, "hyj", assigned.plusDays(50), "A", "VISIT", null);
    rated(fishery, "huangweidong", "SATISFIED", "A");
  }

  /**
   * Submitted and accepted before the 交办会, assigned on {@code assigned}, accepted the next working day, and the
   * co-agencies' opinions given a week later.
   */
  private String handled(String session, LocalDate assigned, String deputy, String title, String lead,
      String... coAgencies) {
    on(assigned.minusDays(20));
    String id = submitSuggestion(session, deputy, title);
    return assignedAndAccepted(id, assigned, "NORMAL", lead, coAgencies);
  }

  private String handledMotion(String session, LocalDate assigned, String title, String lead, String... coAgencies) {
    on(assigned.minusDays(20));
    String id = submission.submit(new NewProposal(ProposalKind.MOTION, session, title,
        "（演示数据）" + title.replace("关于", "建议").replace("的议案", "") + "，请有关部门研究办理。", "chenhaiyan",
        List.of("maohongding", "zhanglihua", "wangjianguo", "lixiaoming", "liuzhiqiang", "yangxiuying",
            "huangweidong", "zhoujunjie", "wuhaibo", "xulina")), "congress-clerk");
    return assignedAndAccepted(id, assigned, "KEY", lead, coAgencies);
  }

  private String assignedAndAccepted(String id, LocalDate assigned, String priority, String lead,
      String... coAgencies) {
    on(assigned.minusDays(10));
    accept(id, priority);
    on(assigned);
    assign(id, lead, coAgencies);
    on(assigned.plusDays(1));
    complete(lead + "-handler", id, AcceptAssignment.KEY, Map.of(AcceptAssignment.ASSIGNMENT_DECISION.name(),
        "ACCEPT"));
    on(assigned.plusDays(7));
    for (String coAgency : coAgencies) {
      Task task = taskService.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(ProvideCoOpinion.KEY)
          .taskCandidateGroup("agency-" + coAgency).singleResult();
      complete(coAgency + "-handler", task, Map.of(ProvideCoOpinion.CO_OPINION.name(), "同意主办单位的答复意见，本单位将按职责配合落实。"));
    }
    return id;
  }

  /** Drafted two days before {@code delivered}, signed off and delivered on it. */
  private void reply(String id, String lead, LocalDate delivered, String classification, String method,
      LocalDate planned) {
    on(delivered.minusDays(2));
    Map<String, Object> variables = reply(classification, planned);
    variables.put(DraftReply.COMMUNICATION_METHOD.name(), method);
    complete(lead + "-handler", id, DraftReply.KEY, variables);
    on(delivered);
    complete(lead + "-leader", id, SignOffReply.KEY, Map.of(SignOffReply.SIGN_OFF_DECISION.name(), "APPROVE"));
    this.delivered = calendar.onOrAfterWorkingDay(delivered);
  }

  private void feedback(String id, String deputy, LocalDate day, String satisfaction) {
    on(day);
    Map<String, Object> variables = new HashMap<>();
    variables.put(GiveFeedback.SATISFACTION.name(), satisfaction);
    if (satisfaction.equals("DISSATISFIED")) {
      variables.put(GiveFeedback.FEEDBACK_COMMENT.name(), "答复未提出具体措施和时间表");
    }
    complete(deputy, id, GiveFeedback.KEY, variables);
  }

  /** The deputy's feedback a few days after the last delivery, and the congress office's evaluation after it. */
  private void rated(String id, String deputy, String satisfaction, String classification) {
    feedback(id, deputy, delivered.plusDays(4), satisfaction);
    on(delivered.plusDays(9));
    complete("congress-clerk", id, EvaluateHandling.KEY, Map.of(EvaluateHandling.FINAL_CLASSIFICATION.name(),
        classification, EvaluateHandling.EVALUATION_COMMENT.name(), "办理认真，答复及时"));
  }

  /** The progress report that says the promise of a B reply is kept. */
  private void kept(String id, String lead, LocalDate day, String report) {
    on(day);
    complete(lead + "-handler", id, ReportProgress.KEY, Map.of(ReportProgress.PROGRESS_REPORT.name(), report,
        ReportProgress.RESOLVED.name(), true));
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

    // a deputy's own motion from the workspace, at 附议确认: three co-signers have confirmed, six (毛宏定 among them)
    // are still asked
    String coSigning = submission.submit(new NewProposal(ProposalKind.MOTION, session, "关于建设海岛应急救援体系的议案",
        "海岛群众遇急症、海难时救援力量不足，建议建设海岛应急救援体系，配备救援船艇和直升机停机坪，完善联动机制。", "wuhaibo",
        List.of("zhanglihua", "wangjianguo", "lixiaoming", "maohongding", "chenhaiyan", "liuzhiqiang", "yangxiuying",
            "huangweidong", "xulina")), "wuhaibo");
    for (String coSigner : List.of("zhanglihua", "wangjianguo", "lixiaoming")) {
      complete(coSigner, taskService.createTaskQuery().processInstanceBusinessKey(coSigning)
          .taskDefinitionKey(ConfirmCoSignature.KEY).taskAssignee(coSigner).singleResult(),
          Map.of(ConfirmCoSignature.CO_SIGNATURE.name(), "CONFIRM"));
    }

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

  /** The engine's clock at 10:00 of the day, or of the next working day when the day is a day off. */
  private void on(LocalDate day) {
    EngineClock.travelTo(Instant.from(calendar.onOrAfterWorkingDay(day).atTime(LocalTime.of(10, 0)).atZone(ZONE)));
  }

  private static JsonNode readSeed() {
    try (InputStream in = new ClassPathResource("demo/proposal-28.json").getInputStream()) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the seed's case", e);
    }
  }
}
