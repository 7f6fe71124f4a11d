package cn.renda.proposals.bench;

import static org.awaitility.Awaitility.await;

import cn.renda.proposals.ProposalHandlingApplication;
import cn.renda.proposals.support.TestDatabases;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 7 of the national-scale benchmark: the product and a bare Camunda Spring Boot application
 * ({@code src/bench/bare-camunda}: the starter with webapps and REST, nothing else) started in turn as processes of
 * their own, on databases of their own on the same server, with the same JVM and no options. Each is first started once
 * to create its schema; then both are started {@code runs} times, alternately, and each start is timed from the
 * process's launch until it is ready for traffic (the product: its readiness probe, after its start-up runners; the
 * bare app: its webapp answers), and its resident memory read at that moment.
 */
final class StartUp {

  private static final Path BASE = Path.of("").toAbsolutePath();
  private static final Path WORK = BASE.resolve("target/bench");
  private static final Path BARE = BASE.resolve("src/bench/bare-camunda");
  private static final String ADMIN_PASSWORD = "Qx7-bench-Start-2026";
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  /** One of the two applications: how to launch it on a port, and the address that answers 200 once it is ready. */
  private record Application(String name, List<String> command, Map<String, String> environment, String probe,
      String authorization) {}

  /** One start: milliseconds to ready and resident kilobytes then. */
  private record Start(long millis, long residentKb) {}

  private StartUp() {}

  static List<NationalScale.Figure> figures(int runs, List<String> log) throws Exception {
    sameVersions();
    Files.createDirectories(WORK);
    String java = ProcessHandle.current().info().command().orElse("java");
    String productClasspath = BASE.resolve("target/classes") + File.pathSeparator
        + classpath(BASE.resolve("pom.xml"), "product.classpath", List.of());
    String bareClasspath = BASE.resolve("target/bare-camunda/classes") + File.pathSeparator
        + classpath(BARE.resolve("pom.xml"), "bare.classpath", List.of("compile"));
    TestDatabases.Database productDb = TestDatabases.create();
    TestDatabases.Database bareDb = TestDatabases.create();
    Application product = new Application("product",
        List.of(java, "-cp", productClasspath, ProposalHandlingApplication.class.getName(),
            "--management.endpoint.health.probes.enabled=true"),
        Map.of("SPRING_PROFILES_ACTIVE", "postgres", "DB_URL", productDb.url(), "DB_USER", productDb.user(),
            "DB_PASSWORD", nullToEmpty(productDb.password()), "ADMIN_PASSWORD", ADMIN_PASSWORD),
        "/actuator/health/readiness",
        "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    Application bare = new Application("bare",
        List.of(java, "-cp", bareClasspath, "bench.bare.BareCamundaApplication",
            "--spring.datasource.url=" + bareDb.url(), "--spring.datasource.username=" + bareDb.user(),
            "--spring.datasource.password=" + nullToEmpty(bareDb.password())),
        Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD), "/camunda/app/welcome/default/", null);
    start(product, 0);
    start(bare, 0);
    List<Start> ours = new ArrayList<>();
    List<Start> theirs = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      ours.add(start(product, run));
      theirs.add(start(bare, run));
    }
    log.add(String.format(Locale.ROOT, "start-up, %d runs each: the product %s, the bare Camunda app %s", runs,
        describe(ours), describe(theirs)));
    double time = median(ours, Start::millis) / median(theirs, Start::millis);
    double memory = median(ours, Start::residentKb) / median(theirs, Start::residentKb);
    return List.of(
        new NationalScale.Figure("7. start-up to healthy against a bare Camunda app",
            String.format(Locale.ROOT, "%.2f × (%.1f s)", time, median(ours, Start::millis) / 1000), "≤ 1.3 ×",
            time <= 1.3),
        new NationalScale.Figure("7. resident memory after start-up against a bare Camunda app",
            String.format(Locale.ROOT, "%.2f × (%.0f MB)", memory, median(ours, Start::residentKb) / 1024),
            "≤ 1.3 ×", memory <= 1.3));
  }

  /** Both applications must be built on the same Spring Boot and Camunda, or the comparison says nothing. */
  private static void sameVersions() throws IOException {
    String product = Files.readString(BASE.resolve("pom.xml"));
    String bare = Files.readString(BARE.resolve("pom.xml"));
    for (Pattern version : List.of(
        Pattern.compile("<artifactId>spring-boot-starter-parent</artifactId>\\s*<version>([^<]+)</version>"),
        Pattern.compile("<camunda.version>([^<]+)</camunda.version>"))) {
      String ours = find(version, product);
      String theirs = find(version, bare);
      if (!ours.equals(theirs)) {
        throw new IllegalStateException("src/bench/bare-camunda/pom.xml has " + theirs + " where pom.xml has " + ours
            + " (" + version.pattern() + "): keep them the same");
      }
    }
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + pattern.pattern());
    }
    return matcher.group(1);
  }

  /** The runtime classpath of a Maven project, as the Maven wrapper of this project resolves it. */
  private static String classpath(Path pom, String file, List<String> goalsBefore) throws Exception {
    Path output = WORK.resolve(file);
    List<String> command = new ArrayList<>(List.of(BASE.resolve("mvnw").toString(), "-B", "-q", "-f", pom.toString()));
    command.addAll(goalsBefore);
    command.addAll(List.of("dependency:build-classpath", "-DincludeScope=runtime",
        "-Dmdep.outputFile=" + output));
    Path mavenLog = WORK.resolve(file + ".log");
    Process maven = new ProcessBuilder(command).directory(BASE.toFile()).redirectErrorStream(true)
        .redirectOutput(mavenLog.toFile()).start();
    if (!maven.waitFor(10, TimeUnit.MINUTES) || maven.exitValue() != 0) {
      maven.destroyForcibly();
      throw new IllegalStateException("could not resolve the classpath of " + pom + ": see " + mavenLog);
    }
    return Files.readString(output).trim();
  }

  private static Start start(Application application, int run) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(application.command());
    command.add("--server.port=" + port);
    Path output = WORK.resolve("start-up-" + application.name() + "-" + run + ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(application.environment());
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest.Builder probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + application.probe()))
        .timeout(Duration.ofSeconds(10));
    if (application.authorization() != null) {
      probe.header("Authorization", application.authorization());
    }
    HttpRequest request = probe.build();
    long launched = System.nanoTime();
    Process process = builder.start();
    try {
      await().atMost(PATIENCE).pollInterval(Duration.ofMillis(25)).until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException(application.name() + " ended with " + process.exitValue() + ": see "
              + output);
        }
        try {
          return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException refused) {
          return false;
        }
      });
      long millis = (System.nanoTime() - launched) / 1_000_000;
      return new Start(millis, residentKb(process.pid()));
    } finally {
      process.destroy();
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** The process's resident set as the kernel counts it ({@code VmRSS}, Linux). */
  private static long residentKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  private static double median(List<Start> starts, java.util.function.ToLongFunction<Start> figure) {
    List<Long> values = new ArrayList<>(starts.stream().map(figure::applyAsLong).toList());
    values.sort(null);
    return NationalScale.percentile(values, 50);
  }

  private static String describe(List<Start> starts) {
    return starts.stream().map(start -> String.format(Locale.ROOT, "%.1f s %d MB", start.millis() / 1000.0,
        start.residentKb() / 1024)).toList().toString();
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
