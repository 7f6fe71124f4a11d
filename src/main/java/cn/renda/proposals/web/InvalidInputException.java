package cn.renda.proposals.web;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input refused by a business rule: every field at fault with its reason. Thrown inside the transaction that would
 * have stored the input, so nothing is stored. The message is readable by people (Tasklist shows it as is).
 *
 * <p>It is the engine's {@link BadUserRequestException}, so that the engine logs it as the user's mistake rather than
 * as an error, and the engine's REST API (used by Tasklist) answers 400 with the message.
 */
public class InvalidInputException extends BadUserRequestException {

  private final transient List<Problem.FieldError> errors;

  public InvalidInputException(List<Problem.FieldError> errors) {
    super(describe(errors));
    this.errors = List.copyOf(errors);
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  private static String describe(List<Problem.FieldError> errors) {
    return errors.stream()
        .map(e -> e.messageZh() + "（" + e.field() + ": " + e.messageEn() + "）")
        .collect(Collectors.joining("；"));
  }

  /** Finds the validation failure behind an exception, however deep the engine wrapped it. */
  public static InvalidInputException findIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return null;
  }
}
