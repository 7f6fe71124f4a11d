package cn.renda.proposals.process;

import cn.renda.proposals.web.Violations;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A process variable with its name and type fixed once. {@link #set} writes the value in its one stored form (a
 * choice as its name, a date as {@code yyyy-MM-dd}, a list of codes as a Json array), which the model's expressions
 * and the forms read; {@link #read} takes what people and other systems send (Tasklist forms send strings, booleans
 * and Json; the engine REST API typed values or strings; Java objects) and reports a value it cannot read as a field
 * error instead of failing.
 *
 * @param <T> the Java type of the value
 */
public final class Variable<T> {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Dates people mean are days in the business time zone. */
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final String name;
  private final Kind<T> kind;

  private Variable(String name, Kind<T> kind) {
    this.name = Objects.requireNonNull(name);
    this.kind = kind;
  }

  public static Variable<String> text(String name) {
    return new Variable<>(name, new Text());
  }

  public static <E extends Enum<E>> Variable<E> choice(String name, Class<E> type) {
    return new Variable<>(name, new Choice<>(type));
  }

  public static Variable<Boolean> flag(String name) {
    return new Variable<>(name, new Flag());
  }

  public static Variable<Integer> number(String name) {
    return new Variable<>(name, new Number());
  }

  public static Variable<LocalDate> date(String name) {
    return new Variable<>(name, new Day());
  }

  /** A list of codes (agency codes, user ids), stored as a Json array. */
  public static Variable<List<String>> codes(String name) {
    return new Variable<>(name, new Codes());
  }

  /** A Json document given as its text, stored as Json (option lists of forms). */
  public static Variable<String> json(String name) {
    return new Variable<>(name, new JsonText());
  }

  public String name() {
    return name;
  }

