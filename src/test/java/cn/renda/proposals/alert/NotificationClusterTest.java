package cn.renda.proposals.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.renda.proposals.support.Outbox;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.TestApplications;
import cn.renda.proposals.support.TestDatabases;
import cn.renda.proposals.support.TestMailServer;
import cn.renda.proposals.support.TestMailServer.Received;
import cn.renda.proposals.support.TestNotifications;
import cn.renda.proposals.support.Walk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Delivery in separate application instances with their job executors on: across restarts and on a cluster (one
 * PostgreSQL database, the test JVM's SMTP server), and in the default mode without a mail server.
 */
class NotificationClusterTest {

  private static final List<String> AGENCIES = List.of("zfw", "sfj", "fy", "mzj", "xfj", "czj", "jyj", "wjj", "zjj");

  @BeforeEach
  void realTime() {
    ClockUtil.reset();
  }

  @AfterEach
  void serverUp() {
    TestMailServer.start();
  }

  @Test
  void shouldLoseNothingWhenTheApplicationRestartsWhileTheMailServerIsDown() {
    // given an application whose mail server is down
    Map<String, String> settings = settings(TestDatabases.create());
    TestMailServer.stop();
    List<String> ids = new ArrayList<>();
    try (ConfigurableApplicationContext app = TestApplications.start(List.of("demo", "test"), settings)) {
      // when proposals are assigned and the first delivery attempts fail
      Walk walk = app.getBean(Walk.class);
      for (String agency : List.of("zfw", "mzj", "czj")) {
        ids.add(assigned(walk, agency));
      }
      Outbox outbox = app.getBean(Outbox.class);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> ids.stream().allMatch(everyDelivery(outbox, d -> d.attempts() >= 1)));
      assertThat(ids).allMatch(everyDelivery(outbox, d -> d.status().equals("PENDING")));
    }
    // (the application is stopped before its next attempt)

    // when the mail server is back and the application starts again on the same database
    TestMailServer.start();
    try (ConfigurableApplicationContext app = TestApplications.start(List.of("demo", "test"), settings)) {
      Outbox outbox = app.getBean(Outbox.class);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> ids.stream().allMatch(everyDelivery(outbox, d -> d.status().equals("SENT"))));

      // then every mail arrives, once
      assertThat(TestMailServer.about(ids.get(0))).extracting(Received::mailbox)
          .containsExactly("zfw-handler@demo.example");
      assertThat(TestMailServer.about(ids.get(1))).extracting(Received::mailbox)
          .containsExactly("mzj-handler@demo.example");
      assertThat(TestMailServer.about(ids.get(2))).extracting(Received::mailbox)
          .containsExactly("czj-handler@demo.example");
    }
  }

  @Test
  void shouldSendEachMailOnceWhenTwoNodesRunTheSameDueJobs() {
    // given two nodes on one database, and a mail server that is down while the notifications are recorded
    Map<String, String> settings = settings(TestDatabases.create());
    TestMailServer.stop();
    try (ConfigurableApplicationContext first = TestApplications.start(List.of("demo", "test"), settings);
        ConfigurableApplicationContext second = TestApplications.start(List.of("demo", "test"), settings)) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        Walk walk = (i % 2 == 0 ? first : second).getBean(Walk.class);
        ids.add(assigned(walk, AGENCIES.get(i % AGENCIES.size())));
      }
      Outbox outbox = first.getBean(Outbox.class);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> ids.stream().allMatch(everyDelivery(outbox, d -> d.attempts() >= 1)));

      // when the server is back, both nodes' executors find the same due retries
      TestMailServer.start();
      await().atMost(Duration.ofSeconds(90))
          .until(() -> ids.stream().allMatch(everyDelivery(outbox, d -> d.status().equals("SENT"))));

      // then each mail arrived exactly once
      for (int i = 0; i < ids.size(); i++) {
        assertThat(TestMailServer.about(ids.get(i)))
            .extracting(Received::mailbox)
            .containsExactly(AGENCIES.get(i % AGENCIES.size()) + "-handler@demo.example");
      }
      assertThat(TestMailServer.received().stream().filter(mail -> ids.contains(mail.proposalId())))
          .hasSize(ids.size());
    }
  }

  @Test
  void shouldWriteMailsToTheLogWhenNoMailServerIsConfigured(@TempDir Path dataDir) {
    // given the default mode (embedded H2, demo data), which has no mail server
    Map<String, String> h2 = Map.of("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("proposals"));
    try (ConfigurableApplicationContext app = TestApplications.start(List.of(), h2)) {
      // when a proposal is assigned
      String id = assigned(app.getBean(Walk.class), "sfj");

      // then its mail is delivered to the log, by the job executor, and nothing reaches an SMTP server
      Outbox outbox = app.getBean(Outbox.class);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> everyDelivery(outbox, d -> d.status().equals("LOGGED")).test(id));
      assertThat(outbox.delivery(id, "ASSIGNED", "LOG").target()).isEqualTo("sfj-handler@demo.example");
      assertThat(TestMailServer.about(id)).isEmpty();
    }
  }

  /**
   * Each node: job executor on, notifications to the test servers, a short back-off (5 s) instead of minutes, and
   * job locks that expire after 20 s (a node stopped while holding one would otherwise block it for 5 minutes).
   */
  private static Map<String, String> settings(TestDatabases.Database database) {
    Map<String, String> settings = new HashMap<>(TestApplications.on(database));
    settings.putAll(TestNotifications.properties());
    settings.put("camunda.bpm.job-execution.enabled", "true");
    settings.put("camunda.bpm.job-execution.lock-time-in-millis", "20000");
    settings.put("proposals.notifications.retry-intervals", "PT5S,PT5S,PT5S,PT5S,PT5S");
    return settings;
  }

  private static String assigned(Walk walk, String agency) {
    String id = walk.driver().submitSuggestion(ProcessDriver.newSession(), "关于加强基层治理的建议（" + agency + "）");
    walk.review(id, "ACCEPT", "NORMAL");
    walk.assign(id, agency);
    return id;
  }

  private static Predicate<String> everyDelivery(Outbox outbox, Predicate<Outbox.Delivery> condition) {
    return id -> {
      List<Outbox.Delivery> deliveries = outbox.deliveries(id);
      return !deliveries.isEmpty() && deliveries.stream().allMatch(condition);
    };
  }
}
