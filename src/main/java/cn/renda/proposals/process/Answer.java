package cn.renda.proposals.process;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One answer a user task takes: its variable (name and type), its label in Chinese, whether it is required, which
 * values it allows, when it applies, and what becomes of it after the completion recorded it.
 *
 * @param <T> the type of the value
 */
public final class Answer<T> {

  /** What becomes of an answer once the completion recorded it. */
  public enum Retention {
    /**
     * A decision the model reads: kept in the process, and cleared when the task is created again so that a
     * completion never carries over the answer of an earlier round.
     */
    DECISION,
    /** Kept in the process: a later task shows it, and the task's next round starts from it. */
    KEPT,
    /**
     * Removed from the process: comments and reasons live in the record, out of reach of everyone who may read the
     * process's variables through a later task (the deputy giving feedback in particular).
     */
    FORGOTTEN,
    /**
     * Kept in the scope of its own instance of a parallel (multi-instance) task, never reaching the process or a
     * sibling: each co-agency's opinion. Cleared when the task is created.
     */
    OWN_SCOPE
  }

  private final Variable<T> variable;
  private final String label;
  private boolean required;
  private String[] missing;
  private T whenAbsent;
  private Condition appliesWhen;
  private Condition requiredWhen;
  private int maxLength;
  private java.util.regex.Pattern pattern;
  private View options;
  private final Set<String> allowed = new LinkedHashSet<>();
  private Retention retention = Retention.KEPT;

  private Answer(Variable<T> variable, String label) {
    this.variable = variable;
    this.label = label;
  }

  /** An optional answer, kept in the process. */
  public static <T> Answer<T> of(Variable<T> variable, String label) {
    return new Answer<>(variable, label);
  }

  /** A required answer. */
  public Answer<T> required() {
    this.required = true;
    return this;
  }

  /** A required answer whose absence is explained in its own words (a rule people need to understand). */
  public Answer<T> required(String code, String messageZh, String messageEn) {
    this.required = true;
    this.missing = new String[] {code, messageZh, messageEn};
    return this;
  }

  /** Absent means this value (the form still asks for it). */
  public Answer<T> orElse(T value) {
    this.whenAbsent = value;
    return this;
  }

  /** Applies only when the condition holds: read and recorded only then; the form shows it only then. */
  public Answer<T> appliesWhen(Condition condition) {
    this.appliesWhen = condition;
    return this;
  }

  /** Required when the condition holds (the form shows it always). */
  public Answer<T> requiredWhen(Condition condition) {
    this.requiredWhen = condition;
    return this;
  }

  /** Text of at most this many characters. */
  public Answer<T> max(int length) {
    this.maxLength = length;
    return this;
  }

  /** Text that must match the pattern as a whole (the form checks the same pattern). */
  public Answer<T> matching(java.util.regex.Pattern pattern) {
    this.pattern = pattern;
    return this;
  }

  /** The form offers the values of this view (the agencies). */
  public Answer<T> optionsFrom(View view) {
    this.options = view;
    return this;
  }

  /** Of a choice, only these values (the others are the system's). */
  @SafeVarargs
  public final Answer<T> allowing(T... values) {
    for (T value : values) {
      allowed.add(variable.nameOf(value));
    }
    return this;
  }

  public Answer<T> retained(Retention retention) {
    this.retention = retention;
    return this;
  }

  public Variable<T> variable() {
    return variable;
  }

  public String name() {
    return variable.name();
  }

  public String label() {
    return label;
  }

  /** Required whenever it applies. */
  public boolean isRequired() {
    return required;
  }

  /** Refuses the absent answer: its own explanation, or "请填写…". */
  void refuseMissing(cn.renda.proposals.web.Violations violations) {
    if (missing == null) {
      violations.required(name(), null, label);
    } else {
      violations.add(name(), missing[0], missing[1], missing[2]);
    }
  }

  /** The value of an absent answer, or null. */
  public T whenAbsent() {
    return whenAbsent;
  }

  public Condition appliesWhen() {
    return appliesWhen;
  }

  public Condition requiredWhen() {
    return requiredWhen;
  }

  public int maxLength() {
    return maxLength;
  }

  public java.util.regex.Pattern pattern() {
    return pattern;
  }

  /** The view whose values the form offers, or null. */
  public View options() {
    return options;
  }

  public Retention retention() {
    return retention;
  }

  /** The values it may take, by name: those allowed, or all of its choice; empty for anything but a choice. */
  public List<String> choices() {
    return allowed.isEmpty() ? variable.choices() : List.copyOf(allowed);
  }

  @Override
  public String toString() {
    return variable.name();
  }
}
