package cn.renda.proposals.web;

import cn.renda.proposals.platform.RefusalUnwrapping;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A value refused by our rules while a task is completed or a form submitted through Camunda's REST APIs (engine-rest
 * and the webapps' engine API that Tasklist uses) answers <b>400 with our message</b>, in Camunda's error shape
 * ({@code type}, {@code message}) plus every field at fault ({@code errors}).
 *
 * <p>Without this, the engine's REST resources catch the refusal like any engine failure and answer 500 "Cannot submit
 * task form …: …", which Tasklist shows as an internal error in English. The refusal is found through {@link
 * RefusalUnwrapping}, which remembers it on the request's thread; every other answer passes unchanged.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestRefusals {

  @Bean
  FilterRegistrationBean<RefusalFilter> engineRestRefusalFilter(
      ObjectMapper objectMapper, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    var registration = new FilterRegistrationBean<>(new RefusalFilter(objectMapper));
    registration.setName("engine-rest-refusals");
    registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return registration;
  }

  /** Rewrites the engine REST answer of a refused input; only requests that change something are buffered. */
  static final class RefusalFilter extends OncePerRequestFilter {

    private final ObjectMapper objectMapper;

    RefusalFilter(ObjectMapper objectMapper) {
      this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
      RefusalUnwrapping.forgetRefusal();
      try {
        chain.doFilter(request, buffered);
        InvalidInputException refusal = RefusalUnwrapping.lastRefusal();
        if (refusal != null && buffered.getStatus() >= 400) {
          buffered.resetBuffer();
          buffered.setStatus(HttpServletResponse.SC_BAD_REQUEST);
          buffered.setContentType("application/json");
          buffered.setCharacterEncoding(StandardCharsets.UTF_8.name());
          objectMapper.writeValue(buffered.getOutputStream(), body(refusal));
        }
      } finally {
        RefusalUnwrapping.forgetRefusal();
        buffered.copyBodyToResponse();
      }
    }

    private static Map<String, Object> body(InvalidInputException refusal) {
      List<Problem.FieldError> errors = refusal.errors();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", InvalidInputException.class.getSimpleName());
      body.put("message", errors.stream().map(Problem.FieldError::messageZh).collect(Collectors.joining("；")) + "。");
      body.put("messageEn", errors.stream().map(e -> e.field() + ": " + e.messageEn()).collect(Collectors.joining("; ")));
      body.put("code", null);
      body.put("errors", errors);
      return body;
    }
  }
}
