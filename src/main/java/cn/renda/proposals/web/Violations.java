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

  /**
   * A required value: present and not blank. Text of nothing but whitespace and invisible characters (zero-width
   * spaces, other format characters) is as good as missing. Answers whether the value is there.
   */
  public boolean required(String field, Object value, String nameZh) {
    boolean missing = value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty());
    if (missing) {
      add(field, "required", "请填写" + nameZh, field + " is required");
    } else if (value instanceof String s && invisibleOnly(s)) {
      missing = true;
      invisible(field, nameZh);
    }
    return !missing;
  }

  /**
   * Free text: at most {@code max} characters (and at least {@code min} when given), no markup, no control
   * characters, no characters that reorder the text as it is shown, no broken characters, and not invisible only. Text
   * is shown on pages and in mails; it is escaped there too, but markup has no business in it.
   *
   * <p>Lengths count UTF-16 code units (Java's {@code String.length()}), so an emoji or another character outside the
   * Basic Multilingual Plane counts as two: the embedded H2 measures its columns that way, PostgreSQL in code points.
   * A value within the limit in UTF-16 units is within it in code points too, so a text refused here is refused on
   * both databases, and a text accepted here is stored intact on both. Browsers count the same way (maxlength, the
   * Tasklist forms).
   */
  public void text(String field, String value, String nameZh, int min, int max) {
    if (value == null) {
      return;
    }
    if (!value.isEmpty() && invisibleOnly(value)) {
      invisible(field, nameZh);
      return;
    }
    int length = value.length();
    if (length < min || length > max) {
      String range = min > 0 ? min + "–" + max : "at most " + max;
      String rangeZh = min > 0 ? min + "至" + max : "不超过" + max;
      boolean wide = length != value.codePointCount(0, length);
      add(field, "size",
          nameZh + "长度应为" + rangeZh + "个字符（当前" + length + "个" + (wide ? "，表情符号和部分生僻字按2个计" : "") + "）",
          field + " must be " + range + " characters long (is " + length
              + (wide ? ", counting emoji and other supplementary characters as two" : "") + ")");
    }
    if (MARKUP.matcher(value).find()) {
      add(field, "markup", nameZh + "不能包含 HTML 或脚本标记", field + " must not contain HTML or script markup");
    } else if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      add(field, "control-characters", nameZh + "包含不可见的控制字符", field + " contains control characters");
    }
    if (value.codePoints().anyMatch(Violations::isBidiControl)) {
      add(field, "bidi-control",
          nameZh + "包含改变文字显示方向的控制字符（U+202A–U+202E、U+2066–U+2069），显示的文字可能与实际内容不符",
          field + " contains bidirectional override or isolate characters (U+202A-U+202E, U+2066-U+2069)");
    }
    if (hasLoneSurrogate(value)) {
      add(field, "lone-surrogate", nameZh + "包含无效的字符（不成对的 UTF-16 代理项），请重新输入",
          field + " contains an unpaired UTF-16 surrogate (not a valid character)");
    }
  }

  private void invisible(String field, String nameZh) {
    add(field, "required", nameZh + "只有空白或不可见字符（如零宽空格），等于未填写，请填写内容",
        field + " is required (it holds only whitespace and invisible characters such as zero-width spaces)");
  }

  /** Nothing but whitespace and Unicode format characters (category Cf: zero-width spaces and joiners, BOM …). */
  private static boolean invisibleOnly(String value) {
    return value.codePoints().allMatch(
        c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT);
  }

  /** Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069), which reorder text as it is shown. */
  private static boolean isBidiControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  /** A high surrogate without its low one, or a low one without its high one: half a character. */
  private static boolean hasLoneSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
