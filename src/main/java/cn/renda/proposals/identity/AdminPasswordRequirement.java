package cn.renda.proposals.identity;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo profile the administrator's password must come from the environment ({@code ADMIN_PASSWORD}).
 * Checked before any bean exists: Camunda creates the admin user once and never updates its password, so starting
 * without one would leave an account with an empty password behind.
 */
public class AdminPasswordRequirement implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "camunda.bpm.admin-user.password";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo")
        || (environment.getActiveProfiles().length == 0
            && Arrays.asList(environment.getDefaultProfiles()).contains("demo"));
    String password = environment.getProperty(PROPERTY);
    if (!demo && (password == null || password.isBlank())) {
      throw new MissingAdminPasswordException();
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** Thrown at start-up when the administrator's password is not configured. */
  public static class MissingAdminPasswordException extends IllegalStateException {
    MissingAdminPasswordException() {
      super("ADMIN_PASSWORD is not set: outside the demo profile the administrator's password must come from the"
          + " environment (管理员密码未配置：请设置环境变量 ADMIN_PASSWORD)");
    }
  }

  /** Prints the missing setting as a clear start-up failure instead of a stack trace. */
  public static class Analyzer extends AbstractFailureAnalyzer<MissingAdminPasswordException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminPasswordException cause) {
      return new FailureAnalysis(
          cause.getMessage(),
          "Set the environment variable ADMIN_PASSWORD (for example `export ADMIN_PASSWORD=...`) and start again."
              + " The account 'admin' is created with it on the first start.",
          cause);
    }
  }
}
