package cn.renda.proposals.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives refused input its proper status on Camunda's REST APIs: when the engine refused the input of this request
 * (an {@code InvalidInputException}, marked by {@link RefusalUnwrapping}) and the REST layer answered 500, the answer
 * becomes 400 with the same body — the message that tells the user what to correct.
 */
public class RefusalStatusFilter extends OncePerRequestFilter {

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
      if (Refusals.refused() && wrapper.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
        wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
    } finally {
      Refusals.clear();
      wrapper.copyBodyToResponse();
    }
  }
}
