package cn.renda.proposals.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives a turned-down command its proper status on Camunda's REST APIs, which answer every failure of a task
 * completion with 500:
 *
 * <ul>
 *   <li>input refused by our rules ({@code InvalidInputException}) becomes 400, with the same body — the message that
 *       tells the user what to correct;
 *   <li>a concurrent change of the same task (two people completing it at once) becomes 409 with a message that says
 *       so in Chinese and English, instead of the engine's optimistic-locking text.
 * </ul>
 */
public class RefusalStatusFilter extends OncePerRequestFilter {

  static final String CONFLICT_BODY = "{\"type\":\"Conflict\",\"message\":\"该任务刚刚已被他人处理或修改，请刷新后查看"
      + "（Someone else completed or changed this task at the same moment; reload and check）\",\"code\":409}";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    Refusals.clear();
    try {
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR && Refusals.reason() != null) {
        switch (Refusals.reason()) {
          case REFUSED_INPUT -> wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
          case CONFLICT -> {
            wrapper.setStatus(HttpServletResponse.SC_CONFLICT);
            wrapper.resetBuffer();
            wrapper.setContentType("application/json;charset=UTF-8");
            wrapper.getOutputStream().write(CONFLICT_BODY.getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    } finally {
      Refusals.clear();
      wrapper.copyBodyToResponse();
    }
  }
}
