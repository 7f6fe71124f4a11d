package cn.renda.proposals.process;

import cn.renda.proposals.calendar.DueDay;
import cn.renda.proposals.calendar.WorkingDays;
import cn.renda.proposals.platform.Actors;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalRecords.DeadlineState;
import cn.renda.proposals.proposal.RecordDeadline;
import cn.renda.proposals.proposal.Texts;
import cn.renda.proposals.proposal.Timeline;
import cn.renda.proposals.proposal.TimelineAction;
import cn.renda.proposals.web.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the open deadlines again when the working-day calendar changes, and moves them. A deadline is open when
 * its day has not passed yet: what passed (and fired) stays as it was, and so does what the calendar did not give
 * (a due date someone set by hand). For each one, what the model says it is ({@link DeadlineExpression}) decides how:
 *
 * <ul>
 *   <li>a <b>window of working days</b> (签收 5, 代表评价 15 …) keeps its length, counted on the old calendar from the
 *       day its step opened, and ends where the new calendar says that many working days end;
 *   <li>a <b>deadline of the record</b> (reply, co-opinions, progress report) keeps the day its rule gave (three
 *       months after the assignment …) and moves only when the working day on or after that day changes; its task due
 *       dates, reminder (9:00 a week before) and escalation timers (from its end, weekly) follow it.
 * </ul>
 *
 * A timer moved into the past fires once, at once; a reminder or escalation that already fired is not repeated.
 */
@Service
class DeadlineRecalculation {

  /** Steps whose deadline moves stay out of the public course (as their own timeline entries do). */
  private static final Set<String> INTERNAL_STEPS = Set.of(ApproveExtension.KEY, SuperviseOverdue.KEY,
      SuperviseDissatisfaction.KEY, ProvideCoOpinion.KEY);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final ProposalRecords records;
  private final Timeline timeline;
  private final Deadlines deadlines;
  private final ModelDeadlines models;
  private final Actors actors;
  private final Clock clock;

