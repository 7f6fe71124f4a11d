package cn.renda.proposals.identity;

import cn.renda.proposals.platform.PasswordRules;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo profile the administrator's password must come from the environment ({@code ADMIN_PASSWORD}).
 * Checked before any bean exists: Camunda creates the admin user once and never updates its password, so starting
 * without one would leave an account with an empty password behind.
 *
 * <p>Where the password policy applies (everywhere but the demo), the password must also satisfy it. Camunda would
 * otherwise refuse to create the account deep inside the engine's start with an English one-liner; and an existing
 * account keeps its old password anyway, so a weak setting is refused even then, before it can be relied on.
 */
public class AdminPasswordRequirement implements EnvironmentPostProcessor, Ordered {

  static final String ADMIN_USER = "camunda.bpm.admin-user";
  static final String PROPERTY = ADMIN_USER + ".password";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo")
        || (environment.getActiveProfiles().length == 0
            && Arrays.asList(environment.getDefaultProfiles()).contains("demo"));
    String password = environment.getProperty(PROPERTY);
    if (!demo && (password == null || password.isBlank())) {
      throw new MissingAdminPasswordException();
    }
    boolean policy = environment.getProperty(AccountProperties.PASSWORD_POLICY, Boolean.class, true);
    if (policy && password != null) {
      AdminUserProperty admin = Binder.get(environment).bind(ADMIN_USER, AdminUserProperty.class).orElse(null);
      if (admin != null && admin.getId() != null) {
        // the account as the starter creates it: names and e-mail default from the id
        List<PasswordRules.Violation> violations = PasswordRules.violations(password, admin.init());
        if (!violations.isEmpty()) {
          throw new WeakAdminPasswordException(violations);
        }
      }
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Thrown at start-up when the administrator's password is unusable; says what to do about it. */
  public abstract static class AdminPasswordException extends IllegalStateException {
    AdminPasswordException(String message) {
      super(message);
    }

    abstract String action();
  }

  /** Thrown at start-up when the administrator's password is not configured. */
  public static class MissingAdminPasswordException extends AdminPasswordException {
    MissingAdminPasswordException() {
      super("ADMIN_PASSWORD is not set: outside the demo profile the administrator's password must come from the"
          + " environment (管理员密码未配置：请设置环境变量 ADMIN_PASSWORD)");
    }

    @Override
    String action() {
      return "Set the environment variable ADMIN_PASSWORD (for example `export ADMIN_PASSWORD=...`) and start again."
          + " The account 'admin' is created with it on the first start.";
    }
  }

  /** Thrown at start-up when the administrator's password breaks the password policy. */
  public static class WeakAdminPasswordException extends AdminPasswordException {
    WeakAdminPasswordException(List<PasswordRules.Violation> violations) {
      super("ADMIN_PASSWORD does not satisfy the password policy: it "
          + violations.stream().map(PasswordRules.Violation::messageEn).collect(Collectors.joining(" and "))
          + " (管理员密码 ADMIN_PASSWORD 不符合密码要求："
          + violations.stream().map(PasswordRules.Violation::messageZh).collect(Collectors.joining("，")) + ")");
    }

    @Override
    String action() {
      return "Set ADMIN_PASSWORD to a password of " + PasswordRules.DESCRIPTION_EN + " (管理员密码要求："
          + PasswordRules.DESCRIPTION_ZH + ") and start again.";
    }
  }

  /** Prints the unusable setting as a clear start-up failure instead of a stack trace. */
  public static class Analyzer extends AbstractFailureAnalyzer<AdminPasswordException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordException cause) {
      return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
  }
}
