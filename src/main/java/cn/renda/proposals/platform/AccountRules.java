package cn.renda.proposals.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Puts the application's account rules into the engine: its identity provider becomes a
 * {@link GuardedIdentityProvider} (login throttling by the {@link LoginGuard}).
 *
 * <p>Created by the identity feature, which owns the settings and the guard.
 */
public class AccountRules extends AbstractProcessEnginePlugin {

  private final LoginGuard guard;

  public AccountRules(LoginGuard guard) {
    this.guard = guard;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new IdentityProviders());
  }

  /** Hands each command context its identity provider. */
  final class IdentityProviders implements SessionFactory {
    @Override
    public Class<?> getSessionType() {
      return GuardedIdentityProvider.class;
    }

    @Override
    public Session openSession() {
      return new GuardedIdentityProvider(guard);
    }
  }
}
