package cn.renda.proposals.platform;

import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * The password policy outside the demo profile: at least {@value #MIN_LENGTH} characters, and none of the user's own
 * data in it. Camunda's own rules are used (not its default policy, which also asks for upper case, digits and special
 * characters), because the Admin and Welcome webapps know their placeholders and show them in every language.
 *
 * <p>Camunda's user-data rule refuses the user id, and also the first name, last name and e-mail address: stricter
 * than "not the user id", and what a person expects from "no personal data in the password".
 */
public final class PasswordRules {

  public static final int MIN_LENGTH = 8;

  /** The policy as one sentence, Chinese then English. */
  public static final String DESCRIPTION_ZH = "至少 " + MIN_LENGTH + " 个字符，且不得包含用户名、姓名或电子邮箱";
  public static final String DESCRIPTION_EN = "at least " + MIN_LENGTH
      + " characters, containing neither the user id nor the user's names or e-mail address";

  private static final PasswordPolicy POLICY =
      () -> List.of(new PasswordPolicyLengthRuleImpl(MIN_LENGTH), new PasswordPolicyUserDataRuleImpl());

  private PasswordRules() {}

  static PasswordPolicy policy() {
    return POLICY;
  }

  /** One broken rule: its webapp placeholder and what it asks, in Chinese and English. */
  public record Violation(String placeholder, String messageZh, String messageEn) {}

  /**
   * The rules the password breaks for this user (empty: it satisfies the policy). Needs no engine, so it can check a
   * configured password before the engine exists.
   */
  public static List<Violation> violations(String password, User user) {
    return POLICY.getRules().stream().filter(rule -> !rule.execute(password, user)).map(PasswordRules::describe)
        .toList();
  }

  private static Violation describe(PasswordPolicyRule rule) {
    if (rule instanceof PasswordPolicyLengthRuleImpl) {
      return new Violation(rule.getPlaceholder(), "至少需要 " + MIN_LENGTH + " 个字符",
          "must have at least " + MIN_LENGTH + " characters");
    }
    return new Violation(rule.getPlaceholder(), "不得包含用户名、姓名或电子邮箱",
        "must not contain the user id, first or last name or e-mail address");
  }
}