  /** The value the system wrote; null when absent. */
  public T get(VariableScope scope) {
    Violations violations = new Violations();
    T value = kind.read(name, scope.getVariable(name), violations);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("Variable " + name + " holds an unreadable value: " + violations.errors());
    }
    return value;
  }

  /** What people or other systems sent; a value that cannot be read is a field error (and null). */
  public T read(VariableScope scope, Violations violations) {
    return kind.read(name, scope.getVariable(name), violations);
  }

  /** Reads a value given as an object (a variable of a command, before it reaches any scope). */
  public T read(Object value, Violations violations) {
    return kind.read(name, value instanceof TypedValue typed ? typed.getValue() : value, violations);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, stored(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, stored(value));
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** The value in its stored form. */
  public Object stored(T value) {
    return value == null ? null : kind.stored(value);
  }

  /** Whether the scope holds the value in its stored form already (so writing it again would change nothing). */
  public boolean holds(VariableScope scope, T value) {
    Object current = scope.getVariable(name);
    if (current == null || value == null) {
      return current == null && value == null;
    }
    return kind.isStoredForm(current) && Objects.equals(kind.read(name, current, new Violations()), value);
  }

  /** The values a choice may take, by name, in order; empty for other kinds. */
  public List<String> choices() {
    return kind instanceof Choice<?> choice
        ? Arrays.stream(choice.type.getEnumConstants()).map(Enum::name).toList()
        : List.of();
  }

  /** What people read for a choice's value: its label when it has one, else its name. */
  public String labelOf(String valueName) {
    if (kind instanceof Choice<?> choice) {
      for (Enum<?> constant : choice.type.getEnumConstants()) {
        if (constant.name().equals(valueName) && constant instanceof cn.renda.proposals.proposal.Labelled labelled) {
          return labelled.label();
        }
      }
    }
    return valueName;
  }

  /** The name of a value as the model's expressions and the forms compare it (a choice's name, a date's text). */
  public String nameOf(T value) {
    Object stored = stored(value);
    return stored == null ? null : String.valueOf(stored);
  }

  public boolean isDate() {
    return kind instanceof Day;
  }

  public boolean isCodes() {
    return kind instanceof Codes;
  }

  public boolean isText() {
    return kind instanceof Text;
  }

  @Override
  public String toString() {
    return name;
  }

  /** How one type of value is read and stored. */
  private interface Kind<T> {
    T read(String name, Object value, Violations violations);

    Object stored(T value);

    /** Whether a value found in a scope is in this kind's stored form. */
    boolean isStoredForm(Object value);
  }

  /** Text; blank counts as absent, surrounding white space is dropped. */
  private static final class Text implements Kind<String> {
    @Override
    public String read(String name, Object value, Violations violations) {
      if (value == null) {
        return null;
      }
      String text = value instanceof String s ? s : String.valueOf(value);
      return text.isBlank() ? null : text.strip();
    }

    @Override
    public boolean isStoredForm(Object value) {
      return value instanceof String;
    }

    @Override
    public Object stored(String value) {
      return value;
    }
  }

  private static final class Choice<E extends Enum<E>> implements Kind<E> {
    private final Class<E> type;

    Choice(Class<E> type) {
      this.type = type;
    }

    @Override
    public E read(String name, Object value, Violations violations) {
      if (type.isInstance(value)) {
        return type.cast(value);
      }
      String text = new Text().read(name, value, violations);
      if (text == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, text);
      } catch (IllegalArgumentException e) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        violations.add(name, "choice", "取值无效：" + text + "（可选：" + String.join("、", allowed) + "）",
            name + " must be one of " + allowed + ", not " + text);
        return null;
      }
    }

    @Override
    public boolean isStoredForm(Object value) {
      return value instanceof String;
    }

    @Override
    public Object stored(E value) {
      return value.name();
    }
  }

  /** Yes or no: a Boolean, or the text true/false. */
  private static final class Flag implements Kind<Boolean> {
    @Override
    public Boolean read(String name, Object value, Violations violations) {
      if (value == null || value instanceof Boolean) {
        return (Boolean) value;
      }
      String text = String.valueOf(value).strip();
      if (text.isEmpty()) {
        return null;
      }
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(text);
      }
      violations.add(name, "boolean", "应为是或否（true/false）：" + text, name + " must be true or false, not " + text);
      return null;
    }

    @Override
    public boolean isStoredForm(Object value) {
      return value instanceof Boolean;
    }

    @Override
    public Object stored(Boolean value) {
      return value;
    }
  }

  private static final class Number implements Kind<Integer> {
    @Override
    public Integer read(String name, Object value, Violations violations) {
      if (value == null || value instanceof Integer) {
        return (Integer) value;
      }
      String text = String.valueOf(value).strip();
      try {
        return text.isEmpty() ? null : Integer.valueOf(text);
      } catch (NumberFormatException e) {
        violations.add(name, "number", "应为整数：" + text, name + " must be a whole number, not " + text);
        return null;
      }
    }

    @Override
    public boolean isStoredForm(Object value) {
      return value instanceof Integer;
    }

    @Override
    public Object stored(Integer value) {
      return value;
    }
  }

  /** A day: {@code yyyy-MM-dd} (forms, REST; a longer ISO date-time is cut to its day), a Date or a LocalDate. */
  private static final class Day implements Kind<LocalDate> {
    @Override
    public LocalDate read(String name, Object value, Violations violations) {
      if (value == null || value instanceof LocalDate) {
        return (LocalDate) value;
      }
      if (value instanceof Date date) {
        return date.toInstant().atZone(ZONE).toLocalDate();
      }
      String text = String.valueOf(value).strip();
      if (text.isEmpty()) {
        return null;
      }
      try {
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
      } catch (DateTimeParseException e) {
        violations.add(name, "date", "日期格式应为 yyyy-MM-dd：" + text, name + " must be a date yyyy-MM-dd, not " + text);
        return null;
      }
    }

    @Override
    public boolean isStoredForm(Object value) {
      return value instanceof String;
    }

    @Override
    public Object stored(LocalDate value) {
      return value.toString();
    }
  }

  /**
   * A list of codes: a Json array (forms, REST), a Java collection, a JSON array as text, or codes separated by
   * commas or spaces. Absent means empty.
   */
  private static final class Codes implements Kind<List<String>> {
    @Override
    public List<String> read(String name, Object value, Violations violations) {
      List<String> result = new ArrayList<>();
      if (value == null) {
        return result;
      }
      if (value instanceof SpinJsonNode json) {
        if (!json.isArray()) {
          violations.add(name, "array", "应为代码列表", name + " must be a JSON array of codes");
          return result;
        }
        json.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
      } else if (value instanceof Collection<?> collection) {
        collection.forEach(element -> result.add(String.valueOf(element)));
      } else {
        String text = String.valueOf(value).strip();
        if (text.startsWith("[")) {
          try {
            result.addAll(JSON.readValue(text, new TypeReference<List<String>>() {}));
          } catch (Exception e) {
            violations.add(name, "array", "应为代码列表", name + " must be a JSON array of codes");
          }
        } else if (!text.isEmpty()) {
          result.addAll(Arrays.asList(text.split("[,，、\\s]+")));
        }
      }
      return result.stream().map(String::strip).filter(code -> !code.isEmpty()).toList();
    }

    @Override
    public boolean isStoredForm(Object value) {
      return value instanceof SpinJsonNode;
    }

    @Override
    public Object stored(List<String> value) {
      return SpinValues.jsonValue(JSON.valueToTree(value).toString()).create();
    }
  }

  private static final class JsonText implements Kind<String> {
    @Override
    public String read(String name, Object value, Violations violations) {
      return value == null ? null : value.toString();
    }

    @Override
    public boolean isStoredForm(Object value) {
      return value instanceof SpinJsonNode;
    }

    @Override
    public Object stored(String value) {
      return SpinValues.jsonValue(value).create();
    }
  }
}
