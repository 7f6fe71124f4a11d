package cn.renda.proposals.process;

import cn.renda.proposals.proposal.RecordDeadline;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every deadline the model asks {@link Deadlines} for ({@code ${deadlines.…}} in due dates and timers), with how it is
 * made: a window of working days counted from the day its step opened, or a deadline of the record, due at the end
 * of its day, reminded of a week before, or escalated from its end weekly. This is what a change of the working-day
 * calendar needs to compute a deadline again; {@code DeadlineExpressionTest} keeps it complete.
 */
enum DeadlineExpression {
  REVIEW("review"),
  ASSIGNMENT("assignment"),
  DISPUTE_WINDOW("disputeWindow"),
  FEEDBACK("feedback"),
  EXTENSION_APPROVAL("extensionApproval"),
  SUPERVISION("supervision"),
  EVALUATION("evaluation"),
  CO_SIGNING("coSigning"),
  SHORT_MOTION("shortMotion"),
  REPLY_DUE("replyDue", RecordDeadline.REPLY, Form.DUE),
  REPLY_REMINDER("replyReminder", RecordDeadline.REPLY, Form.REMINDER),
  REPLY_OVERDUE_CYCLE("replyOverdueCycle", RecordDeadline.REPLY, Form.WEEKLY_FROM_DUE),
  CO_OPINION_DUE("coOpinionDue", RecordDeadline.CO_OPINION, Form.DUE),
  CO_OPINION_REMINDER("coOpinionReminder", RecordDeadline.CO_OPINION, Form.REMINDER),
  PROGRESS_DUE("progressDue", RecordDeadline.PROGRESS, Form.DUE),
  PROGRESS_REMINDER("progressReminder", RecordDeadline.PROGRESS, Form.REMINDER),
  PROGRESS_OVERDUE_CYCLE("progressOverdueCycle", RecordDeadline.PROGRESS, Form.WEEKLY_FROM_DUE);

  /** How a deadline of the record becomes a due date or a timer. */
  enum Form {
    /** At the end of the deadline's day ({@link Deadlines#endOf}). */
    DUE,
    /** At 9:00 a week before it ({@link Deadlines#reminderAt}). */
    REMINDER,
    /** A cycle: at the end of its day, then every week ({@code R/…/P7D}). */
    WEEKLY_FROM_DUE
  }

  private static final Pattern EXPRESSION =
      Pattern.compile("\\$\\{\\s*deadlines\\.(\\w+)\\((?:\\s*execution\\s*)?\\)\\s*}");

  private final String method;
  private final RecordDeadline deadline;
  private final Form form;

  DeadlineExpression(String method) {
    this(method, null, null);
  }

  DeadlineExpression(String method, RecordDeadline deadline, Form form) {
    this.method = method;
    this.deadline = deadline;
    this.form = form;
  }

  String method() {
    return method;
  }

  /** A window of working days from the day the step opened (the deadline's length is that of the step's window). */
  boolean isWindow() {
    return deadline == null;
  }

  /** The record's deadline it follows, for the others. */
  RecordDeadline deadline() {
    return deadline;
  }

  Form form() {
    return form;
  }

  /** The deadline an expression of the model names, e.g. {@code ${deadlines.replyDue(execution)}}. */
  static Optional<DeadlineExpression> of(String expression) {
    if (expression == null) {
      return Optional.empty();
    }
    Matcher matcher = EXPRESSION.matcher(expression.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(value -> value.method.equals(matcher.group(1))).findFirst();
  }

  /** Whether the expression asks {@link Deadlines} for anything (known or not). */
  static boolean asksDeadlines(String expression) {
    return expression != null && expression.contains("deadlines.");
  }
}
