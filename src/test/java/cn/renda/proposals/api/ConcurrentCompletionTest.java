package cn.renda.proposals.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.GiveFeedback;
import cn.renda.proposals.process.SignOffReply;
import cn.renda.proposals.support.EngineRest;
import cn.renda.proposals.support.Http;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import cn.renda.proposals.support.Walk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two people completing the same task at the same moment: one succeeds, the other gets a clear conflict. */
@IntegrationTest
class ConcurrentCompletionTest {

  @LocalServerPort int port;
  @Autowired Walk walk;
  @Autowired ProcessDriver driver;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldGiveOneSuccessAndOneConflict() throws Exception {
    String id = walk.toDrafting(ProcessDriver.newSession(), "czj");
    walk.draft(id, "czj", "A", null);
    EngineRest rest = new EngineRest("http://localhost:" + port);
    String task = rest.taskId("czj-leader", id, SignOffReply.KEY);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService leaders = Executors.newFixedThreadPool(2);
    List<Http.Answer> answers = new ArrayList<>();
    try {
      List<Future<Http.Answer>> futures = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        futures.add(leaders.submit(() -> {
          together.await(30, TimeUnit.SECONDS);
          return rest.complete("czj-leader", task, Map.of(SignOffReply.SIGN_OFF_DECISION.name(), "APPROVE"));
        }));
      }
      for (Future<Http.Answer> future : futures) {
        answers.add(future.get(60, TimeUnit.SECONDS));
      }
    } finally {
      leaders.shutdownNow();
    }

    assertThat(answers).extracting(Http.Answer::status).containsOnlyOnce(204);
    Http.Answer loser = answers.stream().filter(a -> a.status() != 204).findFirst().orElseThrow();
    assertThat(loser.status()).as(loser.body()).isIn(404, 409);
    assertThat(loser.json().get("message").asText()).isNotBlank();
    // the record took the sign-off once
    assertThat(jdbc.sql("SELECT COUNT(*) FROM timeline_event WHERE proposal_id = ? AND action = 'REPLY_APPROVED'")
        .param(id).query(Long.class).single()).isEqualTo(1);
    assertThat(driver.tasks(id, GiveFeedback.KEY)).hasSize(1);
  }
}
