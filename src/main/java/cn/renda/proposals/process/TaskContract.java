package cn.renda.proposals.process;

import cn.renda.proposals.platform.Actors;
import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalStatus;
import cn.renda.proposals.proposal.Texts;
import cn.renda.proposals.web.ConflictException;
import cn.renda.proposals.web.Violations;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * One user task of the model, in one place: its key, who works on it, the status of the record while it waits, the
 * answers it takes (name, type, required, allowed values), what its form shows, and what its completion records.
 * Read by the model's listeners (each user task names its contract: {@code ${reviewProposal}} on create and on
 * complete), by the engine's guard (a completion may carry only the task's answers), by the forms' test and by the
 * validation. Adding a step = the model, its form, one contract.
 *
 * <p>When the task is created, the record enters the task's status, the task's name says which proposal it is about,
 * and the decisions of an earlier round of the same step are cleared; its form shows its views, computed from the
 * record whenever the form is read ({@link FormViews}). When it is completed,
 * the answers are read and checked (every field at fault at once, nothing stored on refusal), the completion rule
 * records them in the proposal's record in the transaction of the completion, and each answer is kept, cleared or
 * forgotten as its {@link Answer.Retention} says.
 */
public abstract class TaskContract implements TaskListener {

  private static final int NAME_MAX = 255;

  private final Support support;
  private final String key;
  private final Candidates candidates;
  private final Function<ProposalRecord, ProposalStatus> status;
  private final List<Answer<?>> answers;
  private final List<View> views;
  private final List<Variable<?>> shown;

  protected TaskContract(Support support, Spec spec) {
    this.support = support;
    this.key = spec.key;
    this.candidates = spec.candidates;
    this.status = spec.status;
    this.answers = List.copyOf(spec.answers);
    this.views = List.copyOf(spec.views);
    this.shown = List.copyOf(spec.shown);
  }

  /** The model's user task id (its task definition key). */
  public String key() {
    return key;
  }

  public Candidates candidates() {
    return candidates;
  }

  /** The status of the record while the task waits; null for a task beside the main path (超期督办). */
  public ProposalStatus waitingStatus(ProposalRecord record) {
    return status.apply(record);
  }

  public List<Answer<?>> answers() {
    return answers;
  }

  public List<View> views() {
    return views;
  }

  /** Answers of earlier steps the form shows read-only, as they are in the process. */
  public List<Variable<?>> shown() {
    return shown;
  }

