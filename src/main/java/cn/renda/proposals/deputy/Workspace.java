package cn.renda.proposals.deputy;

import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;

/**
 * The deputies' workspace (代表工作台) at {@code /deputy}: server-rendered pages for a phone or a desktop, with its
 * own login, where deputies submit with co-signers, confirm co-signing, follow their proposals, read the delivered
 * replies and rate them. It works on the same tasks and records as Tasklist and our API.
 */
@Configuration(proxyBeanMethods = false)
public class Workspace {

  public static final String ROOT = "/deputy";

  @Bean
  FilterRegistrationBean<WorkspaceFilter> deputyWorkspaceFilter(
      @Lazy IdentityService identityService, DeputyProperties properties, Clock clock) {
    var registration = new FilterRegistrationBean<>(new WorkspaceFilter(identityService, properties, clock));
    registration.setName("deputy-workspace");
    registration.addUrlPatterns(ROOT, ROOT + "/*");
    // after the login throttle (which must see every password check) and the security headers
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return registration;
  }
}
