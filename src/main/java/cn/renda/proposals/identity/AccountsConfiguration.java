package cn.renda.proposals.identity;

import cn.renda.proposals.platform.AccountRules;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Accounts and login: the login throttle, the engine's account rules (password policy, no changes of one's own names
 * and e-mail) and the filter that tells the throttle where a request comes from. README.md, "Accounts and login".
 */
@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

  @Bean
  LoginThrottle loginThrottle(AccountProperties accounts, Clock clock) {
    return new LoginThrottle(accounts.loginThrottle(), clock);
  }

  /** An engine plugin: the engine collects every plugin bean. */
  @Bean
  AccountRules accountRules(LoginThrottle loginThrottle, AccountProperties accounts) {
    return new AccountRules(loginThrottle, accounts.passwordPolicy(), accounts.usersMayChangeEmail());
  }

  /**
   * On every path and before every login (the engine-rest and API filters, the webapps' login), so that every password
   * check knows its client and every refusal becomes a 429.
   */
  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(
      ObjectMapper objectMapper, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(objectMapper, webappPath));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
