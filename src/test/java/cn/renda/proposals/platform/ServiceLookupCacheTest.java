package cn.renda.proposals.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The engine's service search during a request asks the web server's loader once; classes stay the server's. */
class ServiceLookupCacheTest {

  private static final String PROVIDER = "META-INF/services/" + ProcessEngineProvider.class.getName();

  private final ServiceLookupCache filter = new ServiceLookupCache();
  private final CountingLoader server = new CountingLoader(ServiceLookupCacheTest.class.getClassLoader());
  private ClassLoader before;

  @BeforeEach
  void runAsTheServer() {
    before = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(server);
  }

  @AfterEach
  void restore() {
    Thread.currentThread().setContextClassLoader(before);
  }

  @Test
  void shouldSearchTheServicesOnceOverManyRequestsAndFindTheSameProviderClass() throws Exception {
    List<Class<?>> found = new ArrayList<>();
    for (int request = 0; request < 3; request++) {
      run((req, res) -> {
        for (ProcessEngineProvider provider : ServiceLoader.load(ProcessEngineProvider.class)) {
          found.add(provider.getClass());
        }
        for (ProcessEngineProvider provider : ServiceLoader.load(ProcessEngineProvider.class)) {
          found.add(provider.getClass());
        }
      });
    }

    assertThat(server.searches(PROVIDER)).isEqualTo(1);
    List<Class<?>> outside = new ArrayList<>();
    ServiceLoader.load(ProcessEngineProvider.class, server).forEach(provider -> outside.add(provider.getClass()));
    assertThat(outside).isNotEmpty();
    assertThat(found).hasSize(6 * outside.size());
    for (int search = 0; search < 6; search++) {
      assertThat(found.subList(search * outside.size(), (search + 1) * outside.size())).isEqualTo(outside);
    }
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(server);
  }

  @Test
  void shouldAskTheServerForEveryOtherResourceEachTime() throws Exception {
    for (int request = 0; request < 2; request++) {
      run((req, res) -> {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        assertThat(loader).isNotSameAs(server);
        assertThat(Collections.list(loader.getResources("META-INF/MANIFEST.MF"))).isNotEmpty();
        try {
          assertThat(loader.loadClass(ServiceLookupCache.class.getName())).isSameAs(ServiceLookupCache.class);
        } catch (ClassNotFoundException e) {
          throw new ServletException(e);
        }
      });
    }

    assertThat(server.searches("META-INF/MANIFEST.MF")).isEqualTo(2);
  }

  @Test
  void shouldGiveTheThreadItsLoaderBackWhenTheRequestFails() {
    AtomicReference<ClassLoader> during = new AtomicReference<>();
    assertThatThrownBy(() -> run((req, res) -> {
      during.set(Thread.currentThread().getContextClassLoader());
      throw new IllegalStateException("refused");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(during.get()).isInstanceOf(ServiceLookupCache.CachingLoader.class);
    assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(server);
  }

  private void run(FilterChain chain) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/filter/1/list");
    filter.doFilter(request, new MockHttpServletResponse(), chain);
  }

  /** The web server's loader, counting how often each resource name is searched. */
  private static final class CountingLoader extends ClassLoader {

    private final List<String> searched = Collections.synchronizedList(new ArrayList<>());

    CountingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      searched.add(name);
      return super.getResources(name);
    }

    long searches(String name) {
      return searched.stream().filter(name::equals).count();
    }
  }
}