  DeadlineRecalculation(RuntimeService runtime, TaskService tasks, ManagementService management,
      ProposalRecords records, Timeline timeline, Deadlines deadlines, ModelDeadlines models,
      Actors actors, Clock clock) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.records = records;
    this.timeline = timeline;
    this.deadlines = deadlines;
    this.models = models;
    this.actors = actors;
    this.clock = clock;
  }

  /** Every open deadline that moves when the calendar changes from {@code before} to {@code after}. */
  public List<DeadlineMove> plan(WorkingDays before, WorkingDays after) {
    return actors.asSystem(() -> new Plan(before, after, clock.instant()).moves());
  }

  /**
   * Moves them, each in the record, the engine and the proposal's timeline ({@code reason}: why, for people). The
   * open tasks' forms show the new deadlines from the record.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void execute(List<DeadlineMove> moves, String actor, String reason) {
    actors.asSystem(() -> {
      for (DeadlineMove move : moves) {
        for (DeadlineMove.Change change : move.changes()) {
          apply(move, change);
        }
        timeline.add(move.proposalId(), actor,
            move.internal() ? TimelineAction.INTERNAL_DEADLINE_RECALCULATED : TimelineAction.DEADLINE_RECALCULATED,
            reason + "，" + move.deadline() + "由 " + Texts.day(move.from()) + " 调整为 " + Texts.day(move.to()));
      }
      return null;
    });
  }

  private void apply(DeadlineMove move, DeadlineMove.Change change) {
    try {
      switch (change.target()) {
        case RECORD -> records.moveDeadline(move.proposalId(), RecordDeadline.valueOf(change.id()), move.from(),
            move.to());
        case TASK -> tasks.setDueDate(change.id(), Date.from(change.to()));
        case TIMER -> management.setJobDuedate(change.id(), Date.from(change.to()), false);
        // the later repetitions keep their distance to the first
        case REPEATING_TIMER -> management.setJobDuedate(change.id(), Date.from(change.to()), true);
      }
    } catch (ConflictException | OptimisticLockingException e) {
      throw e;
    } catch (ProcessEngineException gone) {
      // the task was completed or the timer fired since the plan was made
      throw new ConflictException("A deadline of " + move.proposal() + " changed meanwhile: preview again",
          move.proposal() + "的" + move.deadline() + "刚刚已有变化，请重新预览后再应用。");
    }
  }

  /** The moves of one calendar change, worked out from the engine's tasks and timers and the records. */
  private final class Plan {

    private final WorkingDays before;
    private final WorkingDays after;
    private final Instant now;
    private final ZoneId zone;
    private final Map<String, Builder> moves = new LinkedHashMap<>();

    Plan(WorkingDays before, WorkingDays after, Instant now) {
      this.before = before;
      this.after = after;
      this.now = now;
      this.zone = deadlines.zone();
    }

    List<DeadlineMove> moves() {
      List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
          .processDefinitionKey(ProposalProcess.KEY).list();
      Map<String, DeadlineState> states = records.deadlines(instances.stream()
              .map(ProcessInstance::getBusinessKey).filter(Objects::nonNull).distinct().toList())
          .stream().filter(state -> state.processInstanceId() != null)
          .collect(Collectors.toMap(DeadlineState::processInstanceId, Function.identity(), (a, b) -> a));
      Map<String, List<Task>> tasksByInstance = tasks.createTaskQuery().processDefinitionKey(ProposalProcess.KEY)
          .list().stream().collect(Collectors.groupingBy(Task::getProcessInstanceId));
      Map<String, List<Job>> timersByInstance = management.createJobQuery().processDefinitionKey(ProposalProcess.KEY)
          .timers().list().stream().collect(Collectors.groupingBy(Job::getProcessInstanceId));
      Map<String, String> timerActivities = management.createJobDefinitionQuery()
          .processDefinitionKey(ProposalProcess.KEY).list().stream()
          .collect(Collectors.toMap(JobDefinition::getId, JobDefinition::getActivityId));

      for (ProcessInstance instance : instances) {
        DeadlineState state = states.get(instance.getId());
        if (state == null || !instance.getBusinessKey().equals(state.id())) {
          continue;
        }
        ModelDeadlines.Model model = models.of(instance.getProcessDefinitionId());
        Map<RecordDeadline, Builder> recordMoves = recordMoves(state);
        for (Task task : tasksByInstance.getOrDefault(instance.getId(), List.of())) {
          ModelDeadlines.Element element = model.dueDates().get(task.getTaskDefinitionKey());
          if (element != null && task.getDueDate() != null) {
            follow(state, element, recordMoves, task.getCreateTime(), task.getDueDate().toInstant(),
                DeadlineMove.Target.TASK, task.getId());
          }
        }
        for (Job timer : timersByInstance.getOrDefault(instance.getId(), List.of())) {
          ModelDeadlines.Element element = model.timers().get(timerActivities.get(timer.getJobDefinitionId()));
          if (element != null && timer.getDuedate() != null) {
            DeadlineMove.Target target = element.expression().form() == DeadlineExpression.Form.WEEKLY_FROM_DUE
                ? DeadlineMove.Target.REPEATING_TIMER
                : DeadlineMove.Target.TIMER;
            follow(state, element, recordMoves, timer.getCreateTime(), timer.getDuedate().toInstant(), target,
                timer.getId());
          }
        }
      }
      return moves.values().stream()
          .map(Builder::build)
          .sorted(Comparator.comparing(DeadlineMove::proposal).thenComparing(DeadlineMove::from)
              .thenComparing(DeadlineMove::step))
          .toList();
    }

    /**
     * The record's deadlines that move: running, not passed, as the old calendar gave them from their rule's day, and
     * elsewhere on the new one. Co-opinions are never due after the reply.
     */
    private Map<RecordDeadline, Builder> recordMoves(DeadlineState state) {
      Map<RecordDeadline, Builder> moved = new EnumMap<>(RecordDeadline.class);
      LocalDate replyBefore = state.reply() == null ? null : state.reply().day();
      LocalDate replyAfter = replyBefore;
      for (RecordDeadline deadline : RecordDeadline.values()) {
        DueDay due = state.of(deadline);
        if (due == null || !deadline.runsIn(state.status()) || passed(due.day())) {
          continue;
        }
        LocalDate was = before.onOrAfterWorkingDay(due.nominal());
        LocalDate is = after.onOrAfterWorkingDay(due.nominal());
        if (deadline == RecordDeadline.CO_OPINION && replyBefore != null) {
          was = was.isAfter(replyBefore) ? replyBefore : was;
          is = is.isAfter(replyAfter) ? replyAfter : is;
        }
        if (!was.equals(due.day()) || is.equals(due.day())) {
          continue;
        }
        if (deadline == RecordDeadline.REPLY) {
          replyAfter = is;
        }
        Builder move = builder(state, deadline.name(), state.status().label(), deadline.label(), due.day(), is,
            deadline == RecordDeadline.CO_OPINION);
        move.change(DeadlineMove.Target.RECORD, deadline.name(), deadline.name(), endOf(due.day()), endOf(is));
        moved.put(deadline, move);
      }
      return moved;
    }

    /** A task's due date or a timer, moved with its window or with the record's deadline it follows. */
    private void follow(DeadlineState state, ModelDeadlines.Element element, Map<RecordDeadline, Builder> recordMoves,
        Date created, Instant due, DeadlineMove.Target target, String id) {
      DeadlineExpression expression = element.expression();
      if (expression.isWindow()) {
        window(created.toInstant(), due).ifPresent(moved -> builder(state, element.step(), element.stepName(),
                element.stepName() + "期限", day(due), day(moved), INTERNAL_STEPS.contains(element.step()))
            .change(target, id, element.id(), due, moved));
        return;
      }
      Builder move = recordMoves.get(expression.deadline());
      if (move == null) {
        return;
      }
      Instant was = at(expression.form(), move.from);
      if (due.equals(was) && due.isAfter(now)) {
        move.change(target, id, element.id(), due, at(expression.form(), move.to));
      }
    }

    /** A window of working days that the new calendar ends elsewhere: the same length from the same opening day. */
    private Optional<Instant> window(Instant opened, Instant due) {
      if (!due.isAfter(now)) {
        return Optional.empty();
      }
      LocalDate openedOn = day(opened);
      LocalDate dueOn = day(due);
      int length = before.workingDaysBetween(openedOn, dueOn);
      if (dueOn.isBefore(openedOn) || !before.plusWorkingDays(openedOn, length).equals(dueOn)) {
        return Optional.empty(); // not a window on the old calendar: set otherwise, left as it is
      }
      LocalDate endsOn = after.plusWorkingDays(openedOn, length);
      if (endsOn.equals(dueOn)) {
        return Optional.empty();
      }
      ZonedDateTime dueAt = due.atZone(zone);
      return Optional.of(dueAt.plusDays(ChronoUnit.DAYS.between(dueOn, endsOn)).toInstant());
    }

    private Instant at(DeadlineExpression.Form form, LocalDate day) {
      return switch (form) {
        case DUE, WEEKLY_FROM_DUE -> endOf(day);
        case REMINDER -> deadlines.reminderAt(day);
      };
    }

    private boolean passed(LocalDate day) {
      return !endOf(day).isAfter(now);
    }

    private Instant endOf(LocalDate day) {
      return deadlines.endOf(day).toInstant();
    }

    private LocalDate day(Instant instant) {
      return instant.atZone(zone).toLocalDate();
    }

    private Builder builder(DeadlineState state, String step, String stepName, String deadline, LocalDate from,
        LocalDate to, boolean internal) {
      String key = state.id() + "|" + step + "|" + from + "|" + to;
      return moves.computeIfAbsent(key, k -> new Builder(state.id(), Texts.proposal(state.headline()), step, stepName,
          deadline, from, to, internal));
    }
  }

  /** A move being collected: every place that holds the deadline. */
  private static final class Builder {

    private final String proposalId;
    private final String proposal;
    private final String step;
    private final String stepName;
    private final String deadline;
    private final LocalDate from;
    private final LocalDate to;
    private final boolean internal;
    private final List<DeadlineMove.Change> changes = new ArrayList<>();

    Builder(String proposalId, String proposal, String step, String stepName, String deadline, LocalDate from,
        LocalDate to, boolean internal) {
      this.proposalId = proposalId;
      this.proposal = proposal;
      this.step = step;
      this.stepName = stepName;
      this.deadline = deadline;
      this.from = from;
      this.to = to;
      this.internal = internal;
    }

    void change(DeadlineMove.Target target, String id, String element, Instant was, Instant is) {
      changes.add(new DeadlineMove.Change(target, id, element, was, is));
    }

    DeadlineMove build() {
      List<DeadlineMove.Change> ordered = changes.stream()
          .sorted(Comparator.comparing(DeadlineMove.Change::target).thenComparing(DeadlineMove.Change::element)
              .thenComparing(DeadlineMove.Change::id))
          .toList();
      return new DeadlineMove(proposalId, proposal, step, stepName, deadline, from, to, internal, ordered);
    }
  }
}
