package cn.renda.proposals.support;

import cn.renda.proposals.ProposalHandlingApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a separate instance of the application inside the test JVM, for tests about start-up, profiles, restarts
 * and clusters. Each one gets a unique engine name (so it does not clash with the shared test context's "default"
 * engine) and a random port; close it when done.
 */
public final class TestApplications {

  private TestApplications() {}

  public static ConfigurableApplicationContext start(List<String> profiles, Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--camunda.bpm.process-engine-name=node" + UUID.randomUUID().toString().substring(0, 8));
    args.add("--spring.jmx.enabled=false");
    if (!profiles.isEmpty()) {
      args.add("--spring.profiles.active=" + String.join(",", profiles));
    }
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    return new SpringApplicationBuilder(ProposalHandlingApplication.class)
        .contextFactory(ApplicationContextFactory.of(WebappsRestoringContext::new))
        .run(args.toArray(String[]::new));
  }

  /**
   * Camunda's webapps keep their runtime in static fields, one for the whole JVM: closing another application's
   * webapps clears them, which would leave the shared test context's Tasklist, Cockpit and Admin without one (every
   * webapp request failing with 500). So they are set up again once such an application is closed.
   */
  static final class WebappsRestoringContext extends AnnotationConfigServletWebServerApplicationContext {
    @Override
    protected void doClose() {
      super.doClose();
      Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
      Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
      Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
      Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
    }
  }

  /** Properties that point an application at the given PostgreSQL test database. */
  public static Map<String, String> on(TestDatabases.Database database) {
    return Map.of(
        "spring.datasource.url", database.url(),
        "spring.datasource.username", database.user(),
        "spring.datasource.password", database.password());
  }
}
