package cn.renda.proposals.platform;

import cn.renda.proposals.web.InvalidInputException;
import cn.renda.proposals.web.Problem;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Puts the application's account rules into the engine: its identity provider becomes a
 * {@link GuardedIdentityProvider} (login throttling by the {@link LoginGuard}, no changes of one's own names and
 * e-mail), and, outside the demo, the {@link PasswordRules} become the engine's password policy, which the engine
 * checks whenever a password is set and the Admin and Welcome webapps show beside the password field.
 *
 * <p>Created by the identity feature, which owns the settings and the guard.
 */
public class AccountRules extends AbstractProcessEnginePlugin {

  /** What the engine says when a new password breaks the policy; 7.24 is the last release, so the text is stable. */
  static final String POLICY_MESSAGE = "Password does not match policy";

  private final LoginGuard guard;
  private final boolean passwordPolicy;
  private final boolean usersMayChangeOwnEmail;

  public AccountRules(LoginGuard guard, boolean passwordPolicy, boolean usersMayChangeOwnEmail) {
    this.guard = guard;
    this.passwordPolicy = passwordPolicy;
    this.usersMayChangeOwnEmail = usersMayChangeOwnEmail;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new IdentityProviders());
    configuration.setEnablePasswordPolicy(passwordPolicy);
    if (passwordPolicy) {
      configuration.setPasswordPolicy(PasswordRules.policy());
      List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
          ? new ArrayList<>()
          : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
      interceptors.add(new PolicyRefusal());
      configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }
  }

  /** Hands each command context its identity provider. */
  final class IdentityProviders implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return GuardedIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new GuardedIdentityProvider(guard, usersMayChangeOwnEmail);
    }
  }

  /**
   * The engine refuses a password that breaks the policy with a bare engine exception, which its REST API answers
   * with 500 and an English sentence. This turns it into refused input (400) that says what the policy asks, in
   * Chinese and English.
   */
  static final class PolicyRefusal extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        if (command instanceof SaveUserCmd && POLICY_MESSAGE.equals(e.getMessage())) {
          throw new InvalidInputException(List.of(new Problem.FieldError("password", "password-policy",
              "密码不符合要求：" + PasswordRules.DESCRIPTION_ZH,
              "the password does not satisfy the policy: " + PasswordRules.DESCRIPTION_EN)));
        }
        throw e;
      }
    }
  }
}
