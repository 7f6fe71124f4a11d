package cn.renda.proposals.bench;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The national-scale benchmark at full size: {@code ./mvnw -Pbench verify} (README, "Benchmark at national scale").
 * Not part of the suite (its name does not end in Test); it prints the table and fails only when it cannot measure.
 */
class NationalScaleBenchmark {

  @Test
  void printTheFiguresBesideTheirGoals() throws Exception {
    NationalScale.Sizes sizes = NationalScale.Sizes.fromSystemProperties();
    List<String> log = new ArrayList<>();
    List<NationalScale.Figure> figures = NationalScale.run(sizes, NationalScale.wantedFromSystemProperties(), log);
    System.out.println("National-scale benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
        + sizes + "):");
    log.forEach(line -> System.out.println("  " + line));
    NationalScale.table(figures).forEach(line -> System.out.println("  " + line));
  }
}
