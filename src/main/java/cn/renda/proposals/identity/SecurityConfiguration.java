package cn.renda.proposals.identity;

import cn.renda.proposals.platform.RefusalStatusFilter;
import cn.renda.proposals.platform.ServerErrorFilter;
import cn.renda.proposals.platform.ServiceLookupCache;
import cn.renda.proposals.web.RequestSizeLimitFilter;
import cn.renda.proposals.web.SecurityHeadersFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication for everything outside the Camunda webapps (which guard themselves with their own login), the
 * application checks the webapps' own APIs lack, and the filters every answer passes (security headers, refusals and
 * internal errors on the REST APIs). Spring Security is deliberately absent: it would take over the webapps' login.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration implements WebMvcConfigurer {

  /** Camunda's engine REST API is unauthenticated out of the box; without a user the engine checks nothing. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Content-Security-Policy, X-Frame-Options, nosniff and Referrer-Policy; first, so that every answer has them. */
  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeaders(CamundaBpmProperties camunda) {
    var registration = new FilterRegistrationBean<>(new SecurityHeadersFilter(webapps(camunda)));
    registration.setName("security-headers");
    registration.setUrlPatterns(List.of("/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** No 500 on the REST APIs tells what failed (SQL, stack traces): a generic message and a logged reference. */
  @Bean
  FilterRegistrationBean<ServerErrorFilter> serverErrors(ObjectMapper objectMapper, CamundaBpmProperties camunda) {
    var registration = new FilterRegistrationBean<>(new ServerErrorFilter(objectMapper));
    registration.setName("server-errors");
    registration.setUrlPatterns(Stream.concat(camundaRestApis(camunda).stream(), Stream.of("/api/*")).toList());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /** Camunda's REST resources search the class path for their engine several times a request; once is enough. */
  @Bean
  FilterRegistrationBean<ServiceLookupCache> serviceLookupCache(CamundaBpmProperties camunda) {
    var registration = new FilterRegistrationBean<>(new ServiceLookupCache());
    registration.setName("service-lookup-cache");
    registration.setUrlPatterns(camundaRestApis(camunda));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** Cockpit's, Admin's and Tasklist's APIs only for users of that application, as their pages are. */
  @Bean
  FilterRegistrationBean<WebappAccessFilter> webappAccess(ObjectMapper objectMapper, CamundaBpmProperties camunda) {
    String api = webapps(camunda) + "/api";
    var registration = new FilterRegistrationBean<>(new WebappAccessFilter(api, objectMapper));
    registration.setName("webapp-access");
    registration.setUrlPatterns(List.of(api + "/cockpit/*", api + "/admin/*", api + "/tasklist/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 8);
    return registration;
  }

  /**
   * Refused input on Camunda's REST APIs (engine-rest, the webapps' APIs) answers 400, not the 500 Camunda gives it;
   * so do paging parameters that are negative or not a number.
   */
  @Bean
  FilterRegistrationBean<RefusalStatusFilter> refusalStatus(ObjectMapper objectMapper, CamundaBpmProperties camunda) {
    var registration = new FilterRegistrationBean<>(new RefusalStatusFilter(objectMapper));
    registration.setName("refusal-status");
    registration.setUrlPatterns(camundaRestApis(camunda));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * Mapped to everything: the filter itself picks our API, the actuator and the API docs by the normalized path, so
   * that no spelling of a path ({@code /v3/api-docs.yaml}, {@code /v3;x/api-docs}) slips past a URL pattern. The
   * engine is looked up at the first request: filters are created while the web server starts, and an engine built
   * there parses its mappings with the web server's class loader, which took 1–2 s longer (README, figure 7).
   */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(
      @Lazy ProcessEngine processEngine, ObjectMapper objectMapper) {
    var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(processEngine, objectMapper));
    registration.setName("api-authentication");
    registration.setUrlPatterns(List.of("/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Our API reads JSON of at most 1 MB (a proposal's content is limited to 50,000 characters). */
  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimit(ObjectMapper objectMapper) {
    var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(1024 * 1024, objectMapper));
    registration.setName("api-request-size-limit");
    registration.setUrlPatterns(List.of("/api/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  /** Camunda's REST APIs: engine-rest and the webapps' APIs, which are built on the same resources. */
  private static List<String> camundaRestApis(CamundaBpmProperties camunda) {
    return List.of("/engine-rest/*", webapps(camunda) + "/api/*");
  }

  /** Where the Camunda webapps live ({@code camunda.bpm.webapp.application-path}, {@code /camunda}). */
  private static String webapps(CamundaBpmProperties camunda) {
    return camunda.getWebapp().getApplicationPath();
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentUserArgumentResolver());
  }

  /** Lets controllers declare a {@link CurrentUser} parameter. */
  static final class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType().equals(CurrentUser.class);
    }

    @Override
    public Object resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest,
        WebDataBinderFactory binderFactory) {
      Object user =
          webRequest.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
      if (user == null) {
        throw new IllegalStateException("No authenticated user: the endpoint is outside the authenticated paths");
      }
      return user;
    }
  }
}
