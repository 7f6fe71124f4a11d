package cn.renda.proposals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The national-scale benchmark, small: it seeds, measures every figure it knows and prints its table. */
class NationalScaleSmokeTest {

  @Test
  void shouldMeasureEveryFigureOnASmallSeed() throws Exception {
    List<String> log = new ArrayList<>();
    List<NationalScale.Figure> figures = NationalScale.run(new NationalScale.Sizes(20, 200, 60, 3), log);

    assertThat(log).hasSize(5);
    assertThat(figures).extracting(NationalScale.Figure::name)
        .anySatisfy(name -> assertThat(name).startsWith("3. agency inbox"))
        .anySatisfy(name -> assertThat(name).startsWith("4. GET /api/proposals"));
    assertThat(figures).filteredOn(figure -> figure.met() != null)
        .allSatisfy(figure -> assertThat(figure.measured()).matches("\\d+ ms \\(p50 \\d+\\)"));
    List<String> table = NationalScale.table(figures);
    assertThat(table).hasSize(figures.size() + 1);
    table.forEach(System.out::println);
  }
}
