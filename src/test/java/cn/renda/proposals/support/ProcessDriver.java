package cn.renda.proposals.support;

import cn.renda.proposals.process.ProposalSubmission;
import cn.renda.proposals.proposal.NewProposal;
import cn.renda.proposals.proposal.ProposalKind;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Drives proposals through the engine the way people do: each task is completed by a named demo user, with that
 * user's authorizations checked by the engine. Moves the engine clock instead of waiting.
 */
@Component
public class ProcessDriver {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final List<String> CO_SIGNERS = List.of(
      "zhanglihua", "wangjianguo", "lixiaoming", "chenhaiyan", "liuzhiqiang",
      "yangxiuying", "huangweidong", "zhoujunjie", "wuhaibo", "xulina");

  private final ProcessEngine engine;
  private final ProposalSubmission submission;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
  /** The process instance of each proposal once found; null when tasks are found by the proposal's business key. */
  private final Map<String, String> instances;

  @Autowired
  public ProcessDriver(ProcessEngine engine, ProposalSubmission submission,
      org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    this(engine, submission, jdbc, null);
  }

  private ProcessDriver(ProcessEngine engine, ProposalSubmission submission,
      org.springframework.jdbc.core.simple.JdbcClient jdbc, Map<String, String> instances) {
    this.engine = engine;
    this.submission = submission;
    this.jdbc = jdbc;
    this.instances = instances;
  }

  /**
   * A driver that finds a proposal's tasks by its process instance, looked up once per proposal, as a client that
   * keeps the instance's id does (the benchmark's bare chain finds its tasks so); this driver finds them by the
   * proposal's id, the instance's business key, at every step.
   */
  public ProcessDriver findingTasksByInstance() {
    return new ProcessDriver(engine, submission, jdbc, new ConcurrentHashMap<>());
  }

  private TaskQuery tasksOf(String proposalId) {
    TaskQuery query = taskService().createTaskQuery();
    if (instances == null) {
      return query.processInstanceBusinessKey(proposalId);
    }
    return query.processInstanceId(instances.computeIfAbsent(proposalId, id -> engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId()));
  }

  /** Direct access to the record's tables, for fixtures the procedure itself cannot produce. */
  public org.springframework.jdbc.core.simple.JdbcClient jdbc() {
    return jdbc;
  }

  /** Sets the engine clock to 10:00 of the day in the business time zone. */
  public void today(LocalDate day) {
    at(day, LocalTime.of(10, 0));
  }

  public void at(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(ZONE).toInstant()));
  }

  public void resetClock() {
    ClockUtil.reset();
  }

  /** A unique session code, so that case numbers of one test start at 1. */
  public static String newSession() {
    return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Submits a suggestion of the lead deputy (one deputy suffices), as the congress office. */
  public String submitSuggestion(String session, String title) {
    return submission.submit(
        new NewProposal(ProposalKind.SUGGESTION, session, title, "内容：" + title, "maohongding", List.of()),
        "congress-clerk");
  }

  /** Submits a motion of the lead deputy and ten co-signers, as the congress office. */
  public String submitMotion(String session, String title) {
    return submission.submit(
        new NewProposal(ProposalKind.MOTION, session, title, "内容：" + title, "maohongding", CO_SIGNERS),
        "congress-clerk");
  }

  /** Submits a deputy's own proposal (the lead deputy submits it): its co-signers are asked to confirm. */
  public String submitOwn(ProposalKind kind, String session, String title, String lead, List<String> coSigners) {
    return submission.submit(new NewProposal(kind, session, title, "内容：" + title, lead, coSigners), lead);
  }

  public Task task(String proposalId, String taskKey) {
    return only(tasksOf(proposalId).taskDefinitionKey(taskKey).list(), taskKey + " task of " + proposalId);
  }

  public List<Task> tasks(String proposalId, String taskKey) {
    return tasksOf(proposalId)
        .taskDefinitionKey(taskKey)
        .orderByTaskId()
        .asc()
        .list();
  }

  /** The proposal's only task of that key offered to the group. */
  public Task task(String proposalId, String taskKey, String candidateGroup) {
    return only(tasksOf(proposalId).taskDefinitionKey(taskKey).taskCandidateGroup(candidateGroup).list(),
        taskKey + " task of " + proposalId + " for " + candidateGroup);
  }

  private static Task only(List<Task> tasks, String what) {
    if (tasks.size() != 1) {
      throw new AssertionError("expected one " + what + ", found " + tasks.size());
    }
    return tasks.get(0);
  }

  /** A variable as the task sees it (local first, then its scopes). */
  public Object variable(Task task, String name) {
    return taskService().getVariable(task.getId(), name);
  }

  /** Completes the proposal's only task of that key as the user, with the engine checking the user's rights. */
  public void complete(String user, String proposalId, String taskKey, Map<String, Object> variables) {
    complete(user, task(proposalId, taskKey), variables);
  }

  public void complete(String user, Task task, Map<String, Object> variables) {
    as(user, () -> taskService().complete(task.getId(), variables));
  }

  /** Runs the call as the user, authenticated with the user's groups. */
  public void as(String user, Runnable call) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      call.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The job of a timer (or other job) waiting at the activity of the proposal's process. */
  public List<Job> jobs(String proposalId, String activityId) {
    String instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(proposalId)
        .singleResult()
        .getId();
    return managementService().createJobQuery().processInstanceId(instance).activityId(activityId).list();
  }

  public Job job(String proposalId, String activityId) {
    List<Job> jobs = jobs(proposalId, activityId);
    if (jobs.size() != 1) {
      throw new AssertionError("expected one job at " + activityId + " of " + proposalId + ", found " + jobs.size());
    }
    return jobs.get(0);
  }

  /** Moves the clock to the job's due time and executes it, as the job executor would. */
  public void fire(Job job) {
    ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
    managementService().executeJob(job.getId());
  }

  public void fire(String proposalId, String activityId) {
    fire(job(proposalId, activityId));
  }

  /** The due date of a date as the application defines it: the last second of that day in Asia/Shanghai. */
  public static Date endOf(LocalDate day) {
    return Date.from(day.atTime(23, 59, 59).atZone(ZONE).toInstant());
  }

  private TaskService taskService() {
    return engine.getTaskService();
  }

  private ManagementService managementService() {
    return engine.getManagementService();
  }
}
