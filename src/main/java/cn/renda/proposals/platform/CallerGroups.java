package cn.renda.proposals.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks with the caller's groups as they are, without asking the database first which groups hold
 * any grant at all. Before every command that checks an authorization the engine reads every distinct group of its
 * authorization table ({@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}) to leave groups without grants
 * out of its checks, a help for callers with hundreds of directory groups. Here a person has one to three groups, and
 * at the national scale the table holds a grant per open task and group: that read went through some 10,000 rows
 * three to five times for each Tasklist request (README, "Benchmark at national scale", figure 3). A group without
 * grants matches no grant in the checks, so leaving it in changes no answer.
 */
@Component
public class CallerGroups extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    // registered after the engine's own factories, so this one is the authorization manager every command opens
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, taking the caller's groups as given. */
  static final class Manager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
