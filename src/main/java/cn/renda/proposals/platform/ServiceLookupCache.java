package cn.renda.proposals.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST resources (engine-rest, and the webapps' engine API built on the same classes) find their process
 * engine with a {@link java.util.ServiceLoader} each time one is created — {@code EngineUtil.lookupProcessEngine},
 * three to six times a request — and each such search asks the thread's context class loader for
 * {@code META-INF/services/…} of every jar on the class path. During a request that loader is the web server's, which
 * searches its own resources and then every jar again: 4–5 % of the Java time of a Tasklist refresh (README,
 * "Benchmark at national scale", figure 3).
 *
 * <p>While a request passes this filter, the context class loader is a thin child of the web server's that answers
 * {@code META-INF/services/} lookups from what the first lookup of that name found; every class and every other
 * resource still comes from the web server's loader, so the classes the search names are the same. The application's
 * jars do not change while it runs, so neither does the answer. After the request the thread gets its own loader back.
 */
public class ServiceLookupCache extends OncePerRequestFilter {

  private volatile CachingLoader loader;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Thread thread = Thread.currentThread();
    ClassLoader own = thread.getContextClassLoader();
    if (own == null || own instanceof CachingLoader) {
      chain.doFilter(request, response);
      return;
    }
    thread.setContextClassLoader(loaderFor(own));
    try {
      chain.doFilter(request, response);
    } finally {
      thread.setContextClassLoader(own);
    }
  }

  /** The caching child of {@code parent}; one per parent (a server has one web application class loader). */
  CachingLoader loaderFor(ClassLoader parent) {
    CachingLoader current = loader;
    if (current == null || current.getParent() != parent) {
      current = new CachingLoader(parent);
      loader = current;
    }
    return current;
  }

  /** A class loader that loads nothing itself and remembers the parent's service files by name. */
  static final class CachingLoader extends ClassLoader {

    static {
      registerAsParallelCapable();
    }

    private static final String SERVICES = "META-INF/services/";

    private final Map<String, List<URL>> services = new ConcurrentHashMap<>();

    CachingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (!name.startsWith(SERVICES)) {
        return getParent().getResources(name);
      }
      List<URL> found = services.get(name);
      if (found == null) {
        found = List.copyOf(Collections.list(getParent().getResources(name)));
        services.putIfAbsent(name, found);
      }
      return Collections.enumeration(found);
    }
  }
}
