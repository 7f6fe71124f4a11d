package cn.renda.proposals.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every violation of a request before refusing it, so the caller learns all faults at once. */
public final class Violations {

  private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z!/?]");

  private final List<Problem.FieldError> errors = new ArrayList<>();

  public Violations add(String field, String code, String messageZh, String messageEn) {
    errors.add(new Problem.FieldError(field, code, messageZh, messageEn));
    return this;
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public List<Problem.FieldError> errors() {
    return List.copyOf(errors);
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** A required value: present and not blank. Answers whether it is. */
  public boolean required(String field, Object value, String nameZh) {
    boolean missing = value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty());
    if (missing) {
      add(field, "required", "请填写" + nameZh, field + " is required");
    }
    return !missing;
  }

  /**
   * Free text: at most {@code max} characters (and at least {@code min} when given), no markup and no control
   * characters. Text is shown on pages and in mails; it is escaped there too, but markup has no business in it.
   */
  public void text(String field, String value, String nameZh, int min, int max) {
    if (value == null) {
      return;
    }
    int length = value.codePointCount(0, value.length());
    if (length < min || length > max) {
      String range = min > 0 ? min + "–" + max : "at most " + max;
      String rangeZh = min > 0 ? min + "至" + max : "不超过" + max;
      add(field, "size", nameZh + "长度应为" + rangeZh + "个字符（当前" + length + "个）",
          field + " must be " + range + " characters long (is " + length + ")");
    }
    if (MARKUP.matcher(value).find()) {
      add(field, "markup", nameZh + "不能包含 HTML 或脚本标记", field + " must not contain HTML or script markup");
    } else if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      add(field, "control-characters", nameZh + "包含不可见的控制字符", field + " contains control characters");
    }
  }
}
