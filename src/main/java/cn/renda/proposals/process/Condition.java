package cn.renda.proposals.process;

import java.util.Map;
import java.util.Objects;

/**
 * When an answer applies or is required, in terms of another answer of the same task: "{@code draftAction} is
 * REQUEST_EXTENSION", "{@code classification} is not B". The form shows the field under the same condition; its hide
 * expression is {@link #hideExpression()}.
 */
public final class Condition {

  private final Variable<?> variable;
  private final String value;
  private final boolean equal;

  private <T> Condition(Variable<T> variable, T value, boolean equal) {
    this.variable = variable;
    this.value = variable.nameOf(value);
    this.equal = equal;
  }

  public static <T> Condition is(Variable<T> variable, T value) {
    return new Condition(variable, value, true);
  }

  public static <T> Condition isNot(Variable<T> variable, T value) {
    return new Condition(variable, value, false);
  }

  public Variable<?> variable() {
    return variable;
  }

  /** Whether it holds for the answers read so far (by variable name, in their stored form's text). */
  boolean holds(Map<String, String> answers) {
    return Objects.equals(answers.get(variable.name()), value) == equal;
  }

  /** The FEEL expression with which a Camunda Form hides the field when the condition does not hold. */
  public String hideExpression() {
    return "=" + variable.name() + (equal ? " != " : " = ") + "\"" + value + "\"";
  }

  @Override
  public String toString() {
    return variable.name() + (equal ? " is " : " is not ") + value;
  }
}