  /** The names of everything the form shows read-only: the views and the earlier answers. */
  public Set<String> shownNames() {
    return Stream.concat(views.stream().map(View::key), shown.stream().map(Variable::name))
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  @Override
  public final void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> created(task);
      case EVENTNAME_COMPLETE -> completed(task);
      default -> {
        // the model wires the contract to create and complete only
      }
    }
  }

  /** Records the completion in the proposal's record: the answers are read and valid. */
  protected abstract void complete(Completion completion);

  private void created(DelegateTask task) {
    ProposalRecord record = support.processRecords.of(task);
    ProposalStatus waiting = waitingStatus(record);
    if (waiting != null && waiting != record.status()) {
      // only the status changes: the name below is made of the title and the case number
      support.records.enter(record, waiting);
    }
    String name = task.getName() + "：" + Texts.proposal(record);
    task.setName(name.length() > NAME_MAX ? name.substring(0, NAME_MAX - 1) + "…" : name);
    DelegateExecution execution = task.getExecution();
    for (Answer<?> answer : answers) {
      if (answer.retention() == Answer.Retention.OWN_SCOPE) {
        // the co-agency's own scope: its answer never reaches the process or another co-agency's task
        execution.setVariableLocal(answer.name(), null);
      } else if (answer.retention() == Answer.Retention.DECISION
          && execution.getProcessInstance().hasVariable(answer.name())) {
        execution.getProcessInstance().setVariable(answer.name(), null);
      }
    }
  }

  private void completed(DelegateTask task) {
    if (task.getExecution() == null) {
      // someone completed the same task a moment before, in a transaction that committed while this one ran: the
      // engine would drop the submitted variables and the rules would report them missing
      throw new OptimisticLockingException("Task " + task.getId() + " was completed concurrently");
    }
    ProposalRecord record = support.processRecords.of(task);
    ProposalStatus waiting = waitingStatus(record);
    if (waiting != null && record.status() != waiting) {
      throw new ConflictException(
          "Proposal " + record.id() + " is " + record.status() + ", not " + waiting + ": task " + key
              + " cannot complete",
          "该议案建议当前处于“" + record.status().label() + "”环节，此任务不能办理。");
    }
    Violations violations = new Violations();
    Map<Answer<?>, Object> values = read(task, violations);
    violations.throwIfAny();
    Completion completion = new Completion(task, record, values, support.actors.current());
    complete(completion);
    completion.violations.throwIfAny();
    retain(task, values);
  }

  /** Reads every answer that applies, in the order declared (a condition reads an answer declared before it). */
  private Map<Answer<?>, Object> read(DelegateTask task, Violations violations) {
    Map<Answer<?>, Object> values = new LinkedHashMap<>();
    Map<String, String> names = new HashMap<>();
    for (Answer<?> answer : answers) {
      if (answer.appliesWhen() != null && !applies(answer.appliesWhen(), names)) {
        continue;
      }
      Object value = readOne(answer, task, violations);
      if (value == null && answer.requiredWhen() != null && applies(answer.requiredWhen(), names)
          && !violations.has(answer.name())) {
        answer.refuseMissing(violations);
      }
      values.put(answer, value);
      names.put(answer.name(), nameOf(answer, value));
    }
    return values;
  }

  private boolean applies(Condition condition, Map<String, String> answersSoFar) {
    return answersSoFar.containsKey(condition.variable().name()) && condition.holds(answersSoFar);
  }

  private static <T> Object readOne(Answer<T> answer, DelegateTask task, Violations violations) {
    T value = answer.variable().read(task, violations);
    if (violations.has(answer.name())) {
      return null;
    }
    if (value == null) {
      value = answer.whenAbsent();
    }
    if (value == null) {
      if (answer.isRequired()) {
        answer.refuseMissing(violations);
      }
      return null;
    }
    if (!answer.choices().isEmpty() && !answer.choices().contains(answer.variable().nameOf(value))) {
      List<String> labels = answer.choices().stream().map(answer.variable()::labelOf).toList();
      violations.add(answer.name(), "choice", "请选择" + answer.label() + "：" + String.join("、", labels),
          answer.name() + " must be one of " + answer.choices());
      return null;
    }
    if (value instanceof String text) {
      violations.text(answer.name(), text, answer.label(), 0, answer.maxLength() > 0 ? answer.maxLength()
          : Integer.MAX_VALUE);
      if (answer.pattern() != null && !answer.pattern().matcher(text).matches()) {
        violations.add(answer.name(), "format", answer.label() + "格式不正确：" + text,
            answer.name() + " is not in the expected format");
      }
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static <T> String nameOf(Answer<T> answer, Object value) {
    return value == null ? null : answer.variable().nameOf((T) value);
  }

  /** Keeps, rewrites in its stored form, or forgets each answer read. */
  private void retain(DelegateTask task, Map<Answer<?>, Object> values) {
    for (Answer<?> answer : answers) {
      if (answer.retention() == Answer.Retention.FORGOTTEN) {
        task.removeVariable(answer.name());
      } else if (values.get(answer) != null) {
        keep(answer, task, values.get(answer));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> void keep(Answer<T> answer, DelegateTask task, Object value) {
    Variable<T> variable = answer.variable();
    if (answer.retention() == Answer.Retention.OWN_SCOPE) {
      if (!variable.holds(task.getExecution(), (T) value)) {
        variable.setLocal(task.getExecution(), (T) value);
      }
    } else if (!variable.holds(task, (T) value)) {
      variable.set(task, (T) value);
    }
  }

  /**
   * Everything a completion rule works with: the task, the record as it was when the completion began, the answers
   * read, the actor, and the violations of the rules that look at several answers at once.
   */
  protected static final class Completion {

    private final DelegateTask task;
    private final ProposalRecord record;
    private final Map<Variable<?>, Object> answers = new HashMap<>();
    private final String actor;
    private final Violations violations = new Violations();

    private Completion(DelegateTask task, ProposalRecord record, Map<Answer<?>, Object> values, String actor) {
      this.task = task;
      this.record = record;
      values.forEach((answer, value) -> answers.put(answer.variable(), value));
      this.actor = actor;
    }

    public DelegateTask task() {
      return task;
    }

    public ProposalRecord record() {
      return record;
    }

    public String id() {
      return record.id();
    }

    public String actor() {
      return actor;
    }

    /** The answer read, or null when absent or when it does not apply. */
    @SuppressWarnings("unchecked")
    public <T> T get(Variable<T> variable) {
      return (T) answers.get(variable);
    }

    /** Refuses the completion: adds to the violations, which refuse it before anything is recorded. */
    public Violations violations() {
      return violations;
    }

    /** Refuses the completion now if any rule failed. */
    public void refuseIfAny() {
      violations.throwIfAny();
    }
  }

  /** The declaration of a contract. */
  protected static final class Spec {

    private final String key;
    private Candidates candidates;
    private Function<ProposalRecord, ProposalStatus> status = record -> null;
    private List<Answer<?>> answers = List.of();
    private List<View> views = List.of();
    private List<Variable<?>> shown = List.of();

    private Spec(String key) {
      this.key = key;
    }

    public static Spec task(String key) {
      return new Spec(key);
    }

    public Spec candidates(Candidates candidates) {
      this.candidates = candidates;
      return this;
    }

    public Spec waitsIn(ProposalStatus status) {
      this.status = record -> status;
      return this;
    }

    public Spec waitsIn(Function<ProposalRecord, ProposalStatus> status) {
      this.status = status;
      return this;
    }

    public Spec answers(Answer<?>... answers) {
      this.answers = List.of(answers);
      return this;
    }

    public Spec views(List<View> views) {
      this.views = views;
      return this;
    }

    public Spec shows(Variable<?>... recorded) {
      this.shown = List.of(recorded);
      return this;
    }
  }

  /** What every contract needs, as one bean, so that each contract declares only its own collaborators. */
  @Component
  static class Support {

    private final ProcessRecords processRecords;
    private final ProposalRecords records;
    private final Actors actors;

    Support(ProcessRecords processRecords, ProposalRecords records, Actors actors) {
      this.processRecords = processRecords;
      this.records = records;
      this.actors = actors;
    }
  }
}
