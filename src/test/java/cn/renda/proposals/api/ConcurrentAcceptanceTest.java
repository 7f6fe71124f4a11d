package cn.renda.proposals.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.process.ProcessVariables;
import cn.renda.proposals.process.ReviewProposal;
import cn.renda.proposals.support.IntegrationTest;
import cn.renda.proposals.support.ProcessDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ConcurrentAcceptanceTest {

  @Autowired ProcessDriver driver;
  @Autowired JdbcClient jdbc;

  @Test
  void shouldGiveFiftyConcurrentAcceptancesFiftyConsecutiveCaseNumbers() throws Exception {
    // given fifty suggestions of one session waiting for review
    String session = ProcessDriver.newSession();
    List<String> ids = IntStream.rangeClosed(1, 50)
        .mapToObj(i -> driver.submitSuggestion(session, "关于并发立案第" + i + "件的建议"))
        .toList();

    // when the congress office accepts them all at the same moment, eight at a time
    ExecutorService clerks = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try {
      for (String id : ids) {
        done.add(clerks.submit(() -> {
          start.await();
          driver.complete("congress-clerk", id, ReviewProposal.KEY,
              Map.of(ReviewProposal.REVIEW_DECISION.name(), "ACCEPT", ProcessVariables.PRIORITY.name(), "NORMAL"));
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      clerks.shutdownNow();
    }

    // then the numbers are 1 to 50, each once
    List<Integer> numbers = jdbc.sql("SELECT case_number FROM proposal WHERE session_code = ? ORDER BY case_number")
        .param(session)
        .query(Integer.class)
        .list();
    assertThat(numbers).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
  }
}
